#pragma once

#include <functional>
#include <optional>
#include <string>

#include "veche/hardware/cabinet_monitor.h"
#include "veche/kiosk/environment.h"
#include "veche/kiosk/store.h"
#include "veche/modem/modem.h"

namespace veche::kiosk {

// Keeps the cabinet's alarms and telemetry as events for the hub
// (docs/kiosk-sync.md: `alarm`, `telemetry`). Alarms leave before every
// other event; the open ones are also kept in the store's meta, so that a
// restarted kiosk clears those whose cause went away; an alarm and the open
// list change in one transaction. At most a day of telemetry waits for the
// hub. One caller at a time (the monitor records under its lock).
class KioskCabinetRecorder : public hardware::CabinetRecorder {
public:
    static constexpr int kPendingTelemetryKept = 288;  // a day at one every 5 minutes

    // `modemInfo`: the kiosk's modem's health, nullopt without a modem.
    // `poke`: asks the sync client to send soon.
    KioskCabinetRecorder(KioskStore& store, std::string kioskId, Environment env,
                         std::function<std::optional<modem::ModemInfo>()> modemInfo,
                         std::function<void()> poke);

    std::set<hardware::AlarmKey> openAlarms() override;
    void recordAlarm(const hardware::AlarmChange& change, hardware::Millis at) override;
    void recordTelemetry(const hardware::CabinetStatus& status, hardware::Millis at) override;

private:
    // The open alarms as JSON once `change` is made.
    std::string openAlarmsAfter(const hardware::AlarmChange& change);

    KioskStore& store_;
    std::string kioskId_;
    Environment env_;
    std::function<std::optional<modem::ModemInfo>()> modemInfo_;
    std::function<void()> poke_;
};

// The telemetry event's data for `status` (docs/kiosk-sync.md).
std::string telemetryJson(const hardware::CabinetStatus& status,
                          const std::optional<modem::ModemInfo>& modem, long pendingEvents);

}  // namespace veche::kiosk
