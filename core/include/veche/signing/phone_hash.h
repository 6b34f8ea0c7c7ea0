#pragma once

#include <string>
#include <string_view>

namespace veche::signing {

// Work factor of phone hashes: milliseconds a hash, on a hub or a kiosk.
constexpr int kPhoneHashIterations = 10'000;

// What a kiosk keeps instead of a voter's phone number: the hex of
// PBKDF2-HMAC-SHA256(password = normalised phone, salt = the building's salt,
// `iterations`, 32 bytes). There are only about 10^9 Russian mobile numbers,
// so no hash hides one from a determined search; the work factor makes that
// search cost hours of a GPU per building instead of seconds
// (docs/kiosk-sync.md).
std::string phoneHash(std::string_view salt, std::string_view phone,
                      int iterations = kPhoneHashIterations);

}  // namespace veche::signing
