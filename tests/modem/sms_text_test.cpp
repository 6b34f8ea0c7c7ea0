#include "veche/modem/sms_text.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace veche::modem {
namespace {

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

void expectPlan(std::string_view text, SmsEncoding encoding, int units, int parts) {
    const SmsPlan plan = planSms(text);
    EXPECT_EQ(plan.encoding, encoding);
    EXPECT_EQ(plan.units, units);
    EXPECT_EQ(plan.parts, parts);
    EXPECT_EQ(static_cast<int>(splitSms(text).size()), parts);
}

TEST(SmsPlanTest, EmptyTextIsOneGsmPart) {
    expectPlan("", SmsEncoding::Gsm7, 0, 1);
}

TEST(SmsPlanTest, Gsm7SingleAndConcatenatedBoundaries) {
    expectPlan(repeat("a", 160), SmsEncoding::Gsm7, 160, 1);
    expectPlan(repeat("a", 161), SmsEncoding::Gsm7, 161, 2);
    expectPlan(repeat("a", 306), SmsEncoding::Gsm7, 306, 2);
    expectPlan(repeat("a", 307), SmsEncoding::Gsm7, 307, 3);
}

TEST(SmsPlanTest, Ucs2SingleAndConcatenatedBoundaries) {
    expectPlan(repeat("ж", 70), SmsEncoding::Ucs2, 70, 1);
    expectPlan(repeat("ж", 71), SmsEncoding::Ucs2, 71, 2);
    expectPlan(repeat("ж", 134), SmsEncoding::Ucs2, 134, 2);
    expectPlan(repeat("ж", 135), SmsEncoding::Ucs2, 135, 3);
}

TEST(SmsPlanTest, ExtensionCharactersCostTwoSeptets) {
    expectPlan("|^{}[]~\\€", SmsEncoding::Gsm7, 18, 1);
    expectPlan(repeat("{", 80), SmsEncoding::Gsm7, 160, 1);
    expectPlan(repeat("{", 80) + "a", SmsEncoding::Gsm7, 161, 2);
}

TEST(SmsPlanTest, EscapePairIsNeverSplitAcrossParts) {
    const std::string text = repeat("a", 152) + "[" + repeat("b", 10);
    const auto parts = splitSms(text);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], repeat("a", 152));
    EXPECT_EQ(parts[1], "[" + repeat("b", 10));
}

TEST(SmsPlanTest, GsmAlphabetLettersStayGsm7) {
    expectPlan("Çàèéùìò ÄÖÑÜ äöñü ß ΔΦΓΛΩΠΨΣΘΞ @£$¥¤§¡¿", SmsEncoding::Gsm7, 39, 1);
}

TEST(SmsPlanTest, OneCyrillicLetterForcesUcs2) {
    expectPlan("Hello, world! Привет", SmsEncoding::Ucs2, 20, 1);
    // Cyrillic "А" looks like Latin "A" but is not in the GSM alphabet.
    expectPlan("\xD0\x90", SmsEncoding::Ucs2, 1, 1);
}

TEST(SmsPlanTest, EmojiCountTwoCodeUnits) {
    expectPlan("😀", SmsEncoding::Ucs2, 2, 1);
    expectPlan(repeat("😀", 35), SmsEncoding::Ucs2, 70, 1);
    expectPlan(repeat("😀", 36), SmsEncoding::Ucs2, 72, 2);
}

TEST(SmsPlanTest, SurrogatePairIsNeverSplitAcrossParts) {
    const std::string text = repeat("ж", 66) + "😀" + repeat("ж", 10);
    const auto parts = splitSms(text);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], repeat("ж", 66));
    EXPECT_EQ(parts[1], "😀" + repeat("ж", 10));
}

TEST(SmsPlanTest, PartsJoinBackToTheText) {
    const std::string text = repeat("Собрание жильцов в четверг. ", 12);
    std::string joined;
    for (const auto& p : splitSms(text)) {
        EXPECT_LE(planSms(p).units, kUcs2PartUnits);
        joined += p;
    }
    EXPECT_EQ(joined, text);
}

TEST(Utf8Test, InvalidUtf8Throws) {
    for (const char* bad : {"\xC3", "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                            "\xFF", "a\x80", "\xE2\x82"}) {
        EXPECT_THROW(planSms(bad), std::invalid_argument) << bad;
        EXPECT_THROW(utf8ToUcs2Be(bad), std::invalid_argument);
    }
}

TEST(Utf8Test, CodePointsRoundTrip) {
    const std::string text = "aЖ€😀";
    EXPECT_EQ(utf8ToCodePoints(text), (std::u32string{U'a', U'Ж', U'€', U'😀'}));
    EXPECT_EQ(codePointsToUtf8(utf8ToCodePoints(text)), text);
    EXPECT_THROW(codePointsToUtf8(std::u32string{0xD800}), std::invalid_argument);
}

TEST(Gsm7Test, MapsCharactersToSeptets) {
    const auto septets = toGsm7Septets(U"@£$¥A{€");
    ASSERT_TRUE(septets.has_value());
    EXPECT_EQ(*septets,
              (std::vector<std::uint8_t>{0x00, 0x01, 0x02, 0x03, 0x41, 0x1B, 0x28, 0x1B, 0x65}));
    EXPECT_EQ(fromGsm7Septets(*septets), U"@£$¥A{€");
    EXPECT_FALSE(toGsm7Septets(U"Ж").has_value());
}

TEST(Gsm7Test, UnknownEscapeFallsBackToDefaultCharacter) {
    const std::vector<std::uint8_t> septets{0x1B, 0x41, 0x1B};
    EXPECT_EQ(fromGsm7Septets(septets), U"A ");
}

TEST(Gsm7Test, PacksSeptetsLikeTheSpec) {
    // "hellohello" from TS 23.038 examples.
    const auto septets = toGsm7Septets(U"hellohello");
    EXPECT_EQ(toHex(packSeptets(*septets)), "E8329BFD4697D9EC37");
    const auto bytes = fromHex("E8329BFD4697D9EC37");
    EXPECT_EQ(unpackSeptets(bytes, 10), *septets);
}

TEST(Gsm7Test, PackUnpackRoundTripWithFillBits) {
    const auto septets = *toGsm7Septets(U"Hello world {x} 0123456789");
    for (int fill = 0; fill < 7; ++fill) {
        const auto packed = packSeptets(septets, fill);
        EXPECT_EQ(unpackSeptets(packed, septets.size(), fill), septets) << fill;
    }
    EXPECT_THROW(unpackSeptets(fromHex("E832"), 10), std::invalid_argument);
}

TEST(Ucs2Test, ConvertsCyrillicAndSurrogates) {
    EXPECT_EQ(toHex(utf8ToUcs2Be("Привет")), "041F04400438043204350442");
    EXPECT_EQ(toHex(utf8ToUcs2Be("😀")), "D83DDE00");
    EXPECT_EQ(ucs2BeToUtf8(fromHex("041F04400438043204350442")), "Привет");
    EXPECT_EQ(ucs2BeToUtf8(fromHex("D83DDE00")), "😀");
    EXPECT_EQ(ucs2BeToUtf8(fromHex("D83D0041")),
              "\xEF\xBF\xBD"
              "A");
    EXPECT_THROW(ucs2BeToUtf8(fromHex("0041FF")), std::invalid_argument);
}

TEST(HexTest, RejectsMalformedHex) {
    EXPECT_EQ(fromHex("0aFf"), (std::vector<std::uint8_t>{0x0A, 0xFF}));
    EXPECT_THROW(fromHex("ABC"), std::invalid_argument);
    EXPECT_THROW(fromHex("GG"), std::invalid_argument);
}

}  // namespace
}  // namespace veche::modem
