#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <optional>
#include <string>

#include "veche/hub/store/token_store.h"

namespace veche::hub {

// Who sent a request: the holder of a bearer token, or a kiosk that signed it.
class Authenticator {
public:
    virtual ~Authenticator() = default;

    // The request's principal, or nullopt when it carries no credentials or
    // invalid ones. May throw ApiError (401) to say precisely why a kiosk's
    // signature was refused.
    virtual std::optional<Principal> authenticate(const Poco::Net::HTTPServerRequest& request,
                                                  const std::string& body) = 0;
};

}  // namespace veche::hub
