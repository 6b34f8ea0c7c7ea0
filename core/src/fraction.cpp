#include "veche/core/fraction.h"

#include <algorithm>
#include <stdexcept>

namespace veche::core {

Fraction::Fraction(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        throw std::invalid_argument("fraction with a zero denominator");
    }
    value_.get_num() = static_cast<long>(numerator);
    value_.get_den() = static_cast<long>(denominator);
    value_.canonicalize();
}

Fraction::Fraction(mpq_class value) : value_(std::move(value)) {
    if (sgn(value_.get_den()) == 0) {
        throw std::invalid_argument("fraction with a zero denominator");
    }
    value_.canonicalize();
}

Fraction operator+(const Fraction& a, const Fraction& b) {
    return Fraction(mpq_class(a.value_ + b.value_));
}

Fraction operator-(const Fraction& a, const Fraction& b) {
    return Fraction(mpq_class(a.value_ - b.value_));
}

Fraction operator*(const Fraction& a, const Fraction& b) {
    return Fraction(mpq_class(a.value_ * b.value_));
}

Fraction operator/(const Fraction& a, const Fraction& b) {
    if (sgn(b.value_) == 0) {
        throw std::domain_error("division by zero");
    }
    return Fraction(mpq_class(a.value_ / b.value_));
}

Fraction& Fraction::operator+=(const Fraction& b) {
    value_ += b.value_;
    return *this;
}

bool operator==(const Fraction& a, const Fraction& b) {
    return a.value_ == b.value_;
}

std::strong_ordering operator<=>(const Fraction& a, const Fraction& b) {
    const int c = cmp(a.value_, b.value_);
    return c < 0   ? std::strong_ordering::less
           : c > 0 ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
}

std::optional<Fraction> Fraction::parse(std::string_view text) {
    auto isNumber = [](std::string_view digits) {
        return !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
    };
    const auto slash = text.find('/');
    const std::string_view num = text.substr(0, slash);
    const std::string_view den = slash == std::string_view::npos ? "1" : text.substr(slash + 1);
    if (!isNumber(num) || !isNumber(den)) {
        return std::nullopt;
    }
    mpq_class value;
    value.get_num().set_str(std::string(num), 10);
    value.get_den().set_str(std::string(den), 10);
    if (sgn(value.get_den()) == 0) {
        return std::nullopt;
    }
    value.canonicalize();
    return Fraction(std::move(value));
}

std::string Fraction::toDecimal(int places) const {
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(places));
    const mpz_class scaled = abs(value_.get_num()) * scale;
    mpz_class units = scaled / value_.get_den();
    const mpz_class remainder = scaled % value_.get_den();
    if (2 * remainder >= value_.get_den()) {  // half-up: exactly 1/2 rounds away from zero
        ++units;
    }
    std::string digits = units.get_str();
    if (places > 0) {
        const auto width = static_cast<std::size_t>(places) + 1;
        if (digits.size() < width) {
            digits.insert(0, width - digits.size(), '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
    }
    return (sgn(value_) < 0 && sgn(units) != 0 ? "-" : "") + digits;
}

std::string Fraction::toString() const {
    return value_.get_str();
}

}  // namespace veche::core
