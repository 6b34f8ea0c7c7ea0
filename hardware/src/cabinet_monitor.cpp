#include "veche/hardware/cabinet_monitor.h"

#include <cmath>
#include <iostream>

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
    std::lock_guard lock(listenerMutex_);
    listener_ = listener;
    if (listener_) {
        listener_->onStatus(status());
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
        try {
            handle(bus.poller.poll(wantedRelays(), clock_()));
        } catch (const std::exception& e) {
            // The store could not take an alarm or telemetry: the policy
            // forgot what was not recorded and decides it again next poll.
            std::cerr << "veche cabinet: bus " << bus.poller.config().name << ": " << e.what()
                      << '\n';
        }
        std::unique_lock lock(mutex_);
        // A poke without the lock may come just before this wait; it then
        // waits one interval at most.
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
    News news;
    {
        std::lock_guard lock(mutex_);
        const Millis now = clock_();
        if (const Millis touched = touchedAt_.exchange(0)) {
            policy_->noteActivity(touched);
        }
        const CabinetDecision decision = policy_->update(snapshot, now);
        if (decision.relays != relays_) {
            relays_ = decision.relays;
            poke();  // the other buses write their relays now, not at their next poll
        }
        news = {decision.statusChanged, decision.wake, decision.shutdown, {}};
        if (decision.shutdown) {
            news.shutdownReason =
                "battery at " +
                std::to_string(std::lround(policy_->status().values.at(Signal::BatteryLevel))) +
                "% on battery";
        }
        record(decision.alarms, now);
        // The first telemetry waits for a second round of polls: by then the
        // relays were set as the policy wants them and read back.
        if (++snapshotsHandled_ > buses_.size() && now >= nextTelemetry_) {
            recorder_.recordTelemetry(policy_->status(), now);
            nextTelemetry_ = now + config_.policy.telemetryEvery.count();
        }
    }
    tell(news);
}

void CabinetMonitor::record(const std::vector<AlarmChange>& alarms, Millis now) {
    for (std::size_t i = 0; i < alarms.size(); ++i) {
        try {
            recorder_.recordAlarm(alarms[i], now);
        } catch (...) {
            for (std::size_t j = i; j < alarms.size(); ++j) {
                policy_->revertAlarm(alarms[j]);
            }
            throw;
        }
    }
}

void CabinetMonitor::tell(const News& news) {
    std::lock_guard lock(listenerMutex_);
    if (!listener_) {
        return;
    }
    if (news.statusChanged) {
        listener_->onStatus(status());  // the latest, never one overtaken by another thread's
    }
    if (news.wake) {
        listener_->onWake();
    }
    if (news.shutdown) {
        listener_->onShutdown(news.shutdownReason);
    }
}

void CabinetMonitor::poke() {
    pokes_.fetch_add(1);
    wake_.notify_all();
}

void CabinetMonitor::noteActivity() {
    touchedAt_ = clock_();
    poke();
}

CabinetStatus CabinetMonitor::status() const {
    std::lock_guard lock(mutex_);
    return policy_->status();
}

}  // namespace veche::hardware
