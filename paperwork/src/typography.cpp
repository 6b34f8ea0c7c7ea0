#include "veche/paperwork/typography.h"

#include <array>
#include <stdexcept>

namespace veche::paperwork {
namespace {

constexpr std::string_view kMinus = "\u2212";

constexpr std::array<std::string_view, 12> kGenitiveMonths = {
    "января", "февраля", "марта",    "апреля",  "мая",    "июня",
    "июля",   "августа", "сентября", "октября", "ноября", "декабря"};

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool isDigits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Decimal digits with no-break spaces between groups of three.
std::string grouped(std::string_view digits, Grouping grouping) {
    if (grouping == Grouping::Text && digits.size() <= 4) {
        return std::string(digits);
    }
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += kNbsp;
        }
        out.push_back(digits[i]);
    }
    return out;
}

// A plain decimal taken apart; throws std::invalid_argument if it is none.
struct DecimalParts {
    bool negative = false;
    std::string whole;     // at least one digit
    std::string fraction;  // possibly empty
};

DecimalParts partsOf(std::string_view decimal) {
    DecimalParts parts;
    std::string_view rest = decimal;
    if (!rest.empty() && rest.front() == '-') {
        parts.negative = true;
        rest.remove_prefix(1);
    }
    const auto point = rest.find('.');
    const std::string_view whole = rest.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view() : rest.substr(point + 1);
    if (!isDigits(whole) || (point != std::string_view::npos && !isDigits(fraction))) {
        throw std::invalid_argument("not a plain decimal: \"" + std::string(decimal) + "\"");
    }
    parts.whole = std::string(whole);
    parts.fraction = std::string(fraction);
    return parts;
}

// Rounds half away from zero to `places` digits after the point, in place.
void roundTo(DecimalParts& parts, std::size_t places) {
    const bool roundUp = parts.fraction.size() > places && parts.fraction[places] >= '5';
    parts.fraction.resize(places, '0');
    if (!roundUp) {
        return;
    }
    std::string digits = parts.whole + parts.fraction;
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') {
        digits[--i] = '0';
    }
    if (i == 0) {
        digits.insert(digits.begin(), '1');
    } else {
        ++digits[i - 1];
    }
    parts.whole = digits.substr(0, digits.size() - places);
    parts.fraction = digits.substr(digits.size() - places);
}

std::string printed(DecimalParts parts, Grouping grouping) {
    parts.whole.erase(0, std::min(parts.whole.find_first_not_of('0'), parts.whole.size() - 1));
    const bool zero =
        parts.whole == "0" && parts.fraction.find_first_not_of('0') == std::string::npos;
    std::string out = parts.negative && !zero ? std::string(kMinus) : std::string();
    out += grouped(parts.whole, grouping);
    if (!parts.fraction.empty()) {
        out += "," + parts.fraction;
    }
    return out;
}

}  // namespace

std::string formatDate(const CivilDate& date) {
    if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > daysInMonth(date.year, date.month)) {
        throw std::invalid_argument("no such day: " + std::to_string(date.year) + "-" +
                                    std::to_string(date.month) + "-" + std::to_string(date.day));
    }
    return std::to_string(date.day) + std::string(kNbsp) +
           std::string(kGenitiveMonths[static_cast<std::size_t>(date.month - 1)]) + " " +
           std::to_string(date.year) + std::string(kNbsp) + "г.";
}

std::string formatInteger(std::int64_t value, Grouping grouping) {
    return formatDecimal(std::to_string(value), grouping);
}

std::string formatDecimal(std::string_view decimal, Grouping grouping) {
    return printed(partsOf(decimal), grouping);
}

std::string formatDecimal(std::string_view decimal, int places, Grouping grouping) {
    if (places < 0 || places > 18) {
        throw std::invalid_argument("decimal places out of range: " + std::to_string(places));
    }
    DecimalParts parts = partsOf(decimal);
    roundTo(parts, static_cast<std::size_t>(places));
    return printed(std::move(parts), grouping);
}

std::string formatPercent(std::string_view decimal, int places) {
    return formatDecimal(decimal, places) + std::string(kNbsp) + "%";
}

}  // namespace veche::paperwork
