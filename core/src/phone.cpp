#include "veche/core/phone.h"

#include <cctype>

namespace veche::core {

std::optional<std::string> normalisePhone(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits.push_back(c);
        } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '+') {
            return std::nullopt;
        }
    }
    if (digits.size() != 11 || (digits[0] != '7' && digits[0] != '8')) {
        return std::nullopt;
    }
    return "+7" + digits.substr(1);
}

std::string maskPhone(std::string_view e164) {
    if (e164.size() != 12 || e164.substr(0, 2) != "+7") {
        return "***";
    }
    return "+7 " + std::string(e164.substr(2, 3)) + " ***-**-" + std::string(e164.substr(10, 2));
}

}  // namespace veche::core
