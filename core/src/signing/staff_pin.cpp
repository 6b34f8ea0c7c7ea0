#include "veche/signing/staff_pin.h"

#include <openssl/crypto.h>

#include <charconv>
#include <vector>

#include "veche/signing/phone_hash.h"

namespace veche::signing {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";

std::vector<std::string_view> fieldsOf(std::string_view record) {
    std::vector<std::string_view> fields;
    for (auto at = record.find('$'); at != std::string_view::npos; at = record.find('$')) {
        fields.push_back(record.substr(0, at));
        record.remove_prefix(at + 1);
    }
    fields.push_back(record);
    return fields;
}

}  // namespace

std::string staffPinRecord(std::string_view pin, std::string_view salt, int iterations) {
    // PBKDF2-HMAC-SHA256 of any password: the phone hash's function.
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + std::string(salt) + "$" +
           phoneHash(salt, pin, iterations);
}

bool staffPinMatches(std::string_view record, std::string_view pin) {
    const auto fields = fieldsOf(record);
    int iterations = 0;
    if (fields.size() != 4 || fields[0] != kScheme ||
        std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), iterations).ec !=
            std::errc() ||
        iterations < 1 || iterations > 10'000'000) {
        return false;
    }
    const std::string expected = phoneHash(fields[2], pin, iterations);
    return expected.size() == fields[3].size() &&
           CRYPTO_memcmp(expected.data(), fields[3].data(), expected.size()) == 0;
}

}  // namespace veche::signing
