#pragma once
// Private to veche::signing.

#include <cstddef>
#include <string>

namespace veche::signing {

// Lowercase hex of `size` bytes.
inline std::string lowerHex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * size);
    for (std::size_t i = 0; i < size; ++i) {
        hex.push_back(kDigits[bytes[i] >> 4]);
        hex.push_back(kDigits[bytes[i] & 0xF]);
    }
    return hex;
}

}  // namespace veche::signing
