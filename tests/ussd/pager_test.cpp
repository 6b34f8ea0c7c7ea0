// The screen budget and the layout of screens within it.
#include "veche/ussd/pager.h"

#include <gtest/gtest.h>

#include "veche/ussd/screen.h"

namespace veche::ussd {
namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

TEST(ScreenCost, LatinCountsSeptetsWithEscapesTwiceCyrillicCountsUcs2) {
    EXPECT_EQ(screenCost(repeat("a", 182)).units, 182);
    EXPECT_TRUE(screenCost(repeat("a", 182)).fits());
    EXPECT_FALSE(screenCost(repeat("a", 183)).fits());
    EXPECT_EQ(screenCost("[1]").units, 5);  // [ and ] cost two septets
    EXPECT_FALSE(screenCost(repeat("[", 92)).fits());
    const ScreenCost cyrillic = screenCost(repeat("я", 80));
    EXPECT_FALSE(cyrillic.gsm7);
    EXPECT_EQ(cyrillic.limit, 80);
    EXPECT_TRUE(cyrillic.fits());
    EXPECT_FALSE(screenCost(repeat("я", 81)).fits());
    EXPECT_EQ(screenCost("a😀").units, 3);  // outside the BMP: two UTF-16 units
    EXPECT_THROW(screenCost("\xff"), std::invalid_argument);
}

TEST(Pager, ClipAndWrapStayWithinTheirUnits) {
    EXPECT_EQ(clip("Ремонт крыши", 20), "Ремонт крыши");
    EXPECT_EQ(clip("Утвердить смету ремонта крыши", 20), "Утвердить смету…");
    for (const std::string& piece : wrap(repeat("Слово ", 40), 17)) {
        EXPECT_LE(unitsOf(piece), 17) << piece;
    }
    EXPECT_EQ(wrap(repeat("Ы", 30), 12).size(), 3u);  // a long word is cut
}

TEST(Pager, LongTextIsPagedWithNextOnEveryPageButTheLast) {
    PageRequest r;
    r.header = "Прорыв трубы в подвале";
    r.lines = {repeat("Аварийная бригада работает в подвале. ", 12)};
    r.footer = {"0 Назад 00 Меню"};
    const auto pages = paginate(r);
    ASSERT_GT(pages.size(), 3u);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        EXPECT_TRUE(screenCost(pages[i]).fits()) << pages[i];
        EXPECT_EQ(pages[i].find("99 Далее") != std::string::npos, i + 1 < pages.size());
        EXPECT_EQ(pages[i].rfind("Прорыв трубы в подвале", 0) == 0, i == 0);  // the first only
        EXPECT_NE(pages[i].find("0 Назад 00 Меню"), std::string::npos);
    }
}

TEST(Pager, AtMostFiveChoicesAScreen) {
    PageRequest r;
    r.header = "Опросы";
    for (int i = 1; i <= 12; ++i) {
        r.choices.push_back(std::to_string(i) + " Да");
    }
    const auto pages = paginate(r);
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0], "Опросы\n1 Да\n2 Да\n3 Да\n4 Да\n5 Да\n99 Далее");
    EXPECT_EQ(pages[1], "6 Да\n7 Да\n8 Да\n9 Да\n10 Да\n99 Далее");
    EXPECT_EQ(pages[2], "11 Да\n12 Да");
}

}  // namespace
}  // namespace veche::ussd
