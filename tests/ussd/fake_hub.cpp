#include "fake_hub.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

namespace veche::ussd::testing {
namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(FakeHub& hub) : hub_(hub) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        HubRequest recorded{request.getMethod(), request.getURI(), request.getContentType(), {}};
        const Poco::Net::HTMLForm form(request, request.stream());
        for (const auto& [name, value] : form) {
            recorded.form[name] = value;
        }
        const HubReply reply = hub_.handle(std::move(recorded));
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
        response.setContentType("text/plain; charset=utf-8");
        response.sendBuffer(reply.body.data(), reply.body.size());
    }

private:
    FakeHub& hub_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(FakeHub& hub) : hub_(hub) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new Handler(hub_);
    }

private:
    FakeHub& hub_;
};

}  // namespace

FakeHub::FakeHub(Reply reply) : reply_(std::move(reply)) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), threads_, socket,
                                                      new Poco::Net::HTTPServerParams);
    server_->start();
}

FakeHub::~FakeHub() {
    server_->stopAll(true);
    threads_.joinAll();  // as HttpServer::stop: no dispatcher left to a thread
}

std::vector<HubRequest> FakeHub::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

HubReply FakeHub::handle(HubRequest request) {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    return reply_(requests_.back());
}

}  // namespace veche::ussd::testing
