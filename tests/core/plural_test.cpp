// The Russian plural forms after a number.
#include <gtest/gtest.h>

#include "veche/core/plural.h"

namespace veche::core {
namespace {

std::string events(long n) {
    return pluralRu(n, "событие", "события", "событий");
}

TEST(PluralRu, PicksTheFormByTheLastDigitsAsRussianDoes) {
    EXPECT_EQ(events(1), "событие");
    EXPECT_EQ(events(21), "событие");
    EXPECT_EQ(events(101), "событие");
    EXPECT_EQ(events(2), "события");
    EXPECT_EQ(events(34), "события");
    EXPECT_EQ(events(0), "событий");
    EXPECT_EQ(events(5), "событий");
    EXPECT_EQ(events(11), "событий");
    EXPECT_EQ(events(12), "событий");
    EXPECT_EQ(events(14), "событий");
    EXPECT_EQ(events(111), "событий");
    EXPECT_EQ(events(-1), "событие");
    EXPECT_EQ(events(-13), "событий");
}

}  // namespace
}  // namespace veche::core
