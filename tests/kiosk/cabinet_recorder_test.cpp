// The cabinet's alarms and telemetry as the kiosk keeps them for the hub.
#include "veche/kiosk/cabinet_recorder.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "kiosk_test_support.h"

namespace veche::kiosk {
namespace {

using hardware::AlarmChange;
using hardware::Signal;

Poco::JSON::Object::Ptr parsed(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

class CabinetRecorderTest : public ::testing::Test {
protected:
    KioskCabinetRecorder recorder(std::optional<modem::ModemInfo> modem = std::nullopt) {
        return KioskCabinetRecorder(
            store, "k-1", env.environment(), [modem] { return modem; }, [this] { ++pokes; });
    }

    testing::TempDir dir;
    KioskStore store{dir.file("kiosk.sqlite")};
    testing::TestEnvironment env;
    int pokes = 0;
};

TEST_F(CabinetRecorderTest, AnAlarmIsAnEventForTheHubAndAsksForASync) {
    auto r = recorder();
    r.recordAlarm({{"device_offline", "climate"}, true, "climate does not answer"}, 1234);
    const auto events = store.pendingEvents(10);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].type, "alarm");
    EXPECT_EQ(events[0].at, 1234);
    EXPECT_EQ(events[0].id.rfind("k-1-", 0), 0u);
    EXPECT_EQ(events[0].data, R"({"alarm":"device_offline","detail":"climate does not answer",)"
                              R"("state":"raised","subject":"climate"})");
    EXPECT_EQ(pokes, 1);
}

TEST_F(CabinetRecorderTest, OpenAlarmsOutliveARestartUntilCleared) {
    recorder().recordAlarm({{"tamper", ""}, true, "tamper switch tripped"}, 1);
    recorder().recordAlarm({{"device_offline", "ups"}, true, "ups does not answer"}, 2);
    EXPECT_EQ(recorder().openAlarms(),
              (std::set<hardware::AlarmKey>{{"tamper", ""}, {"device_offline", "ups"}}));
    recorder().recordAlarm({{"tamper", ""}, false, ""}, 3);
    EXPECT_EQ(recorder().openAlarms(), (std::set<hardware::AlarmKey>{{"device_offline", "ups"}}));
    EXPECT_EQ(parsed(store.pendingEvents(10).back().data)->getValue<std::string>("state"),
              "cleared");
}

TEST_F(CabinetRecorderTest, TelemetryCarriesSensorsRelaysDevicesModemAndTheOutbox) {
    hardware::CabinetStatus status;
    status.values = {{Signal::Temperature, -7.349}, {Signal::Mains, 0},
                     {Signal::BatteryLevel, 63.6},  {Signal::HeaterRelay, 1},
                     {Signal::Presence, 0},         {Signal::Door, 1}};
    status.devices = {{"inputs", true, 0, {}}, {"ups", false, 3, "timed out"}};
    status.degraded = true;
    modem::ModemInfo modem;
    modem.signalPercent = 71;
    modem.sim = "ready";
    modem.operatorName = "MegaFon";
    store.appendEvent({"k-1-x", "ballot", 1, "{}", ""});
    recorder(modem).recordTelemetry(status, 99);
    const auto event = store.pendingEvents(10).back();
    EXPECT_EQ(event.type, "telemetry");
    auto data = parsed(event.data);
    EXPECT_DOUBLE_EQ(data->getValue<double>("temperature_c"), -7.3);
    EXPECT_FALSE(data->getValue<bool>("mains"));
    EXPECT_EQ(data->getValue<int>("battery_percent"), 64);
    EXPECT_TRUE(data->getObject("relays")->getValue<bool>("heater"));
    EXPECT_FALSE(data->getObject("relays")->has("fan"));
    EXPECT_TRUE(data->getObject("inputs")->getValue<bool>("door"));
    EXPECT_EQ(data->getObject("devices")->getValue<std::string>("ups"), "offline");
    EXPECT_TRUE(data->getValue<bool>("degraded"));
    EXPECT_EQ(data->getObject("modem")->getValue<int>("signal_percent"), 71);
    EXPECT_EQ(data->getObject("outbox")->getValue<int>("pending"), 1);
}

TEST_F(CabinetRecorderTest, AtMostADayOfTelemetryWaitsForTheHub) {
    auto r = recorder();
    for (int i = 0; i < KioskCabinetRecorder::kPendingTelemetryKept + 10; ++i) {
        r.recordTelemetry({}, i);
    }
    const auto pending = store.pendingEvents(1000);
    EXPECT_EQ(pending.size(),
              static_cast<std::size_t>(KioskCabinetRecorder::kPendingTelemetryKept));
    EXPECT_EQ(pending.front().at, 10);
}

}  // namespace
}  // namespace veche::kiosk
