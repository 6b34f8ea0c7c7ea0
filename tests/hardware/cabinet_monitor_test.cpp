// The monitor's threads driving the simulated lobby cabinet over Modbus TCP:
// each behaviour, seen from the relays, the recorder and the listener.
#include "veche/hardware/cabinet_monitor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <stdexcept>

#include "hardware_test_support.h"
#include "veche/hardware/sim/modbus_simulator.h"

namespace veche::hardware {
namespace {

using namespace std::chrono_literals;
using sim::Fault;
using sim::ModbusSimulator;

constexpr auto kWait = 5s;

Millis wallClock() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Keeps what the monitor records and tells, and lets a test wait for it.
class Observer : public CabinetRecorder, public CabinetListener {
public:
    std::set<AlarmKey> openAlarms() override { return initiallyOpen; }
    void recordAlarm(const AlarmChange& change, Millis) override {
        if (failNextAlarm.exchange(false)) {
            throw std::runtime_error("database is locked");
        }
        note([&] { alarms.push_back(change); });
    }
    void recordTelemetry(const CabinetStatus& status, Millis) override {
        note([&] { telemetry.push_back(status); });
    }
    void onWake() override {
        note([&] { ++wakes; });
    }
    void onStatus(const CabinetStatus& status) override {
        note([&] { last = status; });
    }
    void onShutdown(const std::string& reason) override {
        note([&] { shutdownReason = reason; });
    }

    template <typename Predicate>
    bool waitFor(Predicate done) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, kWait, done);
    }
    bool hasAlarm(const std::string& alarm, bool raised) {
        return std::any_of(alarms.begin(), alarms.end(), [&](const AlarmChange& a) {
            return a.key.alarm == alarm && a.raised == raised;
        });
    }

    std::set<AlarmKey> initiallyOpen;
    std::atomic<bool> failNextAlarm{false};
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<AlarmChange> alarms;
    std::vector<CabinetStatus> telemetry;
    int wakes = 0;
    CabinetStatus last;
    std::string shutdownReason;

private:
    template <typename Change>
    void note(Change change) {
        {
            std::lock_guard lock(mutex);
            change();
        }
        changed.notify_all();
    }
};

class CabinetMonitorTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto base = testing::lobbyCabinet("");
        simulator = std::make_unique<ModbusSimulator>(base.buses[0].devices);
        simulator->set(Signal::Temperature, 20);
        simulator->set(Signal::Mains, 1);
        simulator->set(Signal::BatteryLevel, 100);
        cabinet = testing::lobbyCabinet("", simulator->serveTcp());
        cabinet.policy.dimAfter = 300ms;
    }

    void start() {
        monitor = std::make_unique<CabinetMonitor>(cabinet, modbusBuses(), observer, wallClock);
        monitor->setListener(&observer);
        monitor->start();
    }

    CabinetConfig cabinet;
    std::unique_ptr<ModbusSimulator> simulator;
    Observer observer;
    std::unique_ptr<CabinetMonitor> monitor;  // stops before the simulator goes
};

TEST_F(CabinetMonitorTest, TheFirstTelemetryShowsTheRelaysAlreadySet) {
    simulator->set(Signal::Temperature, 2);
    start();
    ASSERT_TRUE(observer.waitFor([&] { return !observer.telemetry.empty(); }));
    const auto& first = observer.telemetry.front();
    EXPECT_EQ(first.values.at(Signal::Temperature), 2);
    EXPECT_EQ(first.values.at(Signal::HeaterRelay), 1);
    EXPECT_EQ(first.values.at(Signal::BacklightRelay), 1);
    EXPECT_EQ(first.devices.size(), 4u);
}

TEST_F(CabinetMonitorTest, PresenceWakesTheScreen) {
    start();
    simulator->set(Signal::Presence, 1);
    EXPECT_TRUE(observer.waitFor([&] { return observer.wakes == 1; }));
}

TEST_F(CabinetMonitorTest, InactivityDimsTheBacklightAndATouchRestoresIt) {
    start();
    ASSERT_TRUE(simulator->waitFor(Signal::BacklightRelay, 1, kWait));
    ASSERT_TRUE(simulator->waitFor(Signal::BacklightRelay, 0, kWait));
    EXPECT_TRUE(observer.waitFor([&] { return !observer.last.backlight; }));
    monitor->noteActivity();
    EXPECT_TRUE(simulator->waitFor(Signal::BacklightRelay, 1, kWait));
}

TEST_F(CabinetMonitorTest, TamperLocksTheKioskAndRaisesAnAlarmUntilClosed) {
    start();
    simulator->set(Signal::Tamper, 1);
    ASSERT_TRUE(observer.waitFor([&] { return observer.last.locked; }));
    EXPECT_TRUE(observer.hasAlarm("tamper", true));
    simulator->set(Signal::Tamper, 0);
    ASSERT_TRUE(observer.waitFor([&] { return !observer.last.locked; }));
    EXPECT_TRUE(observer.hasAlarm("tamper", false));
}

TEST_F(CabinetMonitorTest, AnAlarmTheStoreRefusedOnceIsRecordedAtTheNextPoll) {
    start();
    ASSERT_TRUE(observer.waitFor([&] { return !observer.telemetry.empty(); }));
    observer.failNextAlarm = true;
    simulator->set(Signal::Tamper, 1);
    ASSERT_TRUE(observer.waitFor([&] { return observer.hasAlarm("tamper", true); }));
    EXPECT_FALSE(observer.failNextAlarm);
    EXPECT_EQ(observer.alarms.size(), 1u);
}

TEST_F(CabinetMonitorTest, TheHeaterAndFanFollowTheTemperature) {
    start();
    simulator->set(Signal::Temperature, 2.5);
    ASSERT_TRUE(simulator->waitFor(Signal::HeaterRelay, 1, kWait));
    simulator->set(Signal::Temperature, 12);
    ASSERT_TRUE(simulator->waitFor(Signal::HeaterRelay, 0, kWait));
    simulator->set(Signal::Temperature, 38);
    ASSERT_TRUE(simulator->waitFor(Signal::FanRelay, 1, kWait));
    simulator->set(Signal::Temperature, 29);
    EXPECT_TRUE(simulator->waitFor(Signal::FanRelay, 0, kWait));
}

TEST_F(CabinetMonitorTest, OnALowBatteryItAsksForAShutdown) {
    start();
    simulator->set(Signal::BatteryLevel, 15);
    simulator->set(Signal::Mains, 0);
    ASSERT_TRUE(observer.waitFor([&] { return !observer.shutdownReason.empty(); }));
    EXPECT_EQ(observer.shutdownReason, "battery at 15% on battery");
    EXPECT_TRUE(observer.hasAlarm("mains_lost", true));
    EXPECT_TRUE(observer.hasAlarm("battery_low", true));
}

TEST_F(CabinetMonitorTest, ADeviceThatDisappearsDegradesTheKioskAndItsReturnClearsIt) {
    start();
    simulator->setFault("ups", Fault::Gone);
    ASSERT_TRUE(observer.waitFor([&] { return observer.last.degraded; }));
    EXPECT_TRUE(observer.hasAlarm("device_offline", true));
    simulator->setFault("ups", Fault::None);
    ASSERT_TRUE(observer.waitFor([&] { return !observer.last.degraded; }));
    EXPECT_TRUE(observer.hasAlarm("device_offline", false));
}

}  // namespace
}  // namespace veche::hardware
