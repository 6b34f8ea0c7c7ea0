#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>
#include <stdexcept>

#include "veche/ussd/phone.h"

namespace veche::ussd {

PocoUssdTransport::PocoUssdTransport(const std::string& hubUrl, Poco::Timespan timeout)
    : timeout_(timeout) {
    Poco::URI uri;
    try {
        uri = Poco::URI(hubUrl);
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("not a URL: \"" + hubUrl + "\": " + e.displayText());
    }
    if (uri.getScheme() != "http" || uri.getHost().empty() || !uri.getRawQuery().empty()) {
        throw std::invalid_argument("the hub's URL must be http://host[:port][/path], not \"" +
                                    hubUrl + "\"");
    }
    host_ = uri.getHost();
    port_ = uri.getPort();
    path_ = uri.getPath();
    while (path_.ends_with('/')) {
        path_.pop_back();
    }
    path_ += "/ussd";
    url_ = "http://" + host_ + ":" + std::to_string(port_) + path_;
}

std::string PocoUssdTransport::post(const std::map<std::string, std::string>& form) {
    Poco::Net::HTMLForm fields;
    for (const auto& [name, value] : form) {
        fields.set(name, value);
    }
    std::ostringstream body;
    fields.write(body);
    std::string reply;
    Poco::Net::HTTPResponse response;
    try {
        Poco::Net::HTTPClientSession session(host_, port_);
        session.setTimeout(timeout_);
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path_,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType(Poco::Net::HTMLForm::ENCODING_URL);
        request.setContentLength64(static_cast<Poco::Int64>(body.str().size()));
        session.sendRequest(request) << body.str();
        Poco::StreamCopier::copyToString(session.receiveResponse(response), reply);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("POST " + url_ + ": " + e.displayText());
    }
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
        throw std::runtime_error("POST " + url_ + ": HTTP " +
                                 std::to_string(static_cast<int>(response.getStatus())) + " " +
                                 response.getReason() + ": " + reply.substr(0, 200));
    }
    return reply;
}

}  // namespace veche::ussd
