#pragma once

#include <compare>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace veche::core {

__extension__ using Int128 = __int128;

// Thrown when an exact computation does not fit in 128 bits. The tally never
// rounds or wraps: it stops and says so.
class ArithmeticOverflow : public std::overflow_error {
  public:
    using std::overflow_error::overflow_error;
};

// An exact rational number, always kept in lowest terms with a positive
// denominator. Every operation checks for overflow and throws
// ArithmeticOverflow instead of wrapping. Comparison never overflows.
class Fraction {
  public:
    Fraction() = default;
    // Throws std::invalid_argument when denominator is 0.
    Fraction(Int128 numerator, Int128 denominator = 1);

    Int128 numerator() const { return num_; }
    Int128 denominator() const { return den_; }

    friend Fraction operator+(const Fraction& a, const Fraction& b);
    friend Fraction operator-(const Fraction& a, const Fraction& b);
    friend Fraction operator*(const Fraction& a, const Fraction& b);
    // Throws std::domain_error when b is zero.
    friend Fraction operator/(const Fraction& a, const Fraction& b);
    Fraction& operator+=(const Fraction& b) { return *this = *this + b; }

    friend bool operator==(const Fraction& a, const Fraction& b) = default;
    friend std::strong_ordering operator<=>(const Fraction& a, const Fraction& b);

    // Parses "N" or "N/D" with non-negative decimal integers (no sign, no
    // spaces); nullopt for anything else, including D = 0.
    static std::optional<Fraction> parse(std::string_view text);

    // The value as a decimal string with exactly `places` digits after the
    // point, rounded half away from zero ("half-up"), e.g. 2/3 -> "0.67".
    std::string toDecimal(int places) const;

    // "N" or "N/D".
    std::string toString() const;

  private:
    Int128 num_ = 0;
    Int128 den_ = 1;
};

// Decimal digits of a 128-bit integer (with a leading '-' when negative).
std::string toDecimalString(Int128 value);

}  // namespace veche::core
