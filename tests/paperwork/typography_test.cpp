// Russian typography: dates, numbers, percentages and running text.
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "veche/paperwork/typography.h"

namespace veche::paperwork {
namespace {

// `text` with every "~" as a no-break space, as in TeX.
std::string nb(std::string text) {
    for (auto at = text.find('~'); at != std::string::npos; at = text.find('~', at)) {
        text.replace(at, 1, kNbsp);
    }
    return text;
}

TEST(FormatDate, GenitiveMonthAndYearMark) {
    EXPECT_EQ(formatDate({2026, 11, 26}), nb("26~ноября 2026~г."));
    EXPECT_EQ(formatDate({2025, 1, 1}), nb("1~января 2025~г."));
    EXPECT_EQ(formatDate({2025, 5, 9}), nb("9~мая 2025~г."));
    EXPECT_EQ(formatDate({2025, 8, 31}), nb("31~августа 2025~г."));
    EXPECT_EQ(formatDate({2024, 2, 29}), nb("29~февраля 2024~г."));
    EXPECT_EQ(formatDate({2000, 2, 29}), nb("29~февраля 2000~г."));
}

TEST(FormatDate, RefusesDaysThatDoNotExist) {
    EXPECT_THROW(formatDate({2025, 2, 29}), std::invalid_argument);
    EXPECT_THROW(formatDate({1900, 2, 29}), std::invalid_argument);
    EXPECT_THROW(formatDate({2025, 4, 31}), std::invalid_argument);
    EXPECT_THROW(formatDate({2025, 13, 1}), std::invalid_argument);
    EXPECT_THROW(formatDate({2025, 0, 1}), std::invalid_argument);
    EXPECT_THROW(formatDate({2025, 1, 0}), std::invalid_argument);
    EXPECT_THROW(formatDate({0, 1, 1}), std::invalid_argument);
    EXPECT_THROW(formatDate({}), std::invalid_argument);
}

TEST(FormatInteger, GroupsFromFiveDigitsInText) {
    EXPECT_EQ(formatInteger(0), "0");
    EXPECT_EQ(formatInteger(7), "7");
    EXPECT_EQ(formatInteger(999), "999");
    EXPECT_EQ(formatInteger(1000), "1000");
    EXPECT_EQ(formatInteger(9999), "9999");
    EXPECT_EQ(formatInteger(12345), nb("12~345"));
    EXPECT_EQ(formatInteger(100000), nb("100~000"));
    EXPECT_EQ(formatInteger(1234567), nb("1~234~567"));
}

TEST(FormatInteger, AlwaysGroupsInColumns) {
    EXPECT_EQ(formatInteger(999, Grouping::Column), "999");
    EXPECT_EQ(formatInteger(1000, Grouping::Column), nb("1~000"));
    EXPECT_EQ(formatInteger(12345, Grouping::Column), nb("12~345"));
}

TEST(FormatInteger, NegativeNumbersTakeTheMinusSign) {
    EXPECT_EQ(formatInteger(-5), "\u22125");
    EXPECT_EQ(formatInteger(-12345), nb("\u221212~345"));
    EXPECT_EQ(formatInteger(std::numeric_limits<std::int64_t>::min()),
              nb("\u22129~223~372~036~854~775~808"));
}

TEST(FormatDecimal, CommaAndGroupedWholePart) {
    EXPECT_EQ(formatDecimal("52.37"), "52,37");
    EXPECT_EQ(formatDecimal("0.5"), "0,5");
    EXPECT_EQ(formatDecimal("12345.678"), nb("12~345,678"));
    EXPECT_EQ(formatDecimal("1000.25"), "1000,25");
    EXPECT_EQ(formatDecimal("1000.25", Grouping::Column), nb("1~000,25"));
    EXPECT_EQ(formatDecimal("-3.10"), "\u22123,10");
    EXPECT_EQ(formatDecimal("007"), "7");
    EXPECT_EQ(formatDecimal("0"), "0");
}

TEST(FormatDecimal, RoundsHalfAwayFromZeroToThePlacesAsked) {
    EXPECT_EQ(formatDecimal("52.374", 2), "52,37");
    EXPECT_EQ(formatDecimal("52.375", 2), "52,38");
    EXPECT_EQ(formatDecimal("2.675", 2), "2,68");  // what a double would get wrong
    EXPECT_EQ(formatDecimal("-2.675", 2), "\u22122,68");
    EXPECT_EQ(formatDecimal("9999.995", 2), nb("10~000,00"));
    EXPECT_EQ(formatDecimal("99.5", 0), "100");
    EXPECT_EQ(formatDecimal("5", 2), "5,00");
    EXPECT_EQ(formatDecimal("0.1", 3), "0,100");
}

TEST(FormatDecimal, ZeroHasNoSign) {
    EXPECT_EQ(formatDecimal("-0.001", 2), "0,00");
    EXPECT_EQ(formatDecimal("-0"), "0");
    EXPECT_EQ(formatDecimal("-0.005", 2), "\u22120,01");
}

TEST(FormatDecimal, RefusesWhatIsNotAPlainDecimal) {
    for (const char* bad :
         {"", "-", ".", "1.", ".5", "1,5", "1e5", " 1", "1 000", "+1", "--1", "1.2.3", "abc"}) {
        EXPECT_THROW(formatDecimal(bad), std::invalid_argument) << bad;
    }
    EXPECT_THROW(formatDecimal("1", -1), std::invalid_argument);
    EXPECT_THROW(formatDecimal("1", 19), std::invalid_argument);
}

TEST(FormatPercent, NoBreakSpaceBeforeThePercentSign) {
    EXPECT_EQ(formatPercent("52.374", 2), nb("52,37~%"));
    EXPECT_EQ(formatPercent("100", 0), nb("100~%"));
    EXPECT_EQ(formatPercent("0", 2), nb("0,00~%"));
    EXPECT_EQ(formatPercent("66.6666", 1), nb("66,7~%"));
    EXPECT_EQ(formatPercent("-1.5", 1), nb("\u22121,5~%"));
}

TEST(Typeset, StraightQuotesBecomeGuillemets) {
    EXPECT_EQ(typeset("ТОС \"Уютный дом\""), nb("ТОС «Уютный дом»"));
    EXPECT_EQ(typeset("(\"Квартал\")"), "(«Квартал»)");
    EXPECT_EQ(typeset("\"Да\", \"нет\"."), "«Да», «нет».");
}

TEST(Typeset, TextMayStartWithAQuote) {
    EXPECT_EQ(typeset("\"Садовая\" готова"), "«Садовая» готова");
    EXPECT_EQ(typeset("\""), "«");
}

TEST(Typeset, NestedQuotesBecomeLowQuotes) {
    EXPECT_EQ(typeset("ООО \"УК \"Комфорт\"\""), "ООО «УК „Комфорт“»");
    EXPECT_EQ(typeset("\"\"Рассвет\" и сад\""), nb("«„Рассвет“ и~сад»"));
    // Guillemets already in the text count for the nesting.
    EXPECT_EQ(typeset("«ЖСК \"Мир\"»"), "«ЖСК „Мир“»");
}

TEST(Typeset, NoBreakSpaceAfterShortWords) {
    EXPECT_EQ(typeset("в доме и во дворе"), nb("в~доме и~во~дворе"));
    EXPECT_EQ(typeset("В доме"), nb("В~доме"));
    EXPECT_EQ(typeset("По вопросу не голосовали"), nb("По~вопросу не~голосовали"));
    EXPECT_EQ(typeset("от собственника к управляющей из дома"),
              nb("от~собственника к~управляющей из~дома"));
    EXPECT_EQ(typeset("а также за счёт"), nb("а~также за~счёт"));
    // Longer words and words merely ending in a short one keep their spaces.
    EXPECT_EQ(typeset("дома было"), "дома было");
    EXPECT_EQ(typeset("окно открыто"), "окно открыто");
}

TEST(Typeset, NoBreakSpaceBeforeDashes) {
    EXPECT_EQ(typeset("Кворум \u2014 есть"), nb("Кворум~\u2014 есть"));
    EXPECT_EQ(typeset("Кворум - есть"), nb("Кворум~\u2014 есть"));
    EXPECT_EQ(typeset("очно-заочное"), "очно-заочное");
    EXPECT_EQ(typeset("1-2"), "1-2");
}

TEST(Typeset, NumbersStayWithTheirWords) {
    EXPECT_EQ(typeset("№ 5"), nb("№~5"));
    EXPECT_EQ(typeset("12 голосов"), nb("12~голосов"));
    EXPECT_EQ(typeset("52,37 %"), nb("52,37~%"));
}

TEST(Typeset, KeepsEverythingElse) {
    EXPECT_EQ(typeset(""), "");
    EXPECT_EQ(typeset("Собрание состоялось."), "Собрание состоялось.");
    EXPECT_EQ(typeset("it's 'single'"), "it's 'single'");
    EXPECT_EQ(typeset("строка\nвторая"), "строка\nвторая");
    EXPECT_EQ(typeset("ёлка Ёж"), "ёлка Ёж");
}

}  // namespace
}  // namespace veche::paperwork
