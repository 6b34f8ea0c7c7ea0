#include "veche/kiosk/cabinet_recorder.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>

#include "json_text.h"

namespace veche::kiosk {
namespace {

using hardware::Signal;
using Poco::JSON::Object;

constexpr const char* kOpenAlarms = "open_alarms";

double rounded(double value, double step) {
    return std::round(value / step) * step;
}

}  // namespace

std::string telemetryJson(const hardware::CabinetStatus& status,
                          const std::optional<modem::ModemInfo>& modem, long pendingEvents) {
    Object data;
    const auto& v = status.values;
    if (v.contains(Signal::Temperature)) {
        data.set("temperature_c", rounded(v.at(Signal::Temperature), 0.1));
    }
    if (v.contains(Signal::Mains)) {
        data.set("mains", v.at(Signal::Mains) != 0.0);
    }
    if (v.contains(Signal::BatteryLevel)) {
        data.set("battery_percent", std::lround(v.at(Signal::BatteryLevel)));
    }
    Object relays, inputs, devices;
    const std::pair<Signal, const char*> relayNames[] = {{Signal::BacklightRelay, "backlight"},
                                                         {Signal::HeaterRelay, "heater"},
                                                         {Signal::FanRelay, "fan"}};
    for (const auto& [signal, name] : relayNames) {
        if (v.contains(signal)) {
            relays.set(name, v.at(signal) != 0.0);
        }
    }
    for (Signal signal : {Signal::Presence, Signal::Tamper, Signal::Door}) {
        if (v.contains(signal)) {
            inputs.set(std::string(hardware::nameOf(signal)), v.at(signal) != 0.0);
        }
    }
    for (const auto& device : status.devices) {
        devices.set(device.name, device.online ? "online" : "offline");
    }
    data.set("relays", relays);
    data.set("inputs", inputs);
    data.set("devices", devices);
    data.set("degraded", status.degraded);
    if (modem) {
        Object m;
        m.set("signal_percent", modem->signalPercent);
        m.set("sim", modem->sim);
        m.set("operator", modem->operatorName);
        data.set("modem", m);
    }
    Object outbox;
    outbox.set("pending", pendingEvents);
    data.set("outbox", outbox);
    return jsonText(data);
}

KioskCabinetRecorder::KioskCabinetRecorder(
    KioskStore& store, std::string kioskId, Environment env,
    std::function<std::optional<modem::ModemInfo>()> modemInfo, std::function<void()> poke)
    : store_(store),
      kioskId_(std::move(kioskId)),
      env_(std::move(env)),
      modemInfo_(std::move(modemInfo)),
      poke_(std::move(poke)) {}

std::set<hardware::AlarmKey> KioskCabinetRecorder::openAlarms() {
    std::set<hardware::AlarmKey> open;
    const auto saved = store_.meta(kOpenAlarms);
    if (!saved) {
        return open;
    }
    auto list = Poco::JSON::Parser().parse(*saved).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto alarm = list->getObject(static_cast<unsigned>(i));
        open.insert(
            {alarm->getValue<std::string>("alarm"), alarm->getValue<std::string>("subject")});
    }
    return open;
}

std::string KioskCabinetRecorder::openAlarmsAfter(const hardware::AlarmChange& change) {
    auto open = openAlarms();
    if (change.raised) {
        open.insert(change.key);
    } else {
        open.erase(change.key);
    }
    Poco::JSON::Array list;
    for (const auto& key : open) {
        Object alarm;
        alarm.set("alarm", key.alarm);
        alarm.set("subject", key.subject);
        list.add(alarm);
    }
    return jsonText(list);
}

void KioskCabinetRecorder::recordAlarm(const hardware::AlarmChange& change, hardware::Millis at) {
    Object data;
    data.set("alarm", change.key.alarm);
    data.set("subject", change.key.subject);
    data.set("state", change.raised ? "raised" : "cleared");
    if (!change.detail.empty()) {
        data.set("detail", change.detail.substr(0, 500));
    }
    store_.appendEventSettingMeta({newEventId(kioskId_, env_), "alarm", at, jsonText(data), ""},
                                  kOpenAlarms, openAlarmsAfter(change));
    poke_();
}

void KioskCabinetRecorder::recordTelemetry(const hardware::CabinetStatus& status,
                                           hardware::Millis at) {
    const auto data = telemetryJson(status, modemInfo_(), store_.pendingCount());
    store_.appendEvent({newEventId(kioskId_, env_), "telemetry", at, data, ""});
    store_.trimPending("telemetry", kPendingTelemetryKept);
}

}  // namespace veche::kiosk
