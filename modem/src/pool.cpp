#include "veche/modem/pool.h"

#include <algorithm>

#include "veche/modem/sms_text.h"

namespace veche::modem {

using SteadyClock = std::chrono::steady_clock;

constexpr auto kWaitForWork = std::chrono::seconds(1);  // besides poke()
constexpr auto kWaitForModem = std::chrono::milliseconds(500);

struct SmsPool::Runner {
    Modem& modem;
    std::thread thread;
    SteadyClock::time_point nextSend{};  // the modem's pace
    SteadyClock::time_point restUntil{};
    ModemCounters counters;
};

SmsPool::SmsPool(Outbox& outbox, InboundSink inbound, PoolOptions options,
                 std::function<std::int64_t()> nowMs)
    : outbox_(outbox), inbound_(std::move(inbound)), options_(options), nowMs_(std::move(nowMs)) {}

SmsPool::~SmsPool() {
    stop();
}

void SmsPool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& r : runners_) {
        if (r->thread.joinable()) {
            r->thread.join();
        }
    }
    for (const QueuedSms& sms : window_) {  // claimed, never tried
        outbox_.release(sms.id, "the pool stopped", nowMs_());
    }
    window_.clear();
}

void SmsPool::addModem(Modem& modem) {
    std::lock_guard lock(mutex_);
    runners_.push_back(std::make_unique<Runner>(Runner{modem, {}, {}, {}, {}}));
}

void SmsPool::start() {
    outbox_.recover();
    std::lock_guard lock(mutex_);
    started_ = true;
    for (auto& r : runners_) {
        Runner& runner = *r;
        runner.thread = std::thread([this, &runner] { run(runner); });
    }
}

void SmsPool::poke() {
    wake_.notify_all();
}

std::map<std::string, SmsPool::ModemCounters> SmsPool::counters() const {
    std::map<std::string, ModemCounters> out;
    std::lock_guard lock(mutex_);
    for (const auto& r : runners_) {
        ModemCounters c = r->counters;
        c.info = r->modem.info();
        out[r->modem.id()] = c;
    }
    return out;
}

void SmsPool::onReceived(const std::string& modemId, const IncomingSms& sms) {
    inbound_(modemId, sms);
}

void SmsPool::onDeliveryReport(const std::string& modemId, const DeliveryReport& report) {
    outbox_.markDelivered(modemId, report.recipient, report.reference, report.delivered, nowMs_());
}

void SmsPool::onConnectionChanged(const std::string&, bool) {
    wake_.notify_all();  // a runner waiting for its modem looks again
}

void SmsPool::run(Runner& runner) {
    while (true) {
        {
            std::unique_lock lock(mutex_);
            const auto ready = std::max(runner.nextSend, runner.restUntil);
            if (wake_.wait_until(lock, ready, [this] { return stopping_; })) {
                return;
            }
        }
        if (!runner.modem.info().connected) {
            // onConnectionChanged() wakes this wait; the timeout is a backstop.
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, kWaitForModem,
                           [&] { return stopping_ || runner.modem.info().connected; });
            if (stopping_) {
                return;
            }
            continue;
        }
        QueuedSms sms;
        if (!next(sms)) {
            return;
        }
        const auto started = SteadyClock::now();
        const SendOutcome outcome = runner.modem.send({sms.to, sms.text, true}).get();
        const int parts = outcome.parts > 0 ? outcome.parts : planSms(sms.text).parts;
        runner.nextSend = started + parts * std::chrono::milliseconds(60'000) /
                                        std::max(1, options_.partsPerMinute);
        settle(runner, sms, outcome);
    }
}

bool SmsPool::next(QueuedSms& out) {
    std::unique_lock lock(mutex_);
    while (true) {
        if (stopping_) {
            return false;
        }
        if (window_.empty()) {
            for (QueuedSms& sms : outbox_.claim(options_.window, nowMs_())) {
                window_.push_back(std::move(sms));
            }
        }
        if (!window_.empty()) {
            out = std::move(window_.front());
            window_.pop_front();
            return true;
        }
        wake_.wait_for(lock, kWaitForWork);
    }
}

void SmsPool::settle(Runner& runner, const QueuedSms& sms, const SendOutcome& outcome) {
    using Status = SendOutcome::Status;
    const std::int64_t now = nowMs_();
    std::lock_guard lock(mutex_);
    switch (outcome.status) {
        case Status::Sent:
            outbox_.markSent(sms.id, runner.modem.id(), outcome.references, now);
            runner.counters.messagesSent += 1;
            runner.counters.partsSent += static_cast<std::int64_t>(outcome.references.size());
            return;
        case Status::Rejected:
            outbox_.markFailed(sms.id, outcome.error, now);
            return;
        case Status::NotSent:
        case Status::Partial:
            runner.counters.partsSent += static_cast<std::int64_t>(outcome.references.size());
            runner.counters.failures += 1;
            runner.restUntil = SteadyClock::now() + options_.restAfterFailure;
            if (sms.attempts + 1 >= options_.maxAttempts) {
                outbox_.markFailed(sms.id, outcome.error, now);
            } else {
                outbox_.release(sms.id, runner.modem.id() + ": " + outcome.error,
                                now + options_.retryAfter.count());
            }
            wake_.notify_all();  // another modem may take it
            return;
    }
}

}  // namespace veche::modem
