#include "veche/modem/pdu.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace veche::modem {
namespace {

using std::chrono::system_clock;

// Written by gammu 1.42 (`sendsms TEXT +79001112233 -unicode -text "Привет, мир"`)
// after AT+CMGS=36, SMSC +79168999100.
constexpr const char* kGammuCyrillic =
    "07919761989901F011000B919700112132F30008FF16041F04400438043204350442002C0020043C04380440";

// Written by gammu 1.42 (`sendsms TEXT ... -report -len 200 -text "Hello world {x} ..."`):
// part 2 of 2, 8-bit reference 0xEB, status report requested.
constexpr const char* kGammuLatinPart2 =
    "07919761989901F071000B919700112132F30000FF4E050003EB0202D864D00685DFA440C8329BFD06DDDF7236"
    "19B441E1372910B2CC66BF41F7B79C4D066D50F84D0A842CB3D96FD0FD2D6793411B147E930221CB6CF61B74"
    "7F03";

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

system_clock::time_point someTime() {
    return system_clock::from_time_t(1767268800);  // 2026-01-01T12:00:00Z
}

TEST(PduTest, DecodesGammuCyrillicSubmit) {
    const SubmitPdu pdu = decodeSubmit(kGammuCyrillic);
    EXPECT_EQ(pdu.smsc, "+79168999100");
    EXPECT_EQ(pdu.destination, "+79001112233");
    EXPECT_EQ(pdu.encoding, SmsEncoding::Ucs2);
    EXPECT_FALSE(pdu.concat.has_value());
    EXPECT_FALSE(pdu.statusReportRequested);
    EXPECT_EQ(pdu.text, "Привет, мир");
    EXPECT_EQ(tpduLengthOf(kGammuCyrillic), 36);
}

TEST(PduTest, DecodesGammuConcatenatedGsm7SubmitWithReport) {
    const SubmitPdu pdu = decodeSubmit(kGammuLatinPart2);
    EXPECT_EQ(pdu.destination, "+79001112233");
    EXPECT_EQ(pdu.encoding, SmsEncoding::Gsm7);
    EXPECT_TRUE(pdu.statusReportRequested);
    ASSERT_TRUE(pdu.concat.has_value());
    EXPECT_EQ(*pdu.concat, (ConcatInfo{0xEB, false, 2, 2}));
    const std::string full = repeat("Hello world {x} ", 20).substr(0, 200);
    // Part 1 carried 153 septets: 8 x "Hello world {x} " (18 septets each) + "Hello wor".
    EXPECT_EQ(pdu.text, full.substr(137));
}

TEST(PduTest, Decodes16BitReference) {
    const SubmitPdu pdu =
        decodeSubmit("07919761989901F051000B919700112132F30008FF0B0608041234020104160416");
    ASSERT_TRUE(pdu.concat.has_value());
    EXPECT_EQ(*pdu.concat, (ConcatInfo{0x1234, true, 2, 1}));
    EXPECT_EQ(pdu.text, "ЖЖ");
}

TEST(PduTest, SubmitRoundTripSplitsLikePlanSms) {
    const std::string text = repeat("Собрание жильцов в четверг в 19:00. ", 5);
    const auto parts = encodeSubmit("+79001112233", text, true, {"+79168999100", 42});
    ASSERT_EQ(static_cast<int>(parts.size()), planSms(text).parts);
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        EXPECT_EQ(tpduLengthOf(parts[i].hex), parts[i].tpduLength);
        const SubmitPdu pdu = decodeSubmit(parts[i].hex);
        EXPECT_EQ(pdu.destination, "+79001112233");
        EXPECT_EQ(pdu.smsc, "+79168999100");
        EXPECT_TRUE(pdu.statusReportRequested);
        EXPECT_EQ(pdu.encoding, SmsEncoding::Ucs2);
        EXPECT_EQ(*pdu.concat,
                  (ConcatInfo{42, false, static_cast<int>(parts.size()), static_cast<int>(i + 1)}));
        joined += pdu.text;
    }
    EXPECT_EQ(joined, text);
}

TEST(PduTest, DeliverRoundTripGsm7WithEscapes) {
    const std::string text = repeat("Vote {yes|no} [€5] ~ ", 10);  // 280 septets
    const auto parts = encodeDeliver("+79005556677", text, someTime(), {"+79168999100", 7});
    ASSERT_EQ(parts.size(), 2u);
    std::string joined;
    for (const auto& part : parts) {
        const DeliverPdu pdu = decodeDeliver(part.hex);
        EXPECT_EQ(pdu.originator, "+79005556677");
        EXPECT_EQ(pdu.encoding, SmsEncoding::Gsm7);
        EXPECT_EQ(pdu.timestamp, someTime());
        EXPECT_EQ(pdu.concat->reference, 7);
        joined += pdu.text;
    }
    EXPECT_EQ(joined, text);
}

TEST(PduTest, ShortDeliverHasNoHeaderAndKnownBytes) {
    const auto parts = encodeDeliver("+79005556677", "Hi", someTime());
    ASSERT_EQ(parts.size(), 1u);
    // SCA 00, first octet 04, OA, PID 00, DCS 00, SCTS 26-01-01 12:00:00 +0, UDL 2, "Hi".
    EXPECT_EQ(parts[0].hex, "00040B919700556576F700006210102100000002C834");
    EXPECT_EQ(parts[0].tpduLength, 21);
}

TEST(PduTest, CyrillicDeliverUsesUcs2) {
    const auto parts = encodeDeliver("+79005556677", "Здравствуйте!", someTime());
    ASSERT_EQ(parts.size(), 1u);
    const DeliverPdu pdu = decodeDeliver(parts[0].hex);
    EXPECT_EQ(pdu.encoding, SmsEncoding::Ucs2);
    EXPECT_EQ(pdu.text, "Здравствуйте!");
    EXPECT_NE(parts[0].hex.find("0B919700556576F7000862"), std::string::npos);
}

TEST(PduTest, StatusReportRoundTrip) {
    const PduHex report = encodeStatusReport(21, "+79001112233", someTime(), 0, "+79168999100");
    EXPECT_EQ(report.hex.substr(0, 40), "07919761989901F006150B919700112132F36210");
    EXPECT_EQ(report.tpduLength, 25);
    const StatusReportPdu pdu = decodeStatusReport(report.hex);
    EXPECT_EQ(pdu.messageReference, 21);
    EXPECT_EQ(pdu.recipient, "+79001112233");
    EXPECT_EQ(pdu.status, 0);
    EXPECT_EQ(pdu.smsc, "+79168999100");
    EXPECT_THROW(encodeStatusReport(256, "+79001112233", someTime()), std::invalid_argument);
}

TEST(PduTest, RejectsWrongTypeAndTruncation) {
    const auto deliver = encodeDeliver("+79005556677", "Hi", someTime());
    EXPECT_THROW(decodeSubmit(deliver[0].hex), std::invalid_argument);
    EXPECT_THROW(decodeDeliver(kGammuCyrillic), std::invalid_argument);
    const std::string truncated = std::string(kGammuCyrillic).substr(0, 40);
    EXPECT_THROW(decodeSubmit(truncated), std::invalid_argument);
    EXPECT_THROW(decodeSubmit("zz"), std::invalid_argument);
    EXPECT_THROW(encodeDeliver("+7900abc", "Hi", someTime()), std::invalid_argument);
    EXPECT_THROW(encodeDeliver("+79005556677", "\xC3", someTime()), std::invalid_argument);
}

TEST(PduTest, NationalNumbersHaveNoPlus) {
    const auto parts = encodeSubmit("89001112233", "x", false);
    EXPECT_EQ(decodeSubmit(parts[0].hex).destination, "89001112233");
}

}  // namespace
}  // namespace veche::modem
