#pragma once

// Russian typography for printed documents (the notice, ballots, protocol).
// Every text is UTF-8. Spaces the functions insert are U+00A0 (no-break
// space); nothing here reads a clock or the locale.

#include <cstdint>
#include <string>
#include <string_view>

namespace veche::paperwork {

// The no-break space U+00A0, as UTF-8.
inline constexpr std::string_view kNbsp = "\u00A0";

// A calendar day, as the caller's own calendar gives it.
struct CivilDate {
    int year = 0;
    int month = 0;  // 1–12
    int day = 0;    // 1–31, within the month
};

// «26 ноября 2026 г.»: the month's genitive name, a no-break space between the
// day and the month and before «г.». Throws std::invalid_argument for a day
// that does not exist (month 13, 30 February, year 0 or below).
std::string formatDate(const CivilDate& date);

// How integer parts are grouped in thousands.
enum class Grouping {
    // Running text (Мильчин): four-digit numbers stay whole ("1000", "2026"),
    // from five digits on groups of three ("12 345", "1 000 000").
    Text,
    // Columns of a table, where numbers line up: always grouped ("1 000").
    Column,
};

// An integer with its thousands grouped by no-break spaces; a negative number
// starts with the minus sign U+2212 ("−12 345").
std::string formatInteger(std::int64_t value, Grouping grouping = Grouping::Text);

// A plain decimal ("-12345.678", "52.37", "7"; what core::Fraction::toDecimal
// gives) as printed: a decimal comma, grouped integer part, minus sign U+2212.
// Digits are kept as given. Throws std::invalid_argument for anything else
// (spaces, exponents, a comma, an empty string).
std::string formatDecimal(std::string_view decimal, Grouping grouping = Grouping::Text);

// The same rounded half away from zero (or padded with zeros) to exactly
// `places` digits after the comma (0–18): ("2.675", 2) -> "2,68",
// ("5", 2) -> "5,00". A value that rounds to zero has no sign.
std::string formatDecimal(std::string_view decimal, int places, Grouping grouping = Grouping::Text);

// A percentage as formatDecimal(decimal, places) followed by a no-break space
// and "%" (ГОСТ 8.417): ("52.374", 2) -> "52,37 %".
std::string formatPercent(std::string_view decimal, int places);

// Running text set for print:
// - straight double quotes become «ёлочки», and „лапки“ inside them (a quote
//   after a space, an opening bracket, a dash or another opening quote opens,
//   any other closes; «» already in the text count for the nesting);
// - a hyphen between spaces (" - ") becomes an em dash;
// - a no-break space before every em dash that follows a space;
// - a no-break space after the short prepositions, conjunctions and particles
//   (в, во, к, ко, с, со, о, об, у, и, а, но, на, по, за, от, до, не, ни, из,
//   да; any case) and after «№»;
// - a no-break space between a number and the word or «%» after it.
// Other characters, including single quotes and apostrophes, are kept.
std::string typeset(std::string_view text);

}  // namespace veche::paperwork
