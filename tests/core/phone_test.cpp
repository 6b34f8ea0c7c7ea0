#include "veche/core/phone.h"

#include <gtest/gtest.h>

namespace veche::core {
namespace {

TEST(Phone, NormalisesWhatPeopleType) {
    EXPECT_EQ(normalisePhone("8 900 123-45-67"), "+79001234567");
    EXPECT_EQ(normalisePhone("+7 (900) 123 45 67"), "+79001234567");
    EXPECT_EQ(normalisePhone("79001234567"), "+79001234567");
    for (const char* bad : {"", "900 123 45 67", "+1 900 123 45 67", "8900123456", "8900123456789",
                            "8-900-ABC-45-67", "+7 900 123 45 67; DROP"}) {
        EXPECT_FALSE(normalisePhone(bad).has_value()) << bad;
    }
}

TEST(Phone, MasksAllButTheOperatorCodeAndTheLastTwoDigits) {
    EXPECT_EQ(maskPhone("+79001234567"), "+7 900 ***-**-67");
    EXPECT_EQ(maskPhone("garbage"), "***");
}

}  // namespace
}  // namespace veche::core
