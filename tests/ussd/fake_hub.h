#pragma once
// A USSD endpoint on 127.0.0.1 (a port the OS chooses) that records every
// request and answers as its reply function says.

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace veche::ussd::testing {

struct HubRequest {
    std::string method;
    std::string uri;
    std::string contentType;
    std::map<std::string, std::string> form;
};

struct HubReply {
    int status = 200;
    std::string body;
};

class FakeHub {
public:
    using Reply = std::function<HubReply(const HubRequest&)>;

    explicit FakeHub(Reply reply);
    ~FakeHub();

    std::uint16_t port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::vector<HubRequest> requests() const;

    // Called by the server's threads.
    HubReply handle(HubRequest request);

private:
    Reply reply_;
    mutable std::mutex mutex_;
    std::vector<HubRequest> requests_;
    std::uint16_t port_ = 0;
    Poco::ThreadPool threads_{1, 4};
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace veche::ussd::testing
