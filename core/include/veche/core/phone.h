#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace veche::core {

// A Russian mobile number in E.164 form, "+79001234567", from what people
// type: "8 900 123-45-67", "+7 (900) 123 45 67", "79001234567". nullopt for
// anything that is not 11 digits starting with 7 or 8 (a leading 8 becomes +7).
std::optional<std::string> normalisePhone(std::string_view text);

// For logs and screens that must not show the number: "+7 900 ***-**-67".
// Anything not in E.164 form is masked whole.
std::string maskPhone(std::string_view e164);

}  // namespace veche::core
