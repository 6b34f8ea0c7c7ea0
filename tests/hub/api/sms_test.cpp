// The hub's SMS end to end: the API queues, the pool sends through libGammu's
// real `at` driver to the AT modem simulator, and what the simulated phone
// sends back reaches the hub's handlers.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "../hub_fixture.h"
#include "veche/hub/app/sms_gateway.h"
#include "veche/modem/sim/modem_simulator.h"

namespace veche::hub {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPhone = "+79001112233";
constexpr Millis kDay = 24LL * 60 * 60 * 1000;

Poco::JSON::Object::Ptr object(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::filesystem::path freshDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto dir = std::filesystem::temp_directory_path() / ("veche-sms-" + std::string(info->name()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

class HubSmsTest : public ::testing::Test {
protected:
    void SetUp() override {
        territory = hub.hub->territories().createTerritory("ТОС").id;
        building = hub.hub->territories().createBuilding(territory, "д. 1")->id;
        hub.hub->territories().replaceRegistry(
            building,
            "premises,kind,area,owner_id,owner,share,document,joint\n"
            "1,residential,60,a,A,1,,\n");
        hub.hub->residents().registerPhone(kPhone, "kiosk");
        hub.hub->residents().store().addLinkRequest({"l-1", kPhone, building, "1", "confirmed", "a",
                                                     hub.clock.now(), "kiosk", hub.clock.now(),
                                                     "test", ""});
        hub.hub->residents().giveConsent(kPhone, "sms", "sms-2026-01", "kiosk");
        SmsGatewayOptions options;
        options.devices = {(dir / "modem").string()};
        options.worker = VECHE_MODEM_WORKER;
        options.pool.partsPerMinute = 6000;
        options.pool.retryAfter = 0ms;
        gateway =
            std::make_unique<SmsGateway>(hub.stack->sms, hub.clock, options, hub.stack->metrics);
    }
    void TearDown() override {
        hub.server->stop();
        gateway.reset();
    }

    // The next message the phone receives, after `count` before it.
    modem::sim::SentSms nextAtPhone() {
        EXPECT_TRUE(simulator.waitForSent(++received, 60s));
        return simulator.sent().at(received - 1);
    }
    int postNotice(const std::string& category, const std::string& title) {
        auto op = hub.client(Role::Operator);
        const auto reply =
            op.post("/api/v1/notices",
                    R"({"territory_id": ")" + territory + R"(", "category": ")" + category +
                        R"(", "title": ")" + title +
                        R"(", "body": "Текст", "author": "ТОС", "valid_from": ")" +
                        hub.dayOffset(0) + R"(", "valid_until": ")" + hub.dayOffset(1) + R"("})");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return object(reply.body)->getValue<int>("sms_queued");
    }

    std::filesystem::path dir = freshDir();
    modem::sim::ModemSimulator simulator{modem::sim::SimulatorOptions{dir / "modem"}};
    testing::HubFixture hub;
    std::unique_ptr<SmsGateway> gateway;
    std::string territory, building;
    std::size_t received = 0;
};

TEST_F(HubSmsTest, AnAlertReachesTheConsentedPhoneAndStopWithdrawsTheConsent) {
    EXPECT_EQ(postNotice("emergency", "Пожар во дворе"), 1);
    const auto alert = nextAtPhone();
    EXPECT_EQ(alert.to, kPhone);
    EXPECT_EQ(alert.text, "Экстренное: Пожар во дворе. Текст");

    simulator.deliver(kPhone, "Стоп, больше не надо");
    EXPECT_NE(nextAtPhone().text.find("Вы отписались"), std::string::npos);
    auto auditor = hub.client(Role::Auditor);
    const auto record = object(auditor.get(std::string("/api/v1/phones/") + kPhone).body);
    EXPECT_FALSE(record->getArray("consents")->getObject(0)->isNull("withdrawn_at"));
    EXPECT_EQ(postNotice("board", "Субботник"), 0);  // no consent, no SMS

    simulator.deliver(kPhone, "START");
    EXPECT_NE(nextAtPhone().text.find("Вы подписались"), std::string::npos);
    EXPECT_EQ(postNotice("board", "Субботник"), 1);
    EXPECT_EQ(nextAtPhone().text, "Доска объявлений: Субботник. Текст");

    const auto list = auditor.get("/api/v1/sms?status=failed");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body, "[]");
    EXPECT_EQ(auditor.get("/api/v1/sms?status=lost").status, 400);
}

TEST_F(HubSmsTest, ADigitAnswersTheOpenPollAndAnythingElseGetsHelpOnceAnHour) {
    Poll draft;
    draft.territoryId = territory;
    draft.question = "Ремонт двора?";
    draft.options = {"За", "Против"};
    draft.opensAt = hub.clock.now() - 1000;
    draft.closesAt = hub.clock.now() + kDay;
    const Poll poll = hub.hub->polls().createPoll(draft);

    simulator.deliver(kPhone, "2");
    EXPECT_EQ(nextAtPhone().text, "Ответ принят: Против.");
    EXPECT_EQ(hub.hub->polls().results(poll.id), (std::vector<long>{0, 1}));

    simulator.deliver(kPhone, "привет");
    EXPECT_NE(nextAtPhone().text.find("СТОП"), std::string::npos);  // the help
    simulator.deliver(kPhone, "как дела");
    simulator.deliver(kPhone, "9");  // no such answer: told so
    EXPECT_NE(nextAtPhone().text.find("Нет такого"), std::string::npos);
    int helps = 0;
    for (const SmsRecord& m : hub.stack->smsStore.list("", 100)) {
        helps += m.kind == "help" ? 1 : 0;
    }
    EXPECT_EQ(helps, 1);
}

TEST_F(HubSmsTest, GAndADigitPerItemVotesConsultativelyInTheOpenAssembly) {
    Assembly a;
    a.territoryId = territory;
    a.buildingId = building;
    a.agenda = {core::RuleSet::OssMkd,
                {{"1", "Председатель", core::Threshold::ParticipantsMajority},
                 {"2", "Ремонт крыши", core::Threshold::ParticipantsMajority}}};
    a.title = "ОСС д. 1";
    a.initiator = "Совет дома";
    a.ballotAddress = "кв. 1";
    a.materials = "кв. 1";
    a.opensAt = hub.clock.now() - kDay;
    a.closesAt = hub.clock.now() + kDay;
    const std::string id = hub.hub->createAssembly(a, hub.clock.now() - 20 * kDay).id;

    simulator.deliver(kPhone, "г 1 2 3");  // three answers for two items
    EXPECT_NE(nextAtPhone().text.find("по цифре на каждый из 2"), std::string::npos);
    simulator.deliver(kPhone, "Г12");
    const std::string receipt = nextAtPhone().text;
    EXPECT_NE(receipt.find("совещательный"), std::string::npos) << receipt;
    const auto results = hub.hub->results(id);
    EXPECT_EQ(results.consultative.result.items[0].forVotes, core::Fraction(60));
    EXPECT_EQ(results.consultative.result.items[1].against, core::Fraction(60));
    EXPECT_EQ(results.binding.result.items[0].forVotes, core::Fraction(0));
}

}  // namespace
}  // namespace veche::hub
