#include "veche/provisioning/hub_client.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include <charconv>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace veche::provisioning {
namespace {

// A session to the hub: HTTPS checks the hub's certificate strictly (chain
// and name) before anything is sent.
std::unique_ptr<Poco::Net::HTTPClientSession> sessionTo(const HubAddress& hub) {
    if (!hub.tls) {
        return std::make_unique<Poco::Net::HTTPClientSession>(hub.host, hub.port);
    }
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    params.loadDefaultCAs = hub.caFile.empty();
    params.caLocation = hub.caFile;
    const Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    return std::make_unique<Poco::Net::HTTPSClientSession>(hub.host, hub.port, context);
}

HubReply exchange(const HubAddress& hub, const std::string& method, const std::string& target,
                  const std::string& body, const std::map<std::string, std::string>& headers) {
    const auto connection = sessionTo(hub);
    Poco::Net::HTTPClientSession& session = *connection;
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

HubAddress parseHubUrl(const std::string& url) {
    HubAddress hub;
    hub.tls = url.rfind("https://", 0) == 0;
    if (!hub.tls && url.rfind("http://", 0) != 0) {
        throw std::invalid_argument(
            "the hub's address must start with https:// or http://, got \"" + url + "\"");
    }
    if (hub.tls) {
        hub.port = 443;
    }
    std::string rest = url.substr(hub.tls ? 8 : 7);
    if (const auto slash = rest.find('/'); slash != std::string::npos) {
        rest.resize(slash);
    }
    const auto colon = rest.rfind(':');
    hub.host = rest.substr(0, colon);
    if (hub.host.empty()) {
        throw std::invalid_argument("the hub's address has no host: \"" + url + "\"");
    }
    if (colon != std::string::npos) {
        const std::string port = rest.substr(colon + 1);
        unsigned value = 0;
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (error != std::errc() || end != port.data() + port.size() || value == 0 ||
            value > 65535) {
            throw std::invalid_argument("the hub's address has a bad port: \"" + url + "\"");
        }
        hub.port = static_cast<std::uint16_t>(value);
    }
    return hub;
}

std::string urlOf(const HubAddress& hub) {
    return (hub.tls ? "https://" : "http://") + hub.host + ":" + std::to_string(hub.port);
}

HubAddress withUrl(const HubAddress& base, const std::string& url) {
    HubAddress hub = parseHubUrl(url);
    hub.timeout = base.timeout;
    hub.caFile = base.caFile;
    return hub;
}

HubError errorOf(const HubReply& reply) {
    try {
        auto error = Poco::JSON::Parser()
                         .parse(reply.body)
                         .extract<Poco::JSON::Object::Ptr>()
                         ->getObject("error");
        if (error) {
            return {error->optValue<std::string>("code", ""),
                    error->optValue<std::string>("message", "")};
        }
    } catch (const std::exception&) {
    }
    return {"", reply.body};
}

std::string refusalText(int status, const std::string& code, const std::string& message) {
    static const std::map<std::string, std::string> kExplained = {
        {"invalid_code",
         "код не подходит: он неверный, уже использован или просрочен. Попросите новый."},
        {"wrong_building", "этот код выдан для другого дома."},
        {"already_replaced", "этот терминал уже заменён другим."},
        {"rotation_pending", "ключ уже меняется: повторите через 10 минут."},
        {"key_reused", "этот ключ терминал уже использовал; нужен новый."},
        {"unauthorized", "токен не подходит. Проверьте --token или VECHE_TOKEN."},
        {"forbidden", "этому токену это не разрешено."},
        {"not_found", "такого нет: " + message},
        {"too_many_attempts", "слишком много неудачных попыток: подождите минуту."},
    };
    auto it = kExplained.find(code);
    const std::string text = it != kExplained.end() ? it->second : message;
    return "хаб отказал (HTTP " + std::to_string(status) + (code.empty() ? "" : ", " + code) +
           "): " + text;
}

HubReply tokenRequest(const HubAddress& hub, const std::string& token, const std::string& method,
                      const std::string& pathAndQuery, const std::string& body) {
    return exchange(hub, method, pathAndQuery, body, {{"Authorization", "Bearer " + token}});
}

HubReply HubClient::enrol(const HubAddress& hub, const std::string& code,
                          const signing::KeyPair& key, const std::string& name,
                          const std::string& buildingId) {
    Poco::JSON::Object body;
    body.set("code", code);
    body.set("public_key", key.publicKeyBase64());
    body.set("name", name);
    if (!buildingId.empty()) {
        body.set("building_id", buildingId);
    }
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
