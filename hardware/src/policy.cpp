#include "veche/hardware/policy.h"

#include <algorithm>
#include <cmath>

namespace veche::hardware {
namespace {

std::string percent(double value) {
    return std::to_string(static_cast<int>(std::lround(value))) + "%";
}

}  // namespace

CabinetPolicy::CabinetPolicy(const CabinetConfig& cabinet, std::set<AlarmKey> openAlarms,
                             Millis now)
    : config_(cabinet.policy), lastActivity_(now) {
    for (const auto& bus : cabinet.buses) {
        for (const auto& device : bus.devices) {
            status_.devices.push_back({device.name, true, 0, {}});
            for (const auto& [signal, map] : device.profile.signalMaps) {
                suppliers_[signal] = device.name;
            }
        }
    }
    status_.openAlarms = std::move(openAlarms);
}

bool CabinetPolicy::known(Signal s) const {
    auto supplier = suppliers_.find(s);
    if (supplier == suppliers_.end() || !status_.values.contains(s)) {
        return false;
    }
    return std::any_of(status_.devices.begin(), status_.devices.end(),
                       [&](const auto& d) { return d.name == supplier->second && d.online; });
}

bool CabinetPolicy::isOn(Signal s) const {
    auto it = status_.values.find(s);
    return it != status_.values.end() && it->second != 0.0;
}

bool CabinetPolicy::isOff(Signal s) const {
    auto it = status_.values.find(s);
    return it != status_.values.end() && it->second == 0.0;
}

CabinetDecision CabinetPolicy::update(const BusSnapshot& snapshot, Millis now) {
    CabinetDecision decision;
    const bool wasPresent = isOn(Signal::Presence);
    const bool wasLocked = status_.locked;
    const bool wasDegraded = status_.degraded;
    for (const auto& [signal, value] : snapshot.values) {
        status_.values[signal] = value;
    }
    for (const auto& device : snapshot.devices) {
        for (auto& d : status_.devices) {
            if (d.name == device.name) {
                d = device;
            }
        }
    }
    if (isOn(Signal::Presence) && snapshot.values.contains(Signal::Presence)) {
        lastActivity_ = now;
        decision.wake = !wasPresent;
    }
    status_.locked = isOn(Signal::Tamper) || isOn(Signal::Door);
    status_.degraded = std::any_of(status_.devices.begin(), status_.devices.end(),
                                   [](const auto& d) { return !d.online; });
    decideRelays(decision, now);
    decideAlarms(decision, snapshot.devices);
    decision.statusChanged =
        decision.statusChanged || wasLocked != status_.locked || wasDegraded != status_.degraded;
    return decision;
}

void CabinetPolicy::noteActivity(Millis at) {
    lastActivity_ = std::max(lastActivity_, at);
}

void CabinetPolicy::revertAlarm(const AlarmChange& change) {
    if (change.raised) {
        status_.openAlarms.erase(change.key);
    } else {
        status_.openAlarms.insert(change.key);
    }
}

void CabinetPolicy::decideRelays(CabinetDecision& decision, Millis now) {
    const bool backlight =
        !known(Signal::Presence) || now - lastActivity_ < config_.dimAfter.count();
    decision.statusChanged = backlight != status_.backlight;
    status_.backlight = backlight;
    relays_[Signal::BacklightRelay] = backlight;
    if (known(Signal::Temperature)) {
        const double t = status_.values[Signal::Temperature];
        if (t <= config_.heaterOnBelow) {
            relays_[Signal::HeaterRelay] = true;
        } else if (t >= config_.heaterOffAbove) {
            relays_[Signal::HeaterRelay] = false;
        }
        if (t >= config_.fanOnAbove) {
            relays_[Signal::FanRelay] = true;
        } else if (t <= config_.fanOffBelow) {
            relays_[Signal::FanRelay] = false;
        }
    }
    for (const auto& [relay, on] : relays_) {
        if (suppliers_.contains(relay)) {
            decision.relays[relay] = on;
        }
    }
}

void CabinetPolicy::decideAlarms(CabinetDecision& decision,
                                 const std::vector<DeviceStatus>& polled) {
    if (isOn(Signal::Tamper) || isOff(Signal::Tamper)) {
        setAlarm(decision, {"tamper", ""}, isOn(Signal::Tamper), "tamper switch tripped");
    }
    if (isOn(Signal::Door) || isOff(Signal::Door)) {
        setAlarm(decision, {"door_open", ""}, isOn(Signal::Door), "service door open");
    }
    const bool onBattery = isOff(Signal::Mains);
    const bool levelKnown = status_.values.contains(Signal::BatteryLevel);
    const double level = levelKnown ? status_.values[Signal::BatteryLevel] : 0.0;
    if (onBattery || isOn(Signal::Mains)) {
        setAlarm(decision, {"mains_lost", ""}, onBattery,
                 levelKnown ? "on battery at " + percent(level) : "on battery");
    }
    const bool low = onBattery && levelKnown && level <= config_.shutdownBatteryPercent;
    if (low || isOn(Signal::Mains)) {
        setAlarm(decision, {"battery_low", ""}, low,
                 "battery at " + percent(level) + ", shutting down");
    }
    if (low && !shutdownAsked_) {
        shutdownAsked_ = true;
        decision.shutdown = true;
    }
    for (const auto& device : polled) {
        if (device.online && device.failures > 0) {
            continue;  // missed a poll or two: not offline yet, not back either
        }
        setAlarm(decision, {"device_offline", device.name}, !device.online,
                 device.name + " does not answer: " + device.lastError);
    }
    for (const auto& key : std::set<AlarmKey>(status_.openAlarms)) {
        if (!stillWatched(key)) {
            setAlarm(decision, key, false, "");
        }
    }
}

bool CabinetPolicy::stillWatched(const AlarmKey& key) const {
    static const std::map<std::string, Signal> kCause = {{"tamper", Signal::Tamper},
                                                         {"door_open", Signal::Door},
                                                         {"mains_lost", Signal::Mains},
                                                         {"battery_low", Signal::Mains}};
    if (key.alarm == "device_offline") {
        return std::any_of(status_.devices.begin(), status_.devices.end(),
                           [&](const auto& d) { return d.name == key.subject; });
    }
    auto cause = kCause.find(key.alarm);
    return cause == kCause.end() || suppliers_.contains(cause->second);
}

void CabinetPolicy::setAlarm(CabinetDecision& decision, AlarmKey key, bool raised,
                             const std::string& detail) {
    if (status_.openAlarms.contains(key) == raised) {
        return;
    }
    if (raised) {
        status_.openAlarms.insert(key);
    } else {
        status_.openAlarms.erase(key);
    }
    decision.alarms.push_back({std::move(key), raised, raised ? detail : std::string()});
}

}  // namespace veche::hardware
