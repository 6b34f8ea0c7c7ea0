#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "veche/kiosk/services.h"
#include "veche/provisioning/hub_client.h"

namespace veche::kiosk {

// Time and randomness, injected so that expiry, limits and ids are testable
// without sleeping.
struct Environment {
    std::function<Millis()> now;                        // ms since 1970
    std::function<std::string(std::size_t)> randomHex;  // n CSPRNG bytes as 2n hex digits
};

// The wall clock and the kernel's CSPRNG (getrandom).
Environment systemEnvironment();

// A new id for an event of `kioskId` (docs/kiosk-sync.md): the kiosk's id, a
// dash, the time and random digits, so it is never made twice.
std::string newEventId(const std::string& kioskId, const Environment& env);

// The kiosk's signed requests to the hub (docs/kiosk-sync.md).
class HubLink {
public:
    virtual ~HubLink() = default;
    // The hub's answer, or nullopt when it could not be reached (no network,
    // refused, timed out). Blocks for the request's length.
    virtual std::optional<provisioning::HubReply> send(const std::string& method,
                                                       const std::string& pathAndQuery,
                                                       const std::string& body) = 0;
};

// HubLink through provisioning::HubClient.
class SignedHubLink : public HubLink {
public:
    explicit SignedHubLink(provisioning::HubClient client) : client_(std::move(client)) {}
    std::optional<provisioning::HubReply> send(const std::string& method,
                                               const std::string& pathAndQuery,
                                               const std::string& body) override;

private:
    provisioning::HubClient client_;
};

}  // namespace veche::kiosk
