#include "veche/core/fraction.h"

#include <gtest/gtest.h>

namespace veche::core {
namespace {

TEST(Fraction, KeepsLowestTermsWithPositiveDenominator) {
    const Fraction f(6, -8);
    EXPECT_EQ(f.numerator(), -3);
    EXPECT_EQ(f.denominator(), 4);
    EXPECT_EQ(Fraction(0, 7), Fraction());
    EXPECT_EQ(Fraction(0, 7).denominator(), 1);
}

TEST(Fraction, RejectsZeroDenominator) {
    EXPECT_THROW(Fraction(1, 0), std::invalid_argument);
    EXPECT_THROW(Fraction(1) / Fraction(), std::domain_error);
}

TEST(Fraction, AddsSubtractsMultipliesAndDividesExactly) {
    EXPECT_EQ(Fraction(1, 2) + Fraction(1, 3), Fraction(5, 6));
    EXPECT_EQ(Fraction(1, 2) - Fraction(2, 3), Fraction(-1, 6));
    EXPECT_EQ(Fraction(3, 4) * Fraction(2, 9), Fraction(1, 6));
    EXPECT_EQ(Fraction(3, 4) / Fraction(3, 8), Fraction(2));
    EXPECT_EQ(Fraction(5450, 100) * Fraction(1, 3), Fraction(109, 6));
}

TEST(Fraction, ComparesExactlyAtBoundaries) {
    EXPECT_FALSE(Fraction(1, 2) > Fraction(2, 4));
    EXPECT_TRUE(Fraction(1, 2) >= Fraction(2, 4));
    EXPECT_TRUE(Fraction(500001, 1000000) > Fraction(1, 2));
    EXPECT_TRUE(Fraction(-1, 3) < Fraction(-1, 4));
    EXPECT_TRUE(Fraction(-1, 3) < Fraction(0));
    EXPECT_TRUE(Fraction(7, 3) > Fraction(2));
}

TEST(Fraction, StaysExactFarBeyondSixtyFourBits) {
    // Communal-flat shares over distinct prime denominators: their common
    // denominator outgrows any fixed-width integer.
    Fraction sum;
    Fraction expected;
    for (std::int64_t p : {1373, 1381, 1399, 1409, 1423, 1427, 1429, 1433, 1439, 1447, 1451, 1453,
                           1459, 1471, 1481, 1483}) {
        sum += Fraction(5430, 100) * Fraction(p / 3, p);
    }
    EXPECT_GT(sum.denominator(), mpz_class("1000000000000000000000000000000000000000"));
    EXPECT_EQ(sum - sum, Fraction());
    EXPECT_TRUE(sum < Fraction(5430 * 16, 100 * 3));
    EXPECT_EQ(Fraction::parse("340282366920938463463374607431768211457/2")->toString(),
              "340282366920938463463374607431768211457/2");
}

TEST(Fraction, ComparesHugeTermsExactly) {
    const auto a = *Fraction::parse(
        "170141183460469231731687303715884105726/170141183460469231731687303715884105727");
    const auto b = *Fraction::parse(
        "170141183460469231731687303715884105725/170141183460469231731687303715884105726");
    EXPECT_TRUE(a > b);
    EXPECT_TRUE(b < a);
    EXPECT_EQ(a <=> a, std::strong_ordering::equal);
}

TEST(Fraction, ParsesWholeNumbersAndRatios) {
    EXPECT_EQ(Fraction::parse("1"), Fraction(1));
    EXPECT_EQ(Fraction::parse("2/4"), Fraction(1, 2));
    EXPECT_EQ(Fraction::parse("0"), Fraction(0));
    for (const char* bad : {"", "/", "1/", "/2", "1/0", "-1/2", "0.5", " 1/2", "1/2/3", "a"}) {
        EXPECT_FALSE(Fraction::parse(bad).has_value()) << bad;
    }
}

TEST(Fraction, RoundsHalfUpToDecimalPlaces) {
    EXPECT_EQ(Fraction(2, 3).toDecimal(2), "0.67");
    EXPECT_EQ(Fraction(1, 3).toDecimal(2), "0.33");
    EXPECT_EQ(Fraction(1, 8).toDecimal(2), "0.13");    // 0.125
    EXPECT_EQ(Fraction(1, 200).toDecimal(2), "0.01");  // 0.005
    EXPECT_EQ(Fraction(1, 201).toDecimal(2), "0.00");
    EXPECT_EQ(Fraction(-1, 8).toDecimal(2), "-0.13");
    EXPECT_EQ(Fraction(-1, 1000).toDecimal(2), "0.00");
    EXPECT_EQ(Fraction(12345, 100).toDecimal(2), "123.45");
    EXPECT_EQ(Fraction(999, 1000).toDecimal(2), "1.00");
    EXPECT_EQ(Fraction(7).toDecimal(0), "7");
}

TEST(Fraction, PrintsAsRatio) {
    EXPECT_EQ(Fraction(4, 6).toString(), "2/3");
    EXPECT_EQ(Fraction(-5).toString(), "-5");
}

}  // namespace
}  // namespace veche::core
