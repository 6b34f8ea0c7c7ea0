#include "veche/hardware/policy.h"

#include <gtest/gtest.h>

#include "hardware_test_support.h"

namespace veche::hardware {
namespace {

constexpr Millis kMinute = 60'000;

// A poll in which every device of the lobby cabinet answered, with `values`
// on top of a quiet cabinet (nobody there, closed, mains, 20 °C, full battery).
BusSnapshot quiet(std::map<Signal, double> values = {}) {
    std::map<Signal, double> all = {
        {Signal::Presence, 0},       {Signal::Tamper, 0},      {Signal::Door, 0},
        {Signal::Temperature, 20},   {Signal::Mains, 1},       {Signal::BatteryLevel, 100},
        {Signal::BacklightRelay, 1}, {Signal::HeaterRelay, 0}, {Signal::FanRelay, 0}};
    for (const auto& [s, v] : values) {
        all[s] = v;
    }
    BusSnapshot snapshot{all, {}};
    for (const auto* name : {"inputs", "relays", "climate", "ups"}) {
        snapshot.devices.push_back({name, true, 0, {}});
    }
    return snapshot;
}

// `snapshot` with `device` failing for the `failures`th time (offline at 3):
// none of its signals were read.
BusSnapshot failing(BusSnapshot snapshot, const std::string& device, int failures) {
    for (auto& d : snapshot.devices) {
        if (d.name == device) {
            d = {device, failures < 3, failures, "Connection timed out"};
        }
    }
    const auto cabinet = testing::lobbyCabinet("");
    for (const auto& d : cabinet.buses[0].devices) {
        if (d.name == device) {
            for (const auto& [signal, map] : d.profile.signalMaps) {
                snapshot.values.erase(signal);
            }
        }
    }
    return snapshot;
}

class PolicyTest : public ::testing::Test {
protected:
    CabinetConfig cabinet = testing::lobbyCabinet("/dev/null");
    CabinetPolicy policy{cabinet, {}, 0};

    std::vector<std::pair<std::string, bool>> alarmsOf(const CabinetDecision& d) {
        std::vector<std::pair<std::string, bool>> out;
        for (const auto& a : d.alarms) {
            out.emplace_back(a.key.alarm + (a.key.subject.empty() ? "" : "/" + a.key.subject),
                             a.raised);
        }
        return out;
    }
};

TEST_F(PolicyTest, PresenceWakesTheScreenOnceWhenSomeoneArrives) {
    EXPECT_FALSE(policy.update(quiet(), 1000).wake);
    EXPECT_TRUE(policy.update(quiet({{Signal::Presence, 1}}), 2000).wake);
    EXPECT_FALSE(policy.update(quiet({{Signal::Presence, 1}}), 3000).wake);
    EXPECT_FALSE(policy.update(quiet(), 4000).wake);
    EXPECT_TRUE(policy.update(quiet({{Signal::Presence, 1}}), 5000).wake);
}

TEST_F(PolicyTest, LongInactivityDimsTheBacklightAndPresenceOrATouchRestoresIt) {
    auto d = policy.update(quiet(), 9 * kMinute);
    EXPECT_TRUE(d.relays.at(Signal::BacklightRelay));
    d = policy.update(quiet(), 10 * kMinute);
    EXPECT_FALSE(d.relays.at(Signal::BacklightRelay));
    EXPECT_TRUE(d.statusChanged);
    EXPECT_FALSE(policy.status().backlight);
    policy.noteActivity(11 * kMinute);
    d = policy.update(quiet(), 11 * kMinute);
    EXPECT_TRUE(d.relays.at(Signal::BacklightRelay));
    EXPECT_TRUE(d.statusChanged);
    EXPECT_FALSE(policy.update(quiet(), 21 * kMinute - 1).statusChanged);
    EXPECT_FALSE(policy.update(quiet(), 21 * kMinute).relays.at(Signal::BacklightRelay));
    EXPECT_TRUE(policy.update(quiet({{Signal::Presence, 1}}), 22 * kMinute)
                    .relays.at(Signal::BacklightRelay));
}

TEST_F(PolicyTest, WithoutAWorkingPresenceSensorTheBacklightStaysOn) {
    policy.update(quiet(), 0);
    for (int failure = 1; failure <= 3; ++failure) {
        policy.update(failing(quiet(), "inputs", failure), 20 * kMinute);
    }
    EXPECT_TRUE(policy.update(failing(quiet(), "inputs", 4), 30 * kMinute)
                    .relays.at(Signal::BacklightRelay));
}

TEST_F(PolicyTest, TamperOrDoorLocksAndRaisesAnAlarmClosingClearsBoth) {
    auto d = policy.update(quiet({{Signal::Tamper, 1}}), 1000);
    EXPECT_TRUE(policy.status().locked);
    EXPECT_TRUE(d.statusChanged);
    EXPECT_EQ(alarmsOf(d), (std::vector<std::pair<std::string, bool>>{{"tamper", true}}));
    EXPECT_TRUE(policy.update(quiet({{Signal::Tamper, 1}}), 2000).alarms.empty());
    d = policy.update(quiet({{Signal::Door, 1}}), 3000);
    EXPECT_TRUE(policy.status().locked);
    EXPECT_EQ(alarmsOf(d),
              (std::vector<std::pair<std::string, bool>>{{"tamper", false}, {"door_open", true}}));
    d = policy.update(quiet(), 4000);
    EXPECT_FALSE(policy.status().locked);
    EXPECT_EQ(alarmsOf(d), (std::vector<std::pair<std::string, bool>>{{"door_open", false}}));
    EXPECT_TRUE(policy.status().openAlarms.empty());
}

TEST_F(PolicyTest, HeaterAndFanFollowTheTemperatureWithHysteresis) {
    auto at = [&](double t) {
        auto d = policy.update(quiet({{Signal::Temperature, t}}), 0);
        return std::make_pair(d.relays.at(Signal::HeaterRelay), d.relays.at(Signal::FanRelay));
    };
    using P = std::pair<bool, bool>;
    EXPECT_EQ(at(20), P(false, false));
    EXPECT_EQ(at(5.5), P(false, false));
    EXPECT_EQ(at(5), P(true, false));    // at the threshold: on
    EXPECT_EQ(at(9.9), P(true, false));  // inside the band: keeps running
    EXPECT_EQ(at(10), P(false, false));
    EXPECT_EQ(at(7), P(false, false));  // inside the band: stays off
    EXPECT_EQ(at(35), P(false, true));
    EXPECT_EQ(at(31), P(false, true));
    EXPECT_EQ(at(30), P(false, false));
    EXPECT_EQ(at(-25.5), P(true, false));
}

TEST_F(PolicyTest, AnUnknownTemperatureKeepsHeaterAndFanAsTheyWere) {
    policy.update(quiet({{Signal::Temperature, 2}}), 0);
    for (int failure = 1; failure <= 3; ++failure) {
        auto d = policy.update(failing(quiet({{Signal::Temperature, 40}}), "climate", failure), 0);
        EXPECT_TRUE(d.relays.at(Signal::HeaterRelay));
        EXPECT_FALSE(d.relays.at(Signal::FanRelay));
    }
}

TEST_F(PolicyTest, MainsLossIsReportedAndALowBatteryShutsDownOnce) {
    auto d = policy.update(quiet({{Signal::Mains, 0}, {Signal::BatteryLevel, 80}}), 1000);
    EXPECT_EQ(alarmsOf(d), (std::vector<std::pair<std::string, bool>>{{"mains_lost", true}}));
    EXPECT_EQ(d.alarms[0].detail, "on battery at 80%");
    EXPECT_FALSE(d.shutdown);
    d = policy.update(quiet({{Signal::Mains, 0}, {Signal::BatteryLevel, 21}}), 2000);
    EXPECT_FALSE(d.shutdown);
    d = policy.update(quiet({{Signal::Mains, 0}, {Signal::BatteryLevel, 20}}), 3000);
    EXPECT_TRUE(d.shutdown);
    EXPECT_EQ(alarmsOf(d), (std::vector<std::pair<std::string, bool>>{{"battery_low", true}}));
    EXPECT_FALSE(
        policy.update(quiet({{Signal::Mains, 0}, {Signal::BatteryLevel, 19}}), 4000).shutdown);
    d = policy.update(quiet(), 5000);
    EXPECT_EQ(alarmsOf(d), (std::vector<std::pair<std::string, bool>>{{"mains_lost", false},
                                                                      {"battery_low", false}}));
}

TEST_F(PolicyTest, ADeviceThatStopsAnsweringDegradesTheKioskUntilItRecovers) {
    policy.update(quiet(), 0);
    EXPECT_TRUE(policy.update(failing(quiet(), "climate", 1), 100).alarms.empty());
    EXPECT_FALSE(policy.status().degraded);
    policy.update(failing(quiet(), "climate", 2), 200);
    auto d = policy.update(failing(quiet(), "climate", 3), 300);
    EXPECT_TRUE(policy.status().degraded);
    EXPECT_TRUE(d.statusChanged);
    ASSERT_EQ(alarmsOf(d),
              (std::vector<std::pair<std::string, bool>>{{"device_offline/climate", true}}));
    EXPECT_EQ(d.alarms[0].detail, "climate does not answer: Connection timed out");
    d = policy.update(quiet(), 400);
    EXPECT_FALSE(policy.status().degraded);
    EXPECT_EQ(alarmsOf(d),
              (std::vector<std::pair<std::string, bool>>{{"device_offline/climate", false}}));
}

TEST_F(PolicyTest, AlarmsLeftOpenBeforeARestartAreClearedWhenTheirCauseIsGone) {
    CabinetPolicy restarted(
        cabinet, {{"tamper", ""}, {"device_offline", "ups"}, {"device_offline", "old"}}, 0);
    auto d = restarted.update(quiet(), 1000);
    EXPECT_EQ(
        alarmsOf(d),
        (std::vector<std::pair<std::string, bool>>{
            {"tamper", false}, {"device_offline/ups", false}, {"device_offline/old", false}}));
    EXPECT_TRUE(restarted.status().openAlarms.empty());
}

TEST_F(PolicyTest, RestoredAlarmsOfWhatTheCabinetNoLongerHasAreCleared) {
    cabinet.buses[0].devices.pop_back();  // the UPS was taken out
    CabinetPolicy restarted(cabinet, {{"mains_lost", ""}, {"battery_low", ""}, {"door_open", ""}},
                            0);
    auto withoutUps = quiet({{Signal::Door, 1}});
    withoutUps.values.erase(Signal::Mains);
    withoutUps.values.erase(Signal::BatteryLevel);
    withoutUps.devices.pop_back();
    auto d = restarted.update(withoutUps, 1000);
    EXPECT_EQ(alarmsOf(d), (std::vector<std::pair<std::string, bool>>{{"battery_low", false},
                                                                      {"mains_lost", false}}));
    EXPECT_EQ(restarted.status().openAlarms, (std::set<AlarmKey>{{"door_open", ""}}));
}

TEST_F(PolicyTest, AnAlarmNobodyCouldRecordIsDecidedAgain) {
    auto d = policy.update(quiet({{Signal::Tamper, 1}}), 1000);
    ASSERT_EQ(d.alarms.size(), 1u);
    policy.revertAlarm(d.alarms[0]);
    EXPECT_EQ(alarmsOf(policy.update(quiet({{Signal::Tamper, 1}}), 2000)),
              (std::vector<std::pair<std::string, bool>>{{"tamper", true}}));
}

TEST_F(PolicyTest, AStillOpenConditionIsNotRaisedTwiceAfterARestart) {
    CabinetPolicy restarted(cabinet, {{"door_open", ""}}, 0);
    EXPECT_TRUE(restarted.update(quiet({{Signal::Door, 1}}), 1000).alarms.empty());
    EXPECT_TRUE(restarted.status().locked);
}

}  // namespace
}  // namespace veche::hardware
