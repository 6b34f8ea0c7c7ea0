#include "veche/signing/ed25519.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "hex.h"

namespace veche::signing {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kSignatureBytes = 64;

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string toBase64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    const int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

// Decodes base64 of exactly `expected` bytes; nullopt otherwise.
std::optional<std::vector<unsigned char>> fromBase64(std::string_view text, std::size_t expected) {
    if (text.size() != 4 * ((expected + 2) / 3)) {
        return std::nullopt;
    }
    std::vector<unsigned char> out(text.size() / 4 * 3);
    const int written =
        EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                        static_cast<int>(text.size()));
    const std::size_t padding = static_cast<std::size_t>(
        std::count(text.end() - std::min<std::size_t>(2, text.size()), text.end(), '='));
    if (written < 0 || static_cast<std::size_t>(written) - padding != expected) {
        return std::nullopt;
    }
    out.resize(expected);
    return out;
}

std::string rawKey(EVP_PKEY* key, bool isPrivate) {
    unsigned char raw[kKeyBytes];
    std::size_t size = sizeof raw;
    const int ok = isPrivate ? EVP_PKEY_get_raw_private_key(key, raw, &size)
                             : EVP_PKEY_get_raw_public_key(key, raw, &size);
    if (ok != 1 || size != kKeyBytes) {
        throw std::runtime_error("cannot read an Ed25519 key");
    }
    return toBase64(raw, size);
}

}  // namespace

KeyPair KeyPair::generate() {
    EVP_PKEY* raw = nullptr;
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
        throw std::runtime_error("cannot generate an Ed25519 key");
    }
    const Key key(raw, &EVP_PKEY_free);
    return KeyPair(rawKey(key.get(), true), rawKey(key.get(), false));
}

std::optional<KeyPair> KeyPair::fromPrivateKey(std::string_view base64) {
    const auto bytes = fromBase64(base64, kKeyBytes);
    if (!bytes) {
        return std::nullopt;
    }
    const Key key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes->data(), bytes->size()),
        &EVP_PKEY_free);
    if (!key) {
        return std::nullopt;
    }
    return KeyPair(std::string(base64), rawKey(key.get(), false));
}

std::string KeyPair::sign(std::string_view message) const {
    const auto bytes = fromBase64(private_, kKeyBytes);
    const Key key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes->data(), bytes->size()),
        &EVP_PKEY_free);
    const Context ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char signature[kSignatureBytes];
    std::size_t size = sizeof signature;
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), signature, &size,
                       reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1) {
        throw std::runtime_error("cannot sign with an Ed25519 key");
    }
    return toBase64(signature, size);
}

bool verify(std::string_view publicKeyBase64, std::string_view message,
            std::string_view signatureBase64) {
    const auto publicKey = fromBase64(publicKeyBase64, kKeyBytes);
    const auto signature = fromBase64(signatureBase64, kSignatureBytes);
    if (!publicKey || !signature) {
        return false;
    }
    const Key key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey->data(),
                                              publicKey->size()),
                  &EVP_PKEY_free);
    const Context ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return key && ctx &&
           EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), signature->data(), signature->size(),
                            reinterpret_cast<const unsigned char*>(message.data()),
                            message.size()) == 1;
}

bool isPublicKey(std::string_view text) {
    const auto bytes = fromBase64(text, kKeyBytes);
    if (!bytes) {
        return false;
    }
    const Key key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes->data(), bytes->size()),
        &EVP_PKEY_free);
    return key != nullptr;
}

std::string sha256Hex(std::string_view data) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    return lowerHex(digest, sizeof digest);
}

std::string canonicalRequest(std::string_view method, std::string_view pathAndQuery,
                             std::string_view timestamp, std::string_view nonce,
                             std::string_view body) {
    std::string out = "VECHE1\n";
    for (std::string_view part : {method, pathAndQuery, timestamp, nonce}) {
        out.append(part);
        out.push_back('\n');
    }
    return out + sha256Hex(body);
}

}  // namespace veche::signing
