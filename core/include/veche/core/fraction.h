#pragma once

#include <gmpxx.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veche::core {

// An exact rational number of any size (GMP), always in lowest terms with a
// positive denominator. Vote counts are sums of area x share over thousands of
// owners; shares of communal flats have denominators like 1373 or 1409, so
// the common denominator of a real registry does not fit in any fixed width.
class Fraction {
public:
    Fraction() = default;
    // Throws std::invalid_argument when denominator is 0.
    Fraction(std::int64_t numerator, std::int64_t denominator = 1);
    // Any GMP rational; brought to lowest terms. Throws std::invalid_argument
    // when its denominator is 0.
    explicit Fraction(mpq_class value);

    const mpz_class& numerator() const { return value_.get_num(); }
    const mpz_class& denominator() const { return value_.get_den(); }

    friend Fraction operator+(const Fraction& a, const Fraction& b);
    friend Fraction operator-(const Fraction& a, const Fraction& b);
    friend Fraction operator*(const Fraction& a, const Fraction& b);
    // Throws std::domain_error when b is zero.
    friend Fraction operator/(const Fraction& a, const Fraction& b);
    Fraction& operator+=(const Fraction& b);

    friend bool operator==(const Fraction& a, const Fraction& b);
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
    mpq_class value_;
};

}  // namespace veche::core
