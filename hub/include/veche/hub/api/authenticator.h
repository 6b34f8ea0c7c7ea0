#pragma once

#include "veche/hub/http/authenticator.h"
#include "veche/hub/services/kiosks.h"
#include "veche/hub/store/token_store.h"

namespace veche::hub {

// Bearer tokens for people and services; Ed25519 request signatures for
// kiosks (the X-Veche-* headers of docs/kiosk-sync.md).
class HubAuthenticator : public Authenticator {
public:
    HubAuthenticator(TokenStore& tokens, KioskService& kiosks) : tokens_(tokens), kiosks_(kiosks) {}

    std::optional<Principal> authenticate(const Poco::Net::HTTPServerRequest& request,
                                          const std::string& body) override;

private:
    TokenStore& tokens_;
    KioskService& kiosks_;
};

}  // namespace veche::hub
