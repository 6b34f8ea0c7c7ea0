// The kiosk's own modem sends its registration codes from the kiosk's queue:
// the real libGammu `at` driver in a worker process, against the simulator;
// with the modem gone, the hub's modems take over.
#include <gtest/gtest.h>

#include <regex>

#include "../hub/hub_fixture.h"
#include "kiosk_test_support.h"
#include "sample_hub.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/modem/sim/modem_simulator.h"

namespace veche::kiosk {
namespace {

using testing::eventually;

using namespace std::chrono_literals;
constexpr const char* kPhone = "+79001112233";

class KioskModemTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string code =
            testing::enrolmentCode(hub, testing::seedSampleBuilding(hub).building);

        KioskStackOptions o;
        o.stateDir = dir.file("state");
        o.hub = {"127.0.0.1", hub.server->port()};
        modem::WorkerModemOptions m;
        m.modem.id = "kiosk-modem";
        m.modem.device = dir.file("modem");
        m.modem.reconnectFirst = 100ms;
        m.modem.reconnectMax = 500ms;
        m.worker = VECHE_MODEM_WORKER;
        o.modem = m;
        o.pool.partsPerMinute = 600;
        {
            std::filesystem::create_directories(o.stateDir);
            KioskStore store(o.stateDir + "/kiosk.sqlite");
            enrol(store, o.hub, code, "Подъезд 1");
        }
        Environment env = systemEnvironment();
        env.now = [this] { return hub.clock.now(); };  // the hub's idea of now
        stack = std::make_unique<KioskStack>(o, env);
        stack->start();
    }

    hub::testing::HubFixture hub;
    testing::TempDir dir;
    modem::sim::ModemSimulator simulator{modem::sim::SimulatorOptions{dir.path() / "modem"}};
    std::unique_ptr<KioskStack> stack;
};

TEST_F(KioskModemTest, SendsTheCodeThroughItsOwnModemAndAcceptsIt) {
    ASSERT_TRUE(eventually([&] { return stack->modemUp(); }, 30s));
    KioskBackend& backend = stack->backend();
    ASSERT_EQ(backend.requestCode("8 900 111-22-33").outcome, CodeRequest::Outcome::Sent);
    ASSERT_TRUE(simulator.waitForSent(1, 30s));
    const auto sms = simulator.sent().at(0);
    EXPECT_EQ(sms.to, kPhone);
    std::smatch code;
    ASSERT_TRUE(std::regex_search(sms.text, code, std::regex("[0-9]{6}"))) << sms.text;
    EXPECT_NE(sms.text.find("Никому не сообщайте"), std::string::npos);  // Cyrillic intact
    EXPECT_EQ(backend.checkCode(kPhone, code.str()).outcome, CodeCheck::Outcome::Verified);
    EXPECT_TRUE(hub.stack->smsStore.list("", 10).empty());  // the hub sent nothing
}

TEST_F(KioskModemTest, StaffsTestSmsGoesOutThroughTheKiosksModem) {
    ASSERT_TRUE(eventually([&] { return stack->modemUp(); }, 30s));
    KioskBackend& backend = stack->backend();
    const TestSms sms = backend.sendTestSms("+7 900 111-22-33");
    ASSERT_EQ(sms.outcome, TestSms::Outcome::Queued) << sms.message;
    ASSERT_TRUE(simulator.waitForSent(1, 30s));
    EXPECT_EQ(simulator.sent().at(0).to, kPhone);
    EXPECT_EQ(simulator.sent().at(0).text,
              TestSmsSender::textFor(*stack->store().meta("kiosk_id")));
    ASSERT_TRUE(eventually(
        [&] { return backend.testSmsState(sms.id).text.starts_with("Отправлено"); }, 30s))
        << backend.testSmsState(sms.id).text;
    EXPECT_TRUE(hub.stack->smsStore.list("", 10).empty());  // never through the hub

    simulator.unplug();
    ASSERT_TRUE(eventually([&] { return !stack->modemUp(); }, 30s));
    EXPECT_EQ(backend.sendTestSms(kPhone).outcome, TestSms::Outcome::NoModem);
}

TEST_F(KioskModemTest, TheHubsModemsSendTheCodeWhileTheKiosksModemIsGone) {
    ASSERT_TRUE(eventually([&] { return stack->modemUp(); }, 30s));
    simulator.unplug();
    ASSERT_TRUE(eventually([&] { return !stack->modemUp(); }, 30s));
    EXPECT_EQ(stack->backend().requestCode(kPhone).outcome, CodeRequest::Outcome::SentByHub);
    const auto queued = hub.stack->smsStore.list("", 10);
    ASSERT_EQ(queued.size(), 1u);
    EXPECT_EQ(queued[0].phone, kPhone);
    EXPECT_EQ(queued[0].kind, "code");
    EXPECT_TRUE(simulator.sent().empty());
}

}  // namespace
}  // namespace veche::kiosk
