// The cabinet end to end: the simulated Modbus modules on an RTU
// pseudo-terminal, the kiosk's monitor (real libmodbus), its screens
// offscreen, and a real hub that learns of the alarms through sync.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <QGuiApplication>
#include <QTest>
#include <QTimer>

#include "../../hub/hub_fixture.h"
#include "../kiosk_test_support.h"
#include "../sample_hub.h"
#include "ui_driver.h"
#include "veche/hardware/sim/modbus_simulator.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/kiosk/ui/kiosk_ui.h"

namespace veche::kiosk {
namespace {

using namespace std::chrono_literals;
using hardware::Signal;
using hardware::sim::Fault;
using ui::UiDriver;

constexpr int kWaitMs = 10'000;

// The shipped ОВЕН lobby cabinet on `device`, polled fast.
hardware::CabinetConfig lobbyCabinet(const std::string& device) {
    auto cabinet = hardware::loadCabinet(std::string(VECHE_CABINET_DIR) + "/owen-lobby.json",
                                         VECHE_PROFILE_DIR);
    auto& bus = cabinet.buses.at(0);
    std::get<hardware::RtuLine>(bus.link).device = device;
    bus.responseTimeout = 100ms;
    bus.pollInterval = 20ms;
    bus.offlineRetry = 200ms;
    return cabinet;
}

class CabinetEndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        hub.clock.set(systemEnvironment().now());  // the kiosk signs with the real clock
        building = testing::seedSampleBuilding(hub).building;
        std::filesystem::create_directories(dir.file("kiosk"));
        KioskStore store(dir.file("kiosk") + "/kiosk.sqlite");
        kioskId = enrol(store, {"127.0.0.1", hub.server->port()},
                        testing::enrolmentCode(hub, building), "Подъезд 1")
                      .kioskId;
        simulator.set(Signal::Temperature, 18);
        simulator.set(Signal::Mains, 1);
        simulator.set(Signal::BatteryLevel, 100);
        simulator.serveRtu(dir.path() / "ttyModbus");
    }

    KioskStackOptions options() {
        KioskStackOptions o;
        o.stateDir = dir.file("kiosk");
        o.hub = {"127.0.0.1", hub.server->port()};
        o.cabinet = lobbyCabinet((dir.path() / "ttyModbus").string());
        return o;
    }

    // The kiosk as the hub's operator API lists it.
    Poco::JSON::Object::Ptr kioskAtHub() {
        hub.clock.set(systemEnvironment().now());
        const auto reply = hub.client(hub::Role::Operator).get("/api/v1/kiosks/" + kioskId);
        return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    }

    std::vector<std::string> openAlarmsAtHub() {
        std::vector<std::string> names;
        auto open = kioskAtHub()->getArray("open_alarms");
        for (std::size_t i = 0; i < open->size(); ++i) {
            names.push_back(
                open->getObject(static_cast<unsigned>(i))->getValue<std::string>("alarm"));
        }
        return names;
    }

    // The stack's screens, offscreen and watching its cabinet; null when
    // they did not load.
    static std::unique_ptr<ui::KioskUi> showScreens(KioskStack& stack) {
        ui::UiOptions o;
        o.windowed = true;
        o.speechEngine = "none";
        auto screens = std::make_unique<ui::KioskUi>(stack.backend(), o, stack.cabinet());
        return screens->show() ? std::move(screens) : nullptr;
    }

    // Syncs once the hub's clock caught up with the kiosk's.
    bool sync(KioskStack& stack) {
        hub.clock.set(systemEnvironment().now());
        return stack.sync().syncOnce();
    }

    hub::testing::HubFixture hub;
    testing::TempDir dir;
    std::string building, kioskId;
    hardware::sim::ModbusSimulator simulator{lobbyCabinet("").buses[0].devices};
};

TEST_F(CabinetEndToEnd, PresenceWakesTheScreenAndAnOpenedCabinetLocksItAndTellsTheHub) {
    KioskStack stack(options(), systemEnvironment());
    stack.start();
    const auto screens = showScreens(stack);
    ASSERT_TRUE(screens);
    UiDriver d(*UiDriver::kioskWindow());
    ASSERT_TRUE(d.expect("attractScreen"));

    simulator.set(Signal::Presence, 1);
    ASSERT_TRUE(d.expect("homeScreen"));

    simulator.set(Signal::Door, 1);  // the service door is opened mid-visit
    ASSERT_TRUE(d.expect("lockedOverlay"));
    EXPECT_EQ(d.text("lockedTitle"), "Терминал временно недоступен");
    EXPECT_TRUE(d.expect("attractScreen"));    // the visit was ended underneath
    ASSERT_TRUE(d.tap("startButton"));         // a tap on the start button...
    EXPECT_EQ(d.find("homeScreen"), nullptr);  // ...does not reach it

    // The alarm reaches the hub with the next sync, which it asked for.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return openAlarmsAtHub() == std::vector<std::string>{"door_open"}; }, kWaitMs));
    EXPECT_EQ(kioskAtHub()->getValue<std::string>("status"), "attention");

    simulator.set(Signal::Door, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return d.find("lockedOverlay") == nullptr; }, kWaitMs));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return stack.cabinet()->status().openAlarms.empty(); }, kWaitMs));
    ASSERT_TRUE(sync(stack)) << stack.sync().progress().lastError;
    EXPECT_TRUE(openAlarmsAtHub().empty());
    EXPECT_EQ(kioskAtHub()->getObject("sensors")->getValue<double>("temperature_c"), 18);
}

TEST_F(CabinetEndToEnd, ATouchTurnsTheDimmedBacklightBackOn) {
    auto o = options();
    o.cabinet->policy.dimAfter = 500ms;
    KioskStack stack(o, systemEnvironment());
    stack.start();
    const auto screens = showScreens(stack);
    ASSERT_TRUE(screens);
    UiDriver d(*UiDriver::kioskWindow());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return simulator.get(Signal::BacklightRelay) == 0; }, kWaitMs));
    ASSERT_TRUE(d.tap("startButton"));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return simulator.get(Signal::BacklightRelay) == 1; }, kWaitMs));
}

TEST_F(CabinetEndToEnd, ASilentModuleDegradesTheKioskTheHubSeesItAndItsReturnClearsIt) {
    KioskStack stack(options(), systemEnvironment());
    stack.start();
    simulator.setFault("climate", Fault::Gone);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack.cabinet()->status().degraded; }, kWaitMs));
    ASSERT_TRUE(sync(stack)) << stack.sync().progress().lastError;
    EXPECT_EQ(openAlarmsAtHub(), std::vector<std::string>{"device_offline"});

    simulator.setFault("climate", Fault::None);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !stack.cabinet()->status().degraded; }, kWaitMs));
    ASSERT_TRUE(sync(stack)) << stack.sync().progress().lastError;
    EXPECT_TRUE(openAlarmsAtHub().empty());
}

TEST_F(CabinetEndToEnd, ALowBatteryEndsTheEventLoopWithTheShutdownCodeAndTheHubLearnsWhy) {
    KioskStack stack(options(), systemEnvironment());
    stack.start();
    const auto screens = showScreens(stack);
    ASSERT_TRUE(screens);
    QTimer::singleShot(kWaitMs, [] { QCoreApplication::exit(-1); });  // should it never come
    QTimer::singleShot(0, [this] {
        simulator.set(Signal::BatteryLevel, 12);
        simulator.set(Signal::Mains, 0);
    });
    EXPECT_EQ(QGuiApplication::exec(), ui::KioskUi::kBatteryShutdownExit);
    stack.stop();  // as main() does; then the kiosk is powered off and on again
    KioskStack restarted(options(), systemEnvironment());
    ASSERT_TRUE(sync(restarted)) << restarted.sync().progress().lastError;
    EXPECT_EQ(restarted.store().pendingCount(), 0);
    std::vector<std::string> alarms;  // newest first
    auto history = kioskAtHub()->getArray("alarm_history");
    for (std::size_t i = 0; i < history->size(); ++i) {
        alarms.push_back(
            history->getObject(static_cast<unsigned>(i))->getValue<std::string>("alarm"));
    }
    EXPECT_EQ(alarms, (std::vector<std::string>{"battery_low", "mains_lost"}));
}

}  // namespace
}  // namespace veche::kiosk
