#include "veche/hub/store/token_store.h"

#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/Nullable.h>
#include <Poco/SHA2Engine.h>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

std::string sha256(const std::string& text) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(text);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

// Compares without stopping at the first difference.
bool sameDigest(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return diff == 0;
}

}  // namespace

TokenStore::TokenStore(Database& db, const Clock& clock, Random& random)
    : db_(db), clock_(clock), random_(random) {}

std::string TokenStore::create(Role role, const std::string& label) {
    const std::string id = "tok-" + random_.hex(6);
    const std::string secret = random_.hex(24);
    const std::string hash = sha256(secret);
    const std::string roleName(nameOf(role));
    const Millis created = clock_.now();
    db_.session() << "INSERT INTO tokens (id, secret_hash, role, label, created_at) "
                     "VALUES ($1, $2, $3, $4, $5)",
        useRef(id), useRef(hash), useRef(roleName), useRef(label), useRef(created), now;
    return id + "." + secret;
}

std::optional<Principal> TokenStore::verify(const std::string& token) {
    const auto dot = token.find('.');
    if (dot == std::string::npos) {
        return std::nullopt;
    }
    const std::string id = token.substr(0, dot);
    std::string hash, role;
    Poco::Nullable<Poco::Int64> revoked;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT secret_hash, role, revoked_at FROM tokens WHERE id = $1", useRef(id),
        into(hash), into(role), into(revoked);
    if (select.execute() == 0 || !revoked.isNull() ||
        !sameDigest(hash, sha256(token.substr(dot + 1)))) {
        return std::nullopt;
    }
    const auto parsed = parseRole(role);
    if (!parsed) {
        return std::nullopt;
    }
    return Principal{id, *parsed};
}

bool TokenStore::revoke(const std::string& tokenId) {
    const Millis at = clock_.now();
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", useRef(at),
        useRef(tokenId);
    return update.execute() > 0;
}

}  // namespace veche::hub
