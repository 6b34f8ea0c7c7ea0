// The staff screen's test SMS, queued in the kiosk's own outbox.
#include <gtest/gtest.h>

#include <atomic>

#include "kiosk_test_support.h"
#include "veche/kiosk/test_sms.h"

namespace veche::kiosk {
namespace {

std::size_t utf16Units(const std::string& utf8) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        units += (byte & 0xC0) != 0x80 ? (byte >= 0xF0 ? 2 : 1) : 0;
    }
    return units;
}

class TestSmsTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    testing::TestEnvironment env;
    KioskStore store{dir.file("kiosk.sqlite")};
    KioskSmsOutbox outbox{store};
    std::atomic<bool> modemUp{true};
    std::atomic<int> pokes{0};
    TestSmsSender sender{outbox, "k-0123456789abcdef", env.environment(),
                         [this] { return modemUp.load(); }, [this] { ++pokes; }};
};

TEST_F(TestSmsTest, QueuesAShortTextForTheKiosksModemAndWakesIt) {
    const TestSms sms = sender.send("8 (900) 111-22-33");
    ASSERT_EQ(sms.outcome, TestSms::Outcome::Queued);
    EXPECT_EQ(pokes.load(), 1);
    const auto claimed = outbox.claim(5, env.clock);
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].id, sms.id);
    EXPECT_EQ(claimed[0].to, "+79001112233");
    EXPECT_EQ(claimed[0].text, TestSmsSender::textFor("k-0123456789abcdef"));
    EXPECT_LE(utf16Units(claimed[0].text), 70u);  // one Cyrillic SMS
}

TEST_F(TestSmsTest, SaysWhereTheSmsIsUntilItIsDeliveredOrFailed) {
    const auto id = sender.send("+79001112233").id;
    EXPECT_EQ(sender.state(id).text, "В очереди модема…");
    EXPECT_FALSE(sender.state(id).final);
    outbox.claim(5, env.clock);
    outbox.markSent(id, "kiosk-modem", {17}, env.clock);
    EXPECT_FALSE(sender.state(id).final);
    outbox.markDelivered("kiosk-modem", "+79001112233", 17, true, env.clock + 1000);
    EXPECT_EQ(sender.state(id).text, "Доставлено.");
    EXPECT_TRUE(sender.state(id).final);

    env.clock += KioskServices::kTestSmsInterval;
    const auto failing = sender.send("+79001112233").id;
    outbox.claim(5, env.clock);
    outbox.markFailed(failing, "+CMS ERROR: 38", env.clock);
    EXPECT_EQ(sender.state(failing).text, "Не отправлено: ошибка модема (+CMS ERROR: 38).");
    EXPECT_TRUE(sender.state(failing).final);
    EXPECT_TRUE(sender.state(9999).final);  // unknown, or forgotten after a day

    env.clock += KioskServices::kTestSmsInterval;
    const auto lost = sender.send("+79001112233").id;
    outbox.claim(5, env.clock);
    outbox.markSent(lost, "kiosk-modem", {18}, env.clock);
    outbox.markDelivered("kiosk-modem", "+79001112233", 18, false, env.clock + 1000);
    EXPECT_TRUE(sender.state(lost).text.starts_with("Отправлено, но не доставлено"))
        << sender.state(lost).text;
    EXPECT_TRUE(sender.state(lost).final);
}

TEST_F(TestSmsTest, RefusesABadNumberADownModemAndASecondSmsWithinHalfAMinute) {
    EXPECT_EQ(sender.send("12345").outcome, TestSms::Outcome::BadNumber);
    modemUp = false;
    const TestSms down = sender.send("+79001112233");
    EXPECT_EQ(down.outcome, TestSms::Outcome::NoModem);
    EXPECT_NE(down.message.find("veche-provision doctor"), std::string::npos);
    modemUp = true;
    ASSERT_EQ(sender.send("+79001112233").outcome, TestSms::Outcome::Queued);
    env.clock += KioskServices::kTestSmsInterval - 1;
    EXPECT_EQ(sender.send("+79001112233").outcome, TestSms::Outcome::TooSoon);
    env.clock += 1;
    EXPECT_EQ(sender.send("+79001112233").outcome, TestSms::Outcome::Queued);
    EXPECT_EQ(outbox.queuedCount(), 2);  // nothing refused was queued
}

TEST_F(TestSmsTest, AnSmsTheModemCouldNotSendInTimeExpires) {
    const auto id = sender.send("+79001112233").id;
    env.clock += TestSmsSender::kLifetime + 1;
    EXPECT_TRUE(outbox.claim(5, env.clock).empty());
    EXPECT_EQ(sender.state(id).text, "Не отправлено: модем не смог отправить его за 10 минут.");
}

}  // namespace
}  // namespace veche::kiosk
