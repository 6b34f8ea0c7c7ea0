#include "veche/hub/api/authenticator.h"

namespace veche::hub {

std::optional<Principal> HubAuthenticator::authenticate(const Poco::Net::HTTPServerRequest& request,
                                                        const std::string& body) {
    if (request.has("X-Veche-Kiosk")) {
        const Kiosk kiosk = kiosks_.authenticate(
            {request.get("X-Veche-Kiosk"), request.get("X-Veche-Timestamp", ""),
             request.get("X-Veche-Nonce", ""), request.get("X-Veche-Signature", ""),
             request.getMethod(), request.getURI(), body});
        return Principal{kiosk.id, Role::Kiosk};
    }
    const std::string header = request.get("Authorization", "");
    const std::string prefix = "Bearer ";
    if (header.rfind(prefix, 0) != 0) {
        return std::nullopt;
    }
    return tokens_.verify(header.substr(prefix.size()));
}

}  // namespace veche::hub
