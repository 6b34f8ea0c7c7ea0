#include "veche/signing/phone_hash.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "hex.h"

namespace veche::signing {

std::string phoneHash(std::string_view salt, std::string_view phone, int iterations) {
    unsigned char digest[32];
    if (PKCS5_PBKDF2_HMAC(phone.data(), static_cast<int>(phone.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), sizeof digest,
                          digest) != 1) {
        throw std::runtime_error("PBKDF2 failed");
    }
    return lowerHex(digest, sizeof digest);
}

}  // namespace veche::signing
