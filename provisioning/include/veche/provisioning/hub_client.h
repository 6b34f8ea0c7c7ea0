#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "veche/signing/ed25519.h"

namespace veche::provisioning {

struct HubReply {
    int status = 0;
    std::string body;
};

// Where the hub is. Over the network it is HTTPS: residents' phones travel
// in the requests. Plain HTTP is for loopback and tests.
struct HubAddress {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    // How long to wait for a connection, and then for each read or write.
    std::chrono::milliseconds timeout{10'000};
    // HTTPS: the hub's certificate must chain to a trusted CA and name
    // `host`, or nothing is sent. Trusted: the system's CAs, or only the
    // certificates in `caFile` (PEM) when it is given (a TOS's own CA).
    bool tls = false;
    std::string caFile{};
};

// "http://host[:port]" (port 8080 by default) or "https://host[:port]" (443)
// → the address. Throws std::invalid_argument naming what is wrong.
HubAddress parseHubUrl(const std::string& url);
// The other way: "https://host:port" or "http://host:port".
std::string urlOf(const HubAddress& hub);
// The address `url` names, keeping `base`'s timeout and trusted CAs (for a
// URL read from a label, on a kiosk that trusts a TOS's own CA).
HubAddress withUrl(const HubAddress& base, const std::string& url);

// What a refusal says ({"error": {"code", "message"}}); a body that is not
// one is the message, with no code.
struct HubError {
    std::string code;
    std::string message;
};
HubError errorOf(const HubReply& reply);
// What a refusal (HTTP `status`, error `code` and `message`) means for
// staff, in Russian: «хаб отказал (HTTP 403, invalid_code): код не подходит…».
std::string refusalText(int status, const std::string& code, const std::string& message);

// A request of an operator or staff member, with their API token.
HubReply tokenRequest(const HubAddress& hub, const std::string& token, const std::string& method,
                      const std::string& pathAndQuery, const std::string& body = "");

// A kiosk's side of the hub protocol (docs/kiosk-sync.md): enrolment with a
// one-time code, then requests signed with the kiosk's own key. Time and
// nonces are injected so that tests can replay and age requests.
class HubClient {
public:
    using Now = std::function<std::int64_t()>;   // ms since the epoch
    using Nonce = std::function<std::string()>;  // 16-64 characters, never repeated

    // Posts the code and the kiosk's public key; the reply's body carries
    // kiosk_id, building_id and settings on 201. With `buildingId`, the hub
    // refuses a code for another building.
    static HubReply enrol(const HubAddress& hub, const std::string& code,
                          const signing::KeyPair& key, const std::string& name,
                          const std::string& buildingId = "");

    HubClient(HubAddress hub, std::string kioskId, signing::KeyPair key, Now now, Nonce nonce);

    // A request signed now with a fresh nonce.
    HubReply send(const std::string& method, const std::string& pathAndQuery,
                  const std::string& body = "");

    // The headers send() would attach, for tests that tamper with them.
    struct Signature {
        std::string timestamp;
        std::string nonce;
        std::string signature;
    };
    Signature sign(const std::string& method, const std::string& pathAndQuery,
                   const std::string& body);
    HubReply sendSigned(const std::string& method, const std::string& pathAndQuery,
                        const std::string& body, const Signature& signature);

    const std::string& kioskId() const { return kioskId_; }

private:
    HubAddress hub_;
    std::string kioskId_;
    signing::KeyPair key_;
    Now now_;
    Nonce nonce_;
};

}  // namespace veche::provisioning
