#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "veche/hardware/bus_poller.h"
#include "veche/hardware/cabinet.h"

namespace veche::hardware {

// An alarm is known by its kind and subject (a device name, or "").
struct AlarmKey {
    std::string alarm;  // tamper, door_open, mains_lost, battery_low, device_offline
    std::string subject;
    auto operator<=>(const AlarmKey&) const = default;
};

// An alarm raised or cleared, for the hub.
struct AlarmChange {
    AlarmKey key;
    bool raised = true;
    std::string detail;  // in English, for staff and logs
};

// The cabinet as the kiosk sees it, after the latest poll.
struct CabinetStatus {
    bool locked = false;  // tamper or door: «Терминал временно недоступен»
    bool degraded = false;            // a device does not answer
    bool backlight = true;            // wanted state of the backlight relay
    std::map<Signal, double> values;  // the last known value of each signal
    std::vector<DeviceStatus> devices;
    std::set<AlarmKey> openAlarms;
};

// What the kiosk must do after a poll.
struct CabinetDecision {
    std::map<Signal, bool> relays;  // wanted states of the relays the cabinet has
    bool wake = false;              // someone arrived: leave the attract screen
    bool statusChanged = false;     // locked, degraded or backlight changed
    std::vector<AlarmChange> alarms;
    bool shutdown = false;  // once: the battery is low, finish writes and stop
};

// Decides the cabinet's behaviour from its readings; pure logic, time given.
//  - Presence arriving wakes the screen. With no presence and no touch for
//    `dimAfter`, the backlight relay goes off; either turns it back on. If
//    the presence sensor is not known the backlight stays on.
//  - Tamper or an open door locks the kiosk and raises an alarm; closing it
//    clears both.
//  - The heater and fan follow the temperature with hysteresis; with no
//    temperature known they keep their state.
//  - Mains loss raises mains_lost; on battery at or below the configured
//    level battery_low is raised and shutdown asked for, once.
//  - A device going offline raises device_offline and makes the cabinet
//    degraded; its recovery clears both.
// A signal whose device does not answer keeps its last known value. An alarm
// restored from before a restart whose signal or device is no longer in the
// cabinet is cleared.
class CabinetPolicy {
public:
    // `openAlarms`: those raised and not cleared when the kiosk last ran, so
    // that a condition gone while it was off is cleared at the hub.
    CabinetPolicy(const CabinetConfig& cabinet, std::set<AlarmKey> openAlarms, Millis now);

    // Takes one bus's snapshot (of a cabinet with several buses, each in turn).
    CabinetDecision update(const BusSnapshot& snapshot, Millis now);
    // A resident touched the screen at `at`; the next update() acts on it.
    void noteActivity(Millis at);
    // Undoes an alarm change update() decided but nobody could record: the
    // next update() decides it again.
    void revertAlarm(const AlarmChange& change);

    const CabinetStatus& status() const { return status_; }

private:
    bool known(Signal s) const;  // its device answers and it was read
    bool isOn(Signal s) const;   // its last known state is on
    bool isOff(Signal s) const;  // its last known state is off
    void decideRelays(CabinetDecision& decision, Millis now);
    // `polled`: the devices of the snapshot just taken.
    void decideAlarms(CabinetDecision& decision, const std::vector<DeviceStatus>& polled);
    // Whether the cabinet still has what raises `key`.
    bool stillWatched(const AlarmKey& key) const;
    void setAlarm(CabinetDecision& decision, AlarmKey key, bool raised, const std::string& detail);

    PolicyConfig config_;
    std::map<Signal, std::string> suppliers_;  // the device each signal comes from
    CabinetStatus status_;
    Millis lastActivity_;
    std::map<Signal, bool> relays_;
    bool shutdownAsked_ = false;
};

}  // namespace veche::hardware
