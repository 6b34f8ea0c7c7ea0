// Registration codes at the kiosk: its own modem's queue first, the hub's
// modems when it is down; limits, attempts and expiry.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "kiosk_test_support.h"
#include "veche/kiosk/codes.h"

namespace veche::kiosk {
namespace {

constexpr const char* kPhone = "+79001112233";

class KioskCodesTest : public ::testing::Test {
protected:
    // The code in the newest queued SMS, taken off the queue as the modem would.
    std::string deliveredCode() {
        const auto sent = outbox.claim(10, env.clock);
        EXPECT_EQ(sent.size(), 1u);
        if (sent.empty()) {
            return "";
        }
        EXPECT_EQ(sent[0].priority, modem::SmsPriority::Code);
        std::smatch m;
        EXPECT_TRUE(std::regex_search(sent[0].text, m, std::regex("([0-9]{6})")));
        outbox.markSent(sent[0].id, "m1", {1}, env.clock);
        return m[1];
    }

    testing::TempDir dir;
    testing::TestEnvironment env;
    KioskStore store{dir.file("kiosk.sqlite")};
    KioskSmsOutbox outbox{store};
    testing::ScriptedHub hub;
    bool modemUp = true;
    int pokes = 0;
    KioskCodes codes{
        store, outbox, hub, env.environment(), [this] { return modemUp; }, [this] { ++pokes; }};
};

TEST_F(KioskCodesTest, SendsACodeThroughTheKiosksModemAndAcceptsItOnce) {
    const CodeRequest r = codes.request("8 (900) 111-22-33");
    EXPECT_EQ(r.outcome, CodeRequest::Outcome::Sent);
    EXPECT_EQ(pokes, 1);
    EXPECT_TRUE(hub.calls.empty());
    const std::string code = deliveredCode();
    EXPECT_EQ(codes.check(kPhone, code).outcome, CodeCheck::Outcome::Verified);
    EXPECT_EQ(codes.check(kPhone, code).outcome, CodeCheck::Outcome::Expired);  // used up
}

TEST_F(KioskCodesTest, KeepsNeitherTheCodeNorThePhoneInClearOnceTheModemHasIt) {
    codes.request(kPhone);
    const std::string code = deliveredCode();  // marks the SMS sent
    long found = 0;
    store.read([&](Poco::Data::Session& s) {
        using namespace Poco::Data::Keywords;
        const std::string codeLike = "%" + code + "%", phoneLike = "%9001112233%";
        s << "SELECT (SELECT COUNT(*) FROM codes WHERE code_hash LIKE ? OR phone_key LIKE ?"
             " OR prefix_key LIKE ?) + (SELECT COUNT(*) FROM sms_outbox WHERE text LIKE ?)",
            useRef(codeLike), useRef(phoneLike), useRef(phoneLike), useRef(codeLike), into(found),
            now;
    });
    EXPECT_EQ(found, 0);
    env.clock += 60 * 60'000 + 1;  // an hour on, the code's row is gone
    codes.request("+79005550000");
    long rows = 0;
    store.read([&](Poco::Data::Session& s) {
        using namespace Poco::Data::Keywords;
        s << "SELECT COUNT(*) FROM codes", into(rows), now;
    });
    EXPECT_EQ(rows, 1);
}

TEST_F(KioskCodesTest, EachCodeIsNew) {
    std::set<std::string> seen;
    for (int i = 0; i < 3; ++i) {
        codes.request(kPhone);
        seen.insert(deliveredCode());
    }
    EXPECT_EQ(seen.size(), 3u);
}

TEST_F(KioskCodesTest, AnAnswerThatIsNotTheHubsIsUnavailableNotACrash) {
    modemUp = false;
    hub.replies.push_back(provisioning::HubReply{202, "{}"});
    ASSERT_EQ(codes.request(kPhone).outcome, CodeRequest::Outcome::SentByHub);
    hub.replies.push_back(provisioning::HubReply{200, "<html>Вход в сеть</html>"});
    EXPECT_EQ(codes.check(kPhone, "123456").outcome, CodeCheck::Outcome::Unavailable);
    hub.replies.push_back(provisioning::HubReply{200, "[]"});
    EXPECT_EQ(codes.check(kPhone, "123456").outcome, CodeCheck::Outcome::Unavailable);
}

TEST_F(KioskCodesTest, AWrongCodeCostsAnAttemptAndFiveKillIt) {
    codes.request(kPhone);
    const std::string code = deliveredCode();
    const std::string wrong = code == "000000" ? "111111" : "000000";
    for (int left = 4; left >= 1; --left) {
        const CodeCheck c = codes.check(kPhone, wrong);
        EXPECT_EQ(c.outcome, CodeCheck::Outcome::Wrong);
        EXPECT_EQ(c.attemptsLeft, left);
        EXPECT_NE(c.message.find(std::to_string(left)), std::string::npos) << c.message;
    }
    EXPECT_EQ(codes.check(kPhone, wrong).outcome, CodeCheck::Outcome::Expired);
    EXPECT_EQ(codes.check(kPhone, code).outcome, CodeCheck::Outcome::Expired);
}

TEST_F(KioskCodesTest, ACodeExpiresAfterFiveMinutesAndIsNeverSentLate) {
    codes.request(kPhone);
    env.clock += 5 * 60'000;
    EXPECT_TRUE(outbox.claim(10, env.clock).empty());  // the modem never got to it
    codes.request(kPhone);
    const std::string code = deliveredCode();
    env.clock += 5 * 60'000 + 1;
    EXPECT_EQ(codes.check(kPhone, code).outcome, CodeCheck::Outcome::Expired);
}

TEST_F(KioskCodesTest, LimitsCodesPerPhonePerPrefixAndPerKiosk) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(codes.request(kPhone).outcome, CodeRequest::Outcome::Sent);
    }
    EXPECT_EQ(codes.request(kPhone).outcome, CodeRequest::Outcome::TooMany);
    env.clock += 10 * 60'000 + 1;
    EXPECT_EQ(codes.request(kPhone).outcome, CodeRequest::Outcome::Sent);

    // Numbers that differ only in the last 4 digits: SMS pumping.
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(codes.request("+7900111" + std::to_string(3000 + i)).outcome,
                  CodeRequest::Outcome::Sent);
    }
    EXPECT_EQ(codes.request("+79001119999").outcome, CodeRequest::Outcome::TooMany);

    // 30 an hour from this kiosk, whatever the numbers.
    int sent = 10;
    for (int i = 0; sent < 30; ++i, ++sent) {
        ASSERT_EQ(codes.request("+79" + std::to_string(100000000 + i * 10007)).outcome,
                  CodeRequest::Outcome::Sent);
    }
    EXPECT_EQ(codes.request("+79551234567").outcome, CodeRequest::Outcome::TooMany);
}

TEST_F(KioskCodesTest, RefusesWhatIsNotARussianMobileNumber) {
    EXPECT_EQ(codes.request("+74951234567").outcome, CodeRequest::Outcome::BadNumber);
    EXPECT_EQ(codes.request("12345").outcome, CodeRequest::Outcome::BadNumber);
    EXPECT_FALSE(codes.request("12345").message.empty());
    EXPECT_EQ(outbox.queuedCount(), 0);
}

TEST_F(KioskCodesTest, AsksTheHubWhenItsModemIsDownAndLetsTheHubCheckTheCode) {
    modemUp = false;
    hub.replies.push_back(provisioning::HubReply{202, R"({"status":"queued"})"});
    EXPECT_EQ(codes.request(kPhone).outcome, CodeRequest::Outcome::SentByHub);
    ASSERT_EQ(hub.calls.size(), 1u);
    EXPECT_EQ(hub.calls[0].path, "/api/v1/kiosk/codes");
    EXPECT_NE(hub.calls[0].body.find(kPhone), std::string::npos);
    EXPECT_EQ(outbox.queuedCount(), 0);

    hub.replies.push_back(provisioning::HubReply{200, R"({"verified":false})"});
    EXPECT_EQ(codes.check(kPhone, "123456").outcome, CodeCheck::Outcome::Wrong);
    hub.replies.push_back(std::nullopt);
    EXPECT_EQ(codes.check(kPhone, "123456").outcome, CodeCheck::Outcome::Unavailable);
    hub.replies.push_back(provisioning::HubReply{200, R"({"verified":true})"});
    EXPECT_EQ(codes.check(kPhone, "654321").outcome, CodeCheck::Outcome::Verified);
    EXPECT_EQ(hub.calls.back().path, "/api/v1/kiosk/codes/verify");
}

TEST_F(KioskCodesTest, SaysSoWhenNeitherTheModemNorTheHubCanSend) {
    modemUp = false;
    hub.replies.push_back(std::nullopt);
    const CodeRequest r = codes.request(kPhone);
    EXPECT_EQ(r.outcome, CodeRequest::Outcome::Unavailable);
    EXPECT_FALSE(r.message.empty());
    hub.replies.push_back(provisioning::HubReply{429, "{}"});
    EXPECT_EQ(codes.request(kPhone).outcome, CodeRequest::Outcome::TooMany);
}

}  // namespace
}  // namespace veche::kiosk
