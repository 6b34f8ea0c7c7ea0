#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace veche::signing {

// An Ed25519 key pair (OpenSSL). Keys travel as base64 of their 32 raw bytes.
class KeyPair {
public:
    // A new key pair from the system's CSPRNG.
    static KeyPair generate();
    // From the base64 private key written by privateKeyBase64(); nullopt when
    // it is not one.
    static std::optional<KeyPair> fromPrivateKey(std::string_view base64);

    const std::string& publicKeyBase64() const { return public_; }
    const std::string& privateKeyBase64() const { return private_; }

    // The base64 signature of `message`.
    std::string sign(std::string_view message) const;

private:
    KeyPair(std::string privateKey, std::string publicKey)
        : private_(std::move(privateKey)), public_(std::move(publicKey)) {}

    std::string private_;
    std::string public_;
};

// Whether `signatureBase64` is `publicKeyBase64`'s signature of `message`.
// False for anything malformed.
bool verify(std::string_view publicKeyBase64, std::string_view message,
            std::string_view signatureBase64);

// Whether `text` is the base64 of a 32-byte Ed25519 public key.
bool isPublicKey(std::string_view text);

// What a kiosk signs for one request (docs/kiosk-sync.md):
// "VECHE1\n" METHOD "\n" PATH?QUERY "\n" TIMESTAMP "\n" NONCE "\n" SHA256HEX(BODY)
std::string canonicalRequest(std::string_view method, std::string_view pathAndQuery,
                             std::string_view timestamp, std::string_view nonce,
                             std::string_view body);

std::string sha256Hex(std::string_view data);

}  // namespace veche::signing
