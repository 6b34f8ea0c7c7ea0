#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "veche/modem/modem.h"
#include "veche/modem/outbox.h"

namespace veche::modem {

// Where received messages go (the hub's inbound handler, docs/modem.md).
// Called on a modem's thread; return once the message is stored durably.
using InboundSink = std::function<void(const std::string& modemId, const IncomingSms&)>;

struct PoolOptions {
    int partsPerMinute = 15;                      // each modem's pace, the operator's safe rate
    int maxAttempts = 5;                          // tries on any modems before a message fails
    std::chrono::milliseconds retryAfter{5'000};  // a message that was not sent
    std::chrono::milliseconds restAfterFailure{10'000};  // a modem that failed to send
    int window = 64;  // messages held in memory at once, whatever the queue's length
};

// Sends the outbox through several modems. One runner thread per modem takes
// the most urgent message, waits for the modem's pace, and waits for the
// modem's answer (the caller of enqueue never waits for a modem). A message
// the modem reported sent is marked sent at once and never sent again; one
// that was not sent whole goes back to the queue for any modem, and the
// modem that failed rests. Every modem listens through the pool: delivery
// reports update the outbox, received messages go to the sink.
class SmsPool : public ModemListener {
public:
    SmsPool(Outbox& outbox, InboundSink inbound, PoolOptions options,
            std::function<std::int64_t()> nowMs);
    ~SmsPool() override;  // stop()
    SmsPool(const SmsPool&) = delete;
    SmsPool& operator=(const SmsPool&) = delete;

    // Adds a modem (made with this pool as its listener) and starts its
    // runner. Call before start(). The modem must stay until stop() has
    // returned, and go before the pool (its listener).
    void addModem(Modem& modem);
    // Requeues what a previous process left half-sent, then starts sending.
    void start();
    // Wakes the runners: call after adding messages to the outbox.
    void poke();
    // Lets the sends in progress finish, stops the runners and gives back
    // what was claimed but not tried. Call before destroying the modems; the
    // pool must still outlive them, as their listener. Idempotent.
    void stop();

    struct ModemCounters {
        ModemInfo info;
        std::int64_t partsSent = 0;
        std::int64_t messagesSent = 0;
        std::int64_t failures = 0;
    };
    std::map<std::string, ModemCounters> counters() const;

    void onReceived(const std::string& modemId, const IncomingSms& sms) override;
    void onDeliveryReport(const std::string& modemId, const DeliveryReport& report) override;
    void onConnectionChanged(const std::string& modemId, bool connected) override;

private:
    struct Runner;
    void run(Runner& runner);
    // The next message for `runner`, or false when stopping.
    bool next(QueuedSms& out);
    void settle(Runner& runner, const QueuedSms& sms, const SendOutcome& outcome);

    Outbox& outbox_;
    InboundSink inbound_;
    PoolOptions options_;
    std::function<std::int64_t()> nowMs_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<QueuedSms> window_;  // claimed from the outbox, most urgent first
    std::vector<std::unique_ptr<Runner>> runners_;
    bool started_ = false;
    bool stopping_ = false;
};

}  // namespace veche::modem
