#include "veche/core/fraction.h"

#include <algorithm>

namespace veche::core {
namespace {

Int128 absValue(Int128 v) {
    if (v < 0) {
        if (v == -v) {  // the minimum value has no positive counterpart
            throw ArithmeticOverflow("exact arithmetic overflow in absolute value");
        }
        return -v;
    }
    return v;
}

Int128 gcd(Int128 a, Int128 b) {
    a = absValue(a);
    b = absValue(b);
    while (b != 0) {
        Int128 r = a % b;
        a = b;
        b = r;
    }
    return a;
}

Int128 checkedMul(Int128 a, Int128 b) {
    Int128 r;
    if (__builtin_mul_overflow(a, b, &r)) {
        throw ArithmeticOverflow("exact arithmetic overflow in multiplication");
    }
    return r;
}

Int128 checkedAdd(Int128 a, Int128 b) {
    Int128 r;
    if (__builtin_add_overflow(a, b, &r)) {
        throw ArithmeticOverflow("exact arithmetic overflow in addition");
    }
    return r;
}

// Floor division for a positive divisor.
Int128 floorDiv(Int128 a, Int128 b) {
    Int128 q = a / b;
    if (a % b != 0 && a < 0) {
        --q;
    }
    return q;
}

// Compares a/b with c/d for positive b and d without any multiplication, by
// walking the continued fractions of both values.
std::strong_ordering compareRatios(Int128 a, Int128 b, Int128 c, Int128 d) {
    bool flipped = false;
    for (;;) {
        const Int128 qa = floorDiv(a, b);
        const Int128 qc = floorDiv(c, d);
        if (qa != qc) {
            const auto order = qa < qc ? std::strong_ordering::less : std::strong_ordering::greater;
            return flipped ? 0 <=> order : order;
        }
        const Int128 ra = a - qa * b;  // 0 <= ra < b
        const Int128 rc = c - qc * d;
        if (ra == 0 || rc == 0) {
            const auto order = ra == rc  ? std::strong_ordering::equal
                               : ra == 0 ? std::strong_ordering::less
                                         : std::strong_ordering::greater;
            return flipped ? 0 <=> order : order;
        }
        // a/b = qa + ra/b; compare ra/b with rc/d, i.e. d/rc with b/ra.
        a = b;
        b = ra;
        c = d;
        d = rc;
        flipped = !flipped;
    }
}

}  // namespace

Fraction::Fraction(Int128 numerator, Int128 denominator) {
    if (denominator == 0) {
        throw std::invalid_argument("fraction with a zero denominator");
    }
    if (denominator < 0) {
        numerator = checkedMul(numerator, -1);
        denominator = checkedMul(denominator, -1);
    }
    const Int128 g = gcd(numerator, denominator);
    num_ = g == 0 ? 0 : numerator / g;
    den_ = g == 0 ? 1 : denominator / g;
}

Fraction operator+(const Fraction& a, const Fraction& b) {
    if (a.den_ == b.den_) {
        return {checkedAdd(a.num_, b.num_), a.den_};
    }
    const Int128 g = gcd(a.den_, b.den_);
    const Int128 bScale = a.den_ / g;
    const Int128 aScale = b.den_ / g;
    return {checkedAdd(checkedMul(a.num_, aScale), checkedMul(b.num_, bScale)),
            checkedMul(a.den_, aScale)};
}

Fraction operator-(const Fraction& a, const Fraction& b) {
    return a + Fraction(checkedMul(b.num_, -1), b.den_);
}

Fraction operator*(const Fraction& a, const Fraction& b) {
    // Cross-reduce first so that intermediate products stay small.
    const Int128 g1 = gcd(a.num_, b.den_);
    const Int128 g2 = gcd(b.num_, a.den_);
    const Int128 n1 = g1 == 0 ? a.num_ : a.num_ / g1;
    const Int128 d2 = g1 == 0 ? b.den_ : b.den_ / g1;
    const Int128 n2 = g2 == 0 ? b.num_ : b.num_ / g2;
    const Int128 d1 = g2 == 0 ? a.den_ : a.den_ / g2;
    return {checkedMul(n1, n2), checkedMul(d1, d2)};
}

Fraction operator/(const Fraction& a, const Fraction& b) {
    if (b.num_ == 0) {
        throw std::domain_error("division by zero");
    }
    return a * Fraction(b.den_, b.num_);
}

std::strong_ordering operator<=>(const Fraction& a, const Fraction& b) {
    return compareRatios(a.num_, a.den_, b.num_, b.den_);
}

std::optional<Fraction> Fraction::parse(std::string_view text) {
    auto parseInt = [](std::string_view digits) -> std::optional<Int128> {
        if (digits.empty() || digits.size() > 30 ||
            !std::all_of(digits.begin(), digits.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        Int128 value = 0;
        for (char c : digits) {
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const auto slash = text.find('/');
    const auto num = parseInt(text.substr(0, slash));
    const auto den = slash == std::string_view::npos ? std::optional<Int128>(1)
                                                     : parseInt(text.substr(slash + 1));
    if (!num || !den || *den == 0) {
        return std::nullopt;
    }
    return Fraction(*num, *den);
}

std::string Fraction::toDecimal(int places) const {
    Int128 scale = 1;
    for (int i = 0; i < places; ++i) {
        scale = checkedMul(scale, 10);
    }
    const Int128 magnitude = absValue(num_);
    const Int128 scaled = checkedMul(magnitude, scale);
    Int128 units = scaled / den_;
    const Int128 remainder = scaled % den_;
    if (remainder >= den_ - remainder) {  // half-up: exactly 1/2 rounds away from zero
        units += 1;
    }
    std::string digits = toDecimalString(units);
    if (places > 0) {
        const auto width = static_cast<std::size_t>(places) + 1;
        if (digits.size() < width) {
            digits.insert(0, width - digits.size(), '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
    }
    return (num_ < 0 && units != 0 ? "-" : "") + digits;
}

std::string Fraction::toString() const {
    return den_ == 1 ? toDecimalString(num_) : toDecimalString(num_) + "/" + toDecimalString(den_);
}

std::string toDecimalString(Int128 value) {
    if (value == 0) {
        return "0";
    }
    const bool negative = value < 0;
    std::string out;
    while (value != 0) {
        const int digit = static_cast<int>(value % 10);
        out.push_back(static_cast<char>('0' + (negative ? -digit : digit)));
        value /= 10;
    }
    if (negative) {
        out.push_back('-');
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace veche::core
