#pragma once

#include <optional>
#include <string>

#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

struct Principal {
    std::string tokenId;
    Role role = Role::Auditor;
};

// API tokens. A token is "<id>.<secret>"; only a SHA-256 of the secret is
// stored, so a copy of the database does not give access.
class TokenStore {
public:
    TokenStore(Database& db, const Clock& clock, Random& random);

    // A new token, returned in full exactly once.
    std::string create(Role role, const std::string& label);

    // The token's holder, or nullopt for an unknown, malformed or revoked token.
    std::optional<Principal> verify(const std::string& token);

    // False when there is no such token.
    bool revoke(const std::string& tokenId);

private:
    Database& db_;
    const Clock& clock_;
    Random& random_;
};

}  // namespace veche::hub
