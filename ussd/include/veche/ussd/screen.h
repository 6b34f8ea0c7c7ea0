#pragma once
// What one USSD screen may hold (TELECOM.md §1.1): 160 octets, which is 182
// characters when every one is GSM 7-bit (an escape character such as `[`
// costs two), or 80 UCS-2 characters when any one is not (all Cyrillic).

#include <string>
#include <string_view>

namespace veche::ussd {

constexpr int kGsm7ScreenLimit = 182;  // septets
constexpr int kUcs2ScreenLimit = 80;   // UTF-16 code units

struct ScreenCost {
    bool gsm7 = true;  // every character is in the GSM 7-bit alphabet
    int units = 0;     // septets (gsm7) or UTF-16 code units
    int limit = kGsm7ScreenLimit;
    bool fits() const { return units <= limit; }
};

// The cost of `utf8` on a handset's screen. Throws std::invalid_argument on
// invalid UTF-8.
ScreenCost screenCost(std::string_view utf8);

// A screen: CON waits for the caller's input, END closes the session.
struct Screen {
    bool final = false;
    std::string text;
};

}  // namespace veche::ussd
