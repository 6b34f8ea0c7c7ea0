#pragma once

#include <string>
#include <string_view>

namespace veche::signing {

// A staff PIN as a kiosk's settings keep it, never the PIN itself:
// "pbkdf2-sha256$<iterations>$<salt>$<hex of PBKDF2-HMAC-SHA256>" (made by
// `veche-provision code --staff-pin`). `salt` must not contain '$'.
std::string staffPinRecord(std::string_view pin, std::string_view salt, int iterations = 10'000);

// Whether `pin` is the PIN `record` was made from; false for a malformed
// record.
bool staffPinMatches(std::string_view record, std::string_view pin);

}  // namespace veche::signing
