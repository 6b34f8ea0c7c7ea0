#include "veche/hardware/cabinet_monitor.h"

#include "veche/hardware/bus_poller.h"
#include "veche/hardware/modbus_bus.h"

namespace veche::hardware {

struct CabinetMonitor::BusThread {
    explicit BusThread(BusPoller p) : poller(std::move(p)) {}
    BusPoller poller;
    std::thread thread;
};

BusFactory modbusBuses() {
    return [](const BusConfig& config) { return std::make_unique<ModbusBus>(config); };
}

CabinetMonitor::CabinetMonitor(CabinetConfig config, BusFactory makeBus, CabinetRecorder& recorder,
                               Clock clock)
    : config_(std::move(config)),
      makeBus_(std::move(makeBus)),
      recorder_(recorder),
      clock_(std::move(clock)) {
    policy_ = std::make_unique<CabinetPolicy>(config_, recorder_.openAlarms(), clock_());
}

CabinetMonitor::~CabinetMonitor() {
    stop();
}

void CabinetMonitor::setListener(CabinetListener* listener) {
    const auto current = status();
    std::lock_guard lock(listenerMutex_);
    listener_ = listener;
    if (listener_) {
        listener_->onStatus(current);
    }
}

void CabinetMonitor::start() {
    std::lock_guard lock(mutex_);
    if (!buses_.empty()) {
        return;
    }
    stopping_ = false;
    for (const auto& bus : config_.buses) {
        buses_.push_back(std::make_unique<BusThread>(BusPoller(bus, makeBus_(bus))));
    }
    for (auto& bus : buses_) {
        bus->thread = std::thread([this, b = bus.get()] { run(*b); });
    }
}

void CabinetMonitor::stop() {
    std::vector<std::unique_ptr<BusThread>> buses;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        buses.swap(buses_);
    }
    wake_.notify_all();
    for (auto& bus : buses) {
        bus->thread.join();
    }
}

void CabinetMonitor::run(BusThread& bus) {
    const auto interval = bus.poller.config().pollInterval;
    unsigned long seenPokes = 0;
    for (;;) {
        const auto snapshot = bus.poller.poll(wantedRelays(), clock_());
        handle(snapshot);
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, interval, [&] { return stopping_ || pokes_ != seenPokes; });
        if (stopping_) {
            return;
        }
        seenPokes = pokes_;
    }
}

std::map<Signal, bool> CabinetMonitor::wantedRelays() const {
    std::lock_guard lock(mutex_);
    return relays_;
}

void CabinetMonitor::handle(const BusSnapshot& snapshot) {
    std::function<void()> tell;
    {
        std::lock_guard lock(mutex_);
        const Millis now = clock_();
        tell = apply(policy_->update(snapshot, now), now);
        // The first telemetry waits for a second round of polls: by then the
        // relays were set as the policy wants them and read back.
        if (++snapshotsHandled_ > buses_.size() && now >= nextTelemetry_) {
            recorder_.recordTelemetry(policy_->status(), now);
            nextTelemetry_ = now + config_.policy.telemetryEvery.count();
        }
    }
    tell();
}

std::function<void()> CabinetMonitor::apply(const CabinetDecision& decision, Millis now) {
    for (const auto& alarm : decision.alarms) {
        recorder_.recordAlarm(alarm, now);
    }
    const bool relaysChanged = decision.relays != relays_;
    relays_ = decision.relays;
    if (relaysChanged) {
        ++pokes_;  // the other buses write their relays now, not at their next poll
        wake_.notify_all();
    }
    auto status = policy_->status();
    std::string shutdownReason;
    if (decision.shutdown) {
        shutdownReason = "battery at " +
                         std::to_string(static_cast<int>(status.values[Signal::BatteryLevel])) +
                         "% on battery";
    }
    return [this, decision, status = std::move(status), shutdownReason] {
        std::lock_guard lock(listenerMutex_);
        if (!listener_) {
            return;
        }
        if (decision.statusChanged) {
            listener_->onStatus(status);
        }
        if (decision.wake) {
            listener_->onWake();
        }
        if (decision.shutdown) {
            listener_->onShutdown(shutdownReason);
        }
    };
}

void CabinetMonitor::noteActivity() {
    std::function<void()> tell;
    {
        std::lock_guard lock(mutex_);
        const Millis now = clock_();
        tell = apply(policy_->noteActivity(now), now);
    }
    tell();
}

CabinetStatus CabinetMonitor::status() const {
    std::lock_guard lock(mutex_);
    return policy_->status();
}

}  // namespace veche::hardware
