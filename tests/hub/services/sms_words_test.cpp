#include <gtest/gtest.h>

#include "veche/hub/services/sms.h"

namespace veche::hub {
namespace {

TEST(CanonicalWord, OptOutsCompareEqualWhateverTheCaseAndLookAlikes) {
    const std::string stop = canonicalWord("СТОП");
    EXPECT_EQ(canonicalWord("стоп"), stop);
    EXPECT_EQ(canonicalWord("  Стоп, пожалуйста"), stop);
    EXPECT_EQ(canonicalWord("CTOП"), stop);  // Latin C, T, O typed on a Latin keyboard
    EXPECT_EQ(canonicalWord("stop!"), canonicalWord("STOP"));
    EXPECT_NE(canonicalWord("СТОПКА"), stop);
    EXPECT_EQ(canonicalWord("ёлка"), canonicalWord("ЁЛКА"));
    EXPECT_EQ(canonicalWord("\xff\xfe"), "");  // not UTF-8: no keyword
}

}  // namespace
}  // namespace veche::hub
