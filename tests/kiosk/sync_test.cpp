// The kiosk's backend against a real hub over HTTP: enrolment, signed sync,
// a resident's whole visit, lost answers and a week without the hub.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <regex>

#include "../hub/hub_fixture.h"
#include "kiosk_test_support.h"
#include "sample_hub.h"
#include "veche/kiosk/backend.h"

namespace veche::kiosk {
namespace {

using hub::Role;
constexpr Millis kDay = 24LL * 60 * 60 * 1000;
constexpr const char* kPhone = "+79001112233";

// The real signed link, which the test can cut or make lose the hub's answer.
class FlakyLink : public HubLink {
public:
    explicit FlakyLink(std::unique_ptr<HubLink> real) : real_(std::move(real)) {}
    std::optional<provisioning::HubReply> send(const std::string& method, const std::string& path,
                                               const std::string& body) override {
        if (down) {
            return std::nullopt;
        }
        auto reply = real_->send(method, path, body);
        if (loseNextAnswer) {  // the hub did the work; the kiosk never hears
            loseNextAnswer = false;
            return std::nullopt;
        }
        return reply;
    }
    bool down = false;
    bool loseNextAnswer = false;

private:
    std::unique_ptr<HubLink> real_;
};

class KioskHubTest : public ::testing::Test {
protected:
    void SetUp() override {
        const testing::SampleBuilding sample = testing::seedSampleBuilding(hub);
        territory = sample.territory;
        building = sample.building;
        assembly = sample.assembly;
        enrol();
    }

    void enrol() {
        const provisioning::HubAddress address{"127.0.0.1", hub.server->port()};
        const auto key = signing::KeyPair::generate();
        const auto reply = provisioning::HubClient::enrol(
            address, testing::enrolmentCode(hub, building), key, "Подъезд 1");
        ASSERT_EQ(reply.status, 201) << reply.body;
        kioskId = field(reply.body, "kiosk_id");
        env.clock = hub.clock.now();
        link = std::make_unique<FlakyLink>(std::make_unique<SignedHubLink>(provisioning::HubClient(
            address, kioskId, key, [this] { return hub.clock.now(); },
            [this] { return "nonce-" + hub.random.hex(8); })));
        sync = std::make_unique<SyncClient>(store, *link, env.environment());
        codes = std::make_unique<KioskCodes>(
            store, outbox, *link, env.environment(), [] { return true; }, [] {});
        backend = std::make_unique<KioskBackend>(store, *codes, *sync, outbox, kioskId,
                                                 env.environment(), [] { return true; });
    }

    static std::string field(const std::string& body, const std::string& name) {
        return Poco::JSON::Parser()
            .parse(body)
            .extract<Poco::JSON::Object::Ptr>()
            ->getValue<std::string>(name);
    }

    // Advances both clocks together.
    void advance(Millis by) {
        hub.clock.advance(by);
        env.clock = hub.clock.now();
    }

    // The code the kiosk's modem would have sent.
    std::string sentCode() {
        const auto sms = outbox.claim(1, env.clock);
        EXPECT_EQ(sms.size(), 1u);
        std::smatch m;
        EXPECT_TRUE(!sms.empty() && std::regex_search(sms[0].text, m, std::regex("[0-9]{6}")));
        outbox.markSent(sms[0].id, "kiosk-modem", {7}, env.clock);
        return m.str();
    }

    // Registers kPhone as a resident would, and links it to flat 1.
    void registerPhone() {
        ASSERT_EQ(backend->requestCode("8 900 111-22-33").outcome, CodeRequest::Outcome::Sent);
        ASSERT_EQ(backend->checkCode("8 900 111-22-33", sentCode()).outcome,
                  CodeCheck::Outcome::Verified);
        backend->recordRegistration(kPhone);
        backend->recordSmsConsent(kPhone, true);
        backend->requestLink(kPhone, "1");
    }

    std::map<std::string, core::Choice> allFor() {
        return {{"1", core::Choice::For}, {"2", core::Choice::Against}};
    }

    std::vector<hub::Ballot> ballots() { return hub.hub->ballotStore().ballots(assembly); }

    hub::testing::HubFixture hub;
    std::string territory, building, assembly, kioskId;
    testing::TempDir dir;
    testing::TestEnvironment env;
    KioskStore store{dir.file("kiosk.sqlite")};
    KioskSmsOutbox outbox{store};
    std::unique_ptr<FlakyLink> link;
    std::unique_ptr<SyncClient> sync;
    std::unique_ptr<KioskCodes> codes;
    std::unique_ptr<KioskBackend> backend;
};

TEST_F(KioskHubTest, AResidentRegistersVotesAndTheHubCountsTheBallotOnce) {
    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    EXPECT_EQ(backend->buildingAddress(), "ул. Садовая, 12");
    EXPECT_EQ(backend->territoryName(), "ТОС «Садовый»");
    registerPhone();
    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    EXPECT_EQ(store.pendingCount(), 0);
    EXPECT_EQ(store.rejectedCount(), 0);
    const auto consents = hub.hub->residents().store().consents(kPhone);
    ASSERT_EQ(consents.size(), 1u);
    EXPECT_EQ(consents[0].kind, "sms");
    EXPECT_EQ(consents[0].textVersion, kSmsConsentVersion);
    EXPECT_EQ(consents[0].channel, "kiosk");

    // The pull after the link brought the phone's hash: it may vote here.
    const auto open = backend->assembliesFor(kPhone, env.clock);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_TRUE(open[0].consultative);  // kiosk ballots at an ОСС are advisory
    ASSERT_EQ(open[0].agenda.size(), 2u);
    const Receipt receipt = backend->castBallot(kPhone, assembly, allFor(), env.clock);
    EXPECT_TRUE(backend->assembliesFor(kPhone, env.clock).empty());
    EXPECT_THROW(backend->castBallot(kPhone, assembly, allFor(), env.clock), std::invalid_argument);

    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    ASSERT_EQ(ballots().size(), 1u);
    EXPECT_EQ(ballots()[0].id, receipt.ballotId);
    EXPECT_EQ(ballots()[0].voterId, "a");
    EXPECT_EQ(hub::receiptOf(ballots()[0].id), receipt.code);
    EXPECT_EQ(hub.hub->results(assembly).consultative.ballots, 1u);
    EXPECT_EQ(hub.hub->results(assembly).binding.ballots, 0u);
}

TEST_F(KioskHubTest, AnAnswerLostOnTheWayBackSendsTheEventAgainAndTheHubKeepsOne) {
    ASSERT_TRUE(sync->syncOnce());
    registerPhone();
    ASSERT_TRUE(sync->syncOnce());
    backend->castBallot(kPhone, assembly, allFor(), env.clock);
    link->loseNextAnswer = true;
    EXPECT_FALSE(sync->syncOnce());
    EXPECT_EQ(store.pendingCount(), 1);
    EXPECT_EQ(ballots().size(), 1u);  // the hub has it already
    advance(1000);
    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    EXPECT_EQ(store.pendingCount(), 0);
    EXPECT_EQ(ballots().size(), 1u);
}

TEST_F(KioskHubTest, AWeekWithoutTheHubLosesNothingAndDoublesNothing) {
    ASSERT_TRUE(sync->syncOnce());
    registerPhone();
    ASSERT_TRUE(sync->syncOnce());
    link->down = true;
    backend->castBallot(kPhone, assembly, allFor(), env.clock);
    int reports = 0;
    for (int hour = 0; hour < 7 * 24; ++hour) {
        advance(60 * 60'000);
        if (hour % 2 == 0) {
            backend->reportProblem("housing", "Не горит свет, час " + std::to_string(hour), "",
                                   env.clock);
            ++reports;
        }
        EXPECT_FALSE(sync->syncOnce());
    }
    EXPECT_EQ(sync->progress().failuresInRow, 7 * 24);
    EXPECT_NE(sync->progress().lastError.find("cannot be reached"), std::string::npos);
    EXPECT_EQ(store.pendingCount(), reports + 1);

    link->down = false;
    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    EXPECT_EQ(store.pendingCount(), 0);
    EXPECT_EQ(ballots().size(), 1u);
    EXPECT_EQ(hub.hub->polls().reports("new").size(), static_cast<std::size_t>(reports));
    ASSERT_TRUE(sync->syncOnce());  // nothing is sent twice
    EXPECT_EQ(hub.hub->polls().reports("new").size(), static_cast<std::size_t>(reports));
}

TEST_F(KioskHubTest, EventsTheHubRefusesAreKeptForStaffAndTheRestGoOn) {
    ASSERT_TRUE(sync->syncOnce());
    // A consent for a phone the hub never saw verified: refused, kept.
    backend->recordSmsConsent("+79005556677", true);
    backend->reportProblem("other", "Сломана скамейка", "", env.clock);
    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    EXPECT_EQ(store.pendingCount(), 0);
    ASSERT_EQ(store.rejectedCount(), 1);
    EXPECT_FALSE(store.rejectedEvents(1)[0].error.empty());
    EXPECT_EQ(backend->syncState().rejectedEvents, 1);
    EXPECT_EQ(hub.hub->polls().reports("new").size(), 1u);
}

TEST_F(KioskHubTest, APollAnswerAndNoticesTravelBothWays) {
    hub::Poll p;
    p.territoryId = territory;
    p.question = "Где поставить скамейки?";
    p.options = {"У подъезда", "На детской площадке"};
    p.opensAt = hub.clock.now() - 1;
    p.closesAt = hub.clock.now() + kDay;
    const std::string poll = hub.hub->polls().createPoll(p).id;
    hub.hub->createNotice({"",
                           territory,
                           {},
                           hub::NoticeCategory::Emergency,
                           "Отключение воды",
                           "Завтра с 9 до 17",
                           "ТОС",
                           hub.clock.now() - 1,
                           hub.clock.now() + kDay,
                           0,
                           0},
                          Role::Operator);
    const long before = backend->contentVersion();
    ASSERT_TRUE(sync->syncOnce());
    EXPECT_GT(backend->contentVersion(), before);
    ASSERT_EQ(backend->notices(env.clock).size(), 1u);
    EXPECT_EQ(backend->notices(env.clock)[0].categoryTitle, "Экстренное");

    registerPhone();
    ASSERT_EQ(backend->openPolls(kPhone, env.clock).size(), 1u);
    EXPECT_THROW(backend->answerPoll(kPhone, poll, 2, env.clock), std::invalid_argument);
    backend->answerPoll(kPhone, poll, 1, env.clock);
    EXPECT_TRUE(backend->openPolls(kPhone, env.clock).empty());
    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    EXPECT_EQ(hub.hub->polls().results(poll), (std::vector<long>{0, 1}));
}

TEST(SyncBackoff, DoublesFromTheFirstRetryUpToTheMaximum) {
    const SyncOptions o;
    EXPECT_EQ(SyncClient::pauseAfter(0, o), o.interval);
    EXPECT_EQ(SyncClient::pauseAfter(1, o), 2'000);
    EXPECT_EQ(SyncClient::pauseAfter(2, o), 4'000);
    EXPECT_EQ(SyncClient::pauseAfter(8, o), 256'000);
    EXPECT_EQ(SyncClient::pauseAfter(9, o), o.retryMax);
    EXPECT_EQ(SyncClient::pauseAfter(1000, o), o.retryMax);
}

TEST_F(KioskHubTest, TheMeetingsNoticePostedOnceReachesTheBuildingsKiosks) {
    auto op = hub.client(Role::Operator);
    const auto posted = op.post("/api/v1/assemblies/" + assembly + "/notice", "");
    ASSERT_EQ(posted.status, 201) << posted.body;
    EXPECT_EQ(field(posted.body, "status"), "posted");
    const auto again = op.post("/api/v1/assemblies/" + assembly + "/notice", "");
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(field(again.body, "status"), "already_posted");
    EXPECT_EQ(field(again.body, "id"), field(posted.body, "id"));

    ASSERT_TRUE(sync->syncOnce()) << sync->progress().lastError;
    const auto notices = backend->notices(env.clock);
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].title, "Сообщение о проведении собрания: Годовое собрание");
    EXPECT_EQ(notices[0].author, "Совет дома");
    EXPECT_NE(notices[0].body.find("Утвердить смету"), std::string::npos) << notices[0].body;
    EXPECT_TRUE(backend->notices(env.clock + 31 * kDay).empty());  // gone when voting closes

    EXPECT_EQ(op.post("/api/v1/assemblies/a-none/notice", "").status, 404);
}

}  // namespace
}  // namespace veche::kiosk
