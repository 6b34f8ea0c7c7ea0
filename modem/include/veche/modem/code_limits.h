#pragma once

#include <cstdint>

namespace veche::modem {

// Limits on verification codes sent by SMS (TELECOM.md §11, SMS pumping), the
// same at the hub and at a kiosk. Times in milliseconds.
struct CodeLimits {
    std::int64_t validFor = 5 * 60'000;
    int attempts = 5;                           // wrong entries before a code is dead
    int perPhone = 3;                           // codes per phone…
    std::int64_t perPhoneWindow = 10 * 60'000;  // …in this window
    int perKiosk = 30;                          // codes for one kiosk in an hour
    int perPrefix = 10;  // codes to numbers sharing all but the last 4 digits, an hour
};

}  // namespace veche::modem
