#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "veche/hardware/bus.h"
#include "veche/hardware/cabinet.h"
#include "veche/hardware/policy.h"

namespace veche::hardware {

// Where the monitor keeps what the hub must learn. Each call returns once
// the record is durable.
class CabinetRecorder {
public:
    virtual ~CabinetRecorder() = default;
    // The alarms left open when the kiosk last ran.
    virtual std::set<AlarmKey> openAlarms() = 0;
    virtual void recordAlarm(const AlarmChange& change, Millis at) = 0;
    virtual void recordTelemetry(const CabinetStatus& status, Millis at) = 0;
};

// Told what the screens must do. Called on a bus thread: return promptly and
// do not call back into the monitor.
class CabinetListener {
public:
    virtual ~CabinetListener() = default;
    virtual void onWake() = 0;  // someone is in front of the screen
    virtual void onStatus(
        const CabinetStatus& status) = 0;  // locked, degraded or backlight changed
    virtual void onShutdown(const std::string& reason) = 0;  // finish writes and stop
};

using BusFactory = std::function<std::unique_ptr<Bus>(const BusConfig&)>;
using Clock = std::function<Millis()>;

// Watches and drives the cabinet: one thread per bus owns that bus (nobody
// else touches it) and polls it every `pollInterval`; CabinetPolicy decides,
// alarms and telemetry (every `telemetryEvery`; the first once each bus was
// polled twice, so the relays were set) go to the recorder, screen changes
// to the listener. A bus thread survives a failing recorder: what was not
// recorded is decided again at the next poll. Thread-safe.
class CabinetMonitor {
public:
    // `recorder` and the listener must outlive the monitor.
    CabinetMonitor(CabinetConfig config, BusFactory makeBus, CabinetRecorder& recorder,
                   Clock clock);
    ~CabinetMonitor();  // stop()
    CabinetMonitor(const CabinetMonitor&) = delete;
    CabinetMonitor& operator=(const CabinetMonitor&) = delete;

    // Attaches `listener` (null detaches it) and tells it the current status
    // at once. Once this returns, a listener detached is never called again.
    void setListener(CabinetListener* listener);
    void start();
    void stop();  // idempotent; waits for the bus threads

    // A resident touched the screen: the backlight comes on with the next
    // poll, which starts at once. Never waits for a bus or the recorder (the
    // GUI thread calls it).
    void noteActivity();
    CabinetStatus status() const;

private:
    struct BusThread;
    // What the listener must hear after a poll.
    struct News {
        bool statusChanged = false;
        bool wake = false;
        bool shutdown = false;
        std::string shutdownReason;
    };
    void run(BusThread& bus);
    void handle(const BusSnapshot& snapshot);
    // Records each alarm; when one cannot be, the policy forgets it and the
    // ones after it (they are decided again) and the error is rethrown.
    void record(const std::vector<AlarmChange>& alarms, Millis now);
    void tell(const News& news);
    std::map<Signal, bool> wantedRelays() const;
    void poke();

    CabinetConfig config_;
    BusFactory makeBus_;
    CabinetRecorder& recorder_;
    Clock clock_;

    // Lock order: listenerMutex_ before mutex_. Nothing is told to the
    // listener under mutex_.
    std::mutex listenerMutex_;  // held while the listener is told something
    CabinetListener* listener_ = nullptr;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::atomic<unsigned long> pokes_{0};  // each bus thread compares with the count it last saw
    std::atomic<Millis> touchedAt_{0};     // a touch not yet given to the policy
    std::unique_ptr<CabinetPolicy> policy_;
    std::map<Signal, bool> relays_;
    Millis nextTelemetry_ = 0;
    std::size_t snapshotsHandled_ = 0;
    std::vector<std::unique_ptr<BusThread>> buses_;
};

// A BusFactory making libmodbus masters (ModbusBus).
BusFactory modbusBuses();

}  // namespace veche::hardware
