#include "veche/provisioning/hub_client.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <map>
#include <sstream>

namespace veche::provisioning {
namespace {

HubReply exchange(const HubAddress& hub, const std::string& method, const std::string& target,
                  const std::string& body, const std::map<std::string, std::string>& headers) {
    Poco::Net::HTTPClientSession session(hub.host, hub.port);
    session.setTimeout(Poco::Timespan(hub.timeout.count() * Poco::Timespan::MILLISECONDS));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    if (!body.empty() || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HubReply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

}  // namespace

HubReply HubClient::enrol(const HubAddress& hub, const std::string& code,
                          const signing::KeyPair& key, const std::string& name) {
    Poco::JSON::Object body;
    body.set("code", code);
    body.set("public_key", key.publicKeyBase64());
    body.set("name", name);
    std::ostringstream text;
    body.stringify(text);
    return exchange(hub, "POST", "/api/v1/kiosk/enrol", text.str(), {});
}

HubClient::HubClient(HubAddress hub, std::string kioskId, signing::KeyPair key, Now now,
                     Nonce nonce)
    : hub_(std::move(hub)),
      kioskId_(std::move(kioskId)),
      key_(std::move(key)),
      now_(std::move(now)),
      nonce_(std::move(nonce)) {}

HubClient::Signature HubClient::sign(const std::string& method, const std::string& pathAndQuery,
                                     const std::string& body) {
    Signature s{std::to_string(now_()), nonce_(), ""};
    s.signature =
        key_.sign(signing::canonicalRequest(method, pathAndQuery, s.timestamp, s.nonce, body));
    return s;
}

HubReply HubClient::sendSigned(const std::string& method, const std::string& pathAndQuery,
                               const std::string& body, const Signature& s) {
    return exchange(hub_, method, pathAndQuery, body,
                    {{"X-Veche-Kiosk", kioskId_},
                     {"X-Veche-Timestamp", s.timestamp},
                     {"X-Veche-Nonce", s.nonce},
                     {"X-Veche-Signature", s.signature}});
}

HubReply HubClient::send(const std::string& method, const std::string& pathAndQuery,
                         const std::string& body) {
    return sendSigned(method, pathAndQuery, body, sign(method, pathAndQuery, body));
}

}  // namespace veche::provisioning
