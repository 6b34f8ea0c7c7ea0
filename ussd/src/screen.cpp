#include "veche/ussd/screen.h"

#include "veche/modem/sms_text.h"

namespace veche::ussd {

ScreenCost screenCost(std::string_view utf8) {
    const std::u32string text = modem::utf8ToCodePoints(utf8);
    ScreenCost cost;
    if (const auto septets = modem::toGsm7Septets(text)) {
        cost.units = static_cast<int>(septets->size());
        return cost;
    }
    cost.gsm7 = false;
    cost.limit = kUcs2ScreenLimit;
    for (const char32_t c : text) {
        cost.units += c > 0xFFFF ? 2 : 1;
    }
    return cost;
}

}  // namespace veche::ussd
