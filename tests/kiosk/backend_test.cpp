// The kiosk's rules for what a resident may do, on its own store.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "kiosk_test_support.h"
#include "veche/kiosk/backend.h"
#include "veche/signing/ed25519.h"
#include "veche/signing/phone_hash.h"
#include "veche/signing/receipt.h"
#include "veche/signing/staff_pin.h"

namespace veche::kiosk {
namespace {

using core::Choice;
constexpr const char* kPhone = "+79001112233";
constexpr Millis kDay = 24LL * 60 * 60 * 1000;

class KioskBackendTest : public ::testing::Test {
protected:
    void SetUp() override {
        const Millis t = env.clock;
        Changes c;
        c.cursor = "1";
        c.buildingAddress = "ул. Садовая, 12";
        c.assembliesJson =
            R"([{"id":"oss","rules":"oss-mkd","title":"ОСС","status":"open","opens_at":)" +
            std::to_string(t - kDay) + R"(,"closes_at":)" + std::to_string(t + kDay) +
            R"(,"electronic_binding":false,"agenda":[{"id":"1","title":"Совет"},{"id":"2","title":"Смета"}]},)"
            R"({"id":"gis","rules":"oss-mkd","title":"ОСС в ГИС","status":"open","opens_at":)" +
            std::to_string(t - kDay) + R"(,"closes_at":)" + std::to_string(t + kDay) +
            R"(,"electronic_binding":true,"agenda":[{"id":"1","title":"Лифт"}]},)"
            R"({"id":"done","rules":"tos-meeting","title":"Прошло","status":"closed","opens_at":)" +
            std::to_string(t - 3 * kDay) + R"(,"closes_at":)" + std::to_string(t - kDay) +
            R"(,"electronic_binding":false,"agenda":[{"id":"1","title":"Старое"}]}])";
        c.pollsJson = R"([{"id":"p1","question":"Скамейки?","options":["Да","Нет"],"opens_at":)" +
                      std::to_string(t - 1) + R"(,"closes_at":)" + std::to_string(t + kDay) + "}]";
        c.eligibilitySalt = "salt";
        c.eligibilityIterations = 3;
        c.voters = {{signing::phoneHash("salt", kPhone, 3), "owner-a"}};
        store.applyChanges(c, t);
    }

    Poco::JSON::Object::Ptr dataOf(const Event& e) {
        return Poco::JSON::Parser().parse(e.data).extract<Poco::JSON::Object::Ptr>();
    }

    testing::TempDir dir;
    testing::TestEnvironment env;
    KioskStore store{dir.file("kiosk.sqlite")};
    KioskSmsOutbox outbox{store};
    testing::ScriptedHub hub;
    SyncClient sync{store, hub, env.environment()};
    KioskCodes codes{store, outbox, hub, env.environment(), [] { return true; }, [] {}};
    KioskBackend backend{store, codes, sync, outbox, "k-1", env.environment(), [] { return true; }};
};

TEST_F(KioskBackendTest, OffersOpenAssembliesOnlyToPhonesOnTheVoterList) {
    const auto open = backend.assembliesFor("8 900 111 22 33", env.clock);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].id, "oss");
    EXPECT_TRUE(open[0].consultative);
    EXPECT_EQ(open[1].id, "gis");
    EXPECT_FALSE(open[1].consultative);  // the meeting accepts electronic ballots
    EXPECT_TRUE(backend.assembliesFor("+79009998877", env.clock).empty());
    EXPECT_TRUE(backend.assembliesFor(kPhone, env.clock + 2 * kDay).empty());
}

TEST_F(KioskBackendTest, StoresABallotDurablyWithItsReceiptBeforeReturning) {
    const Receipt r =
        backend.castBallot(kPhone, "oss", {{"1", Choice::For}, {"2", Choice::Abstain}}, env.clock);
    EXPECT_EQ(r.ballotId.rfind("k-1-", 0), 0u);
    EXPECT_EQ(r.code, signing::receiptOf(r.ballotId));
    EXPECT_TRUE(r.consultative);

    KioskStore reopened(dir.file("kiosk.sqlite"));  // as after a power cut
    const auto events = reopened.pendingEvents(10);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].id, r.ballotId);
    EXPECT_EQ(events[0].type, "ballot");
    const auto data = dataOf(events[0]);
    EXPECT_EQ(data->getValue<std::string>("assembly_id"), "oss");
    EXPECT_EQ(data->getValue<std::string>("phone"), kPhone);
    EXPECT_EQ(data->getValue<std::string>("voter_id"), "owner-a");
    EXPECT_EQ(data->getObject("answers")->getValue<std::string>("2"), "abstain");
    EXPECT_EQ(backend.assembliesFor(kPhone, env.clock).size(), 1u);  // "oss" is done here
}

TEST_F(KioskBackendTest, RefusesAnIncompleteOrForeignBallotAndStoresNothing) {
    EXPECT_THROW(backend.castBallot(kPhone, "oss", {{"1", Choice::For}}, env.clock),
                 std::invalid_argument);
    EXPECT_THROW(
        backend.castBallot(kPhone, "oss", {{"1", Choice::For}, {"2", Choice::Invalid}}, env.clock),
        std::invalid_argument);
    EXPECT_THROW(
        backend.castBallot(kPhone, "oss",
                           {{"1", Choice::For}, {"2", Choice::For}, {"3", Choice::For}}, env.clock),
        std::invalid_argument);
    EXPECT_THROW(backend.castBallot(kPhone, "done", {{"1", Choice::For}}, env.clock),
                 std::invalid_argument);
    EXPECT_THROW(backend.castBallot("+79009998877", "gis", {{"1", Choice::For}}, env.clock),
                 std::invalid_argument);
    try {
        backend.castBallot(kPhone, "oss", {{"1", Choice::For}}, env.clock);
        ADD_FAILURE() << "an incomplete ballot was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("Смета"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store.pendingCount(), 0);
}

TEST_F(KioskBackendTest, TakesOneAnswerAPollPerPhone) {
    ASSERT_EQ(backend.openPolls(kPhone, env.clock).size(), 1u);
    EXPECT_THROW(backend.answerPoll(kPhone, "p1", 5, env.clock), std::invalid_argument);
    backend.answerPoll(kPhone, "p1", 0, env.clock);
    EXPECT_TRUE(backend.openPolls(kPhone, env.clock).empty());
    EXPECT_THROW(backend.answerPoll(kPhone, "p1", 1, env.clock), std::invalid_argument);
    EXPECT_EQ(backend.openPolls("+79009998877", env.clock).size(), 1u);
    EXPECT_EQ(store.pendingCount(), 1);
}

TEST_F(KioskBackendTest, ChecksAReportBeforeStoringIt) {
    EXPECT_THROW(backend.reportProblem("weather", "Дождь", "", env.clock), std::invalid_argument);
    EXPECT_THROW(backend.reportProblem("housing", "   ", "", env.clock), std::invalid_argument);
    EXPECT_THROW(backend.reportProblem("housing", std::string(1001, 'x'), "", env.clock),
                 std::invalid_argument);
    EXPECT_THROW(backend.reportProblem("housing", "Течёт крыша", "123", env.clock),
                 std::invalid_argument);
    std::string russian;
    for (int i = 0; i < 1000; ++i) {
        russian += "ж";  // 1000 characters, 2000 bytes: allowed
    }
    EXPECT_NO_THROW(backend.reportProblem("housing", russian, "", env.clock));
    const std::string number =
        backend.reportProblem("housing", "  Течёт крыша  ", "8 900 111 22 33", env.clock);
    EXPECT_EQ(number.size(), 9u);
    const auto events = store.pendingEvents(10);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(dataOf(events[1])->getValue<std::string>("text"), "Течёт крыша");
    EXPECT_EQ(dataOf(events[1])->getValue<std::string>("phone"), kPhone);
}

TEST_F(KioskBackendTest, RecordsConsentAndLinkAsTheirOwnActs) {
    backend.recordSmsConsent(kPhone, true);
    backend.recordSmsConsent(kPhone, false);
    EXPECT_THROW(backend.requestLink(kPhone, "  "), std::invalid_argument);
    backend.requestLink(kPhone, " 12а ");
    const auto events = store.pendingEvents(10);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(dataOf(events[0])->getValue<std::string>("action"), "given");
    EXPECT_EQ(dataOf(events[0])->getValue<std::string>("text_version"), kSmsConsentVersion);
    EXPECT_EQ(dataOf(events[1])->getValue<std::string>("action"), "withdrawn");
    EXPECT_EQ(dataOf(events[2])->getValue<std::string>("premises"), "12а");
    EXPECT_NE(backend.smsConsentText().find(kSmsConsentVersion), std::string::npos);
}

TEST_F(KioskBackendTest, ShowsStaffWhatWaitsForTheHub) {
    backend.reportProblem("other", "Скамейка", "", env.clock);
    codes.request(kPhone);
    hub.replies.push_back(std::nullopt);
    EXPECT_FALSE(sync.syncOnce());
    const SyncState s = backend.syncState();
    EXPECT_EQ(s.kioskId, "k-1");
    EXPECT_EQ(s.pendingEvents, 1);
    EXPECT_EQ(s.queuedSms, 1);
    EXPECT_EQ(s.lastSuccess, 0);
    EXPECT_EQ(s.lastAttempt, env.clock.load());
    EXPECT_FALSE(s.lastError.empty());
    EXPECT_TRUE(s.modemConnected);
}

TEST_F(KioskBackendTest, OfTwoBallotsCastAtOnceForOneVoterOneIsStored) {
    std::atomic<int> stored{0}, refused{0};
    std::barrier start(2);
    auto cast = [&] {
        start.arrive_and_wait();
        try {
            backend.castBallot(kPhone, "gis", {{"1", Choice::For}}, env.clock);
            ++stored;
        } catch (const std::invalid_argument&) {
            ++refused;
        }
    };
    std::thread a(cast), b(cast);
    a.join();
    b.join();
    EXPECT_EQ(stored, 1);
    EXPECT_EQ(refused, 1);
    EXPECT_EQ(store.pendingCount(), 1);
}

TEST_F(KioskBackendTest, ABallotTheHubRefusedMayBeCastAgain) {
    const Receipt r = backend.castBallot(kPhone, "gis", {{"1", Choice::For}}, env.clock);
    ASSERT_EQ(backend.assembliesFor(kPhone, env.clock).size(), 1u);
    store.settle({}, {{r.ballotId, "the phone is not linked to an owner here"}});
    EXPECT_EQ(backend.assembliesFor(kPhone, env.clock).size(), 2u);
    EXPECT_NO_THROW(backend.castBallot(kPhone, "gis", {{"1", Choice::Against}}, env.clock));
}

TEST_F(KioskBackendTest, KeepsNoPhoneInClearForWhoAnsweredAPoll) {
    backend.answerPoll(kPhone, "p1", 0, env.clock);
    long found = 0;
    store.read([&](Poco::Data::Session& s) {
        using namespace Poco::Data::Keywords;
        s << "SELECT COUNT(*) FROM marks WHERE key LIKE '%9001112233%' OR key LIKE ?",
            bind("%" + signing::sha256Hex(kPhone) + "%"), into(found), now;
    });
    EXPECT_EQ(found, 0);
}

TEST_F(KioskBackendTest, ARevokedKioskSaysSoInsteadOfTakingVotes) {
    store.setMeta("revoked", "1");
    EXPECT_THROW(backend.castBallot(kPhone, "gis", {{"1", Choice::For}}, env.clock),
                 std::invalid_argument);
    EXPECT_THROW(backend.reportProblem("other", "Скамейка", "", env.clock), std::invalid_argument);
    const CodeRequest r = backend.requestCode(kPhone);
    EXPECT_EQ(r.outcome, CodeRequest::Outcome::Unavailable);
    EXPECT_NE(r.message.find("отключён"), std::string::npos);
    EXPECT_TRUE(backend.syncState().revoked);
    EXPECT_EQ(store.pendingCount(), 0);
}

TEST_F(KioskBackendTest, AStaffPinIsCheckedAgainstTheSettingsAndLocksAfterFiveWrongOnes) {
    using StaffPin = KioskServices::StaffPin;
    EXPECT_EQ(backend.checkStaffPin("2468"), StaffPin::NotSet);
    store.setMeta("settings",
                  R"({"staff_pin": ")" + signing::staffPinRecord("2468", "s", 100) + R"("})");
    EXPECT_EQ(backend.checkStaffPin("2468"), StaffPin::Accepted);
    for (int i = 1; i < KioskBackend::kStaffPinTries; ++i) {
        EXPECT_EQ(backend.checkStaffPin("1111"), StaffPin::Wrong) << i;
    }
    EXPECT_EQ(backend.checkStaffPin("1111"), StaffPin::Locked);
    EXPECT_EQ(backend.checkStaffPin("2468"), StaffPin::Locked);  // even the right one, for now
    env.clock += KioskBackend::kStaffPinLockout;
    EXPECT_EQ(backend.checkStaffPin("2468"), StaffPin::Accepted);
}

}  // namespace
}  // namespace veche::kiosk
