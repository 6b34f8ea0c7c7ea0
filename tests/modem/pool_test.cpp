// The pool's rules with modems that answer as told (the real modems and the
// simulator are in gammu_modem_test.cpp).
#include "veche/modem/pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>

#include "memory_outbox.h"

namespace veche::modem {
namespace {

using namespace std::chrono_literals;
using Status = SendOutcome::Status;

class ScriptedModem : public Modem {
public:
    ScriptedModem(std::string id, std::function<Status(const OutgoingSms&)> answer)
        : id_(std::move(id)), answer_(std::move(answer)) {}

    const std::string& id() const override { return id_; }
    std::future<SendOutcome> send(OutgoingSms sms) override {
        std::lock_guard lock(mutex_);
        sent_.push_back(sms.text);
        SendOutcome o;
        o.status = answer_(sms);
        o.parts = 1;
        if (o.status == Status::Sent) {
            o.references = {static_cast<int>(sent_.size())};
        } else {
            o.error = "scripted failure";
        }
        std::promise<SendOutcome> p;
        p.set_value(o);
        return p.get_future();
    }
    std::future<UssdReply> dialUssd(std::string) override {
        std::promise<UssdReply> p;
        p.set_value({false, "", "not scripted"});
        return p.get_future();
    }
    ModemInfo info() const override {
        ModemInfo i;
        i.connected = true;
        return i;
    }
    std::vector<std::string> sent() {
        std::lock_guard lock(mutex_);
        return sent_;
    }

private:
    std::string id_;
    std::function<Status(const OutgoingSms&)> answer_;
    std::mutex mutex_;
    std::vector<std::string> sent_;
};

PoolOptions fast() {
    PoolOptions o;
    o.partsPerMinute = 600'000;
    o.retryAfter = 0ms;
    o.restAfterFailure = 50ms;
    return o;
}

std::int64_t wallClock() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

TEST(SmsPool, SendsCodesBeforeBroadcasts) {
    testing::MemoryOutbox outbox;
    for (int i = 0; i < 3; ++i) {
        outbox.add("+79000000000", "Объявление " + std::to_string(i), SmsPriority::Broadcast);
    }
    outbox.add("+79000000001", "Код 123456", SmsPriority::Code);
    ScriptedModem modem("m1", [](const OutgoingSms&) { return Status::Sent; });
    SmsPool pool(outbox, nullptr, fast(), wallClock);
    pool.addModem(modem);
    pool.start();
    ASSERT_TRUE(outbox.waitFor("sent", 4, 5s));
    EXPECT_EQ(modem.sent().front(), "Код 123456");
}

TEST(SmsPool, AFailingModemsMessagesGoToAnotherAndEachIsSentOnce) {
    testing::MemoryOutbox outbox;
    for (int i = 0; i < 50; ++i) {
        outbox.add("+7900000" + std::to_string(1000 + i), "Сообщение " + std::to_string(i),
                   SmsPriority::Broadcast);
    }
    std::atomic<int> calls = 0;
    ScriptedModem failing("bad", [&](const OutgoingSms&) {
        return ++calls % 2 == 0 ? Status::Partial : Status::NotSent;
    });
    ScriptedModem good("good", [](const OutgoingSms&) { return Status::Sent; });
    SmsPool pool(outbox, nullptr, fast(), wallClock);
    pool.addModem(failing);
    pool.addModem(good);
    pool.start();
    ASSERT_TRUE(outbox.waitFor("sent", 50, 10s));
    EXPECT_GT(failing.sent().size(), 0u);
    for (const auto& [id, times] : outbox.sentTimes()) {
        EXPECT_EQ(times, 1) << id;
        EXPECT_EQ(outbox.entry(id).modemId, "good");
    }
    EXPECT_GE(pool.counters().at("bad").failures, 1);
}

TEST(SmsPool, ARejectedMessageFailsAtOnceAndARepeatedFailureFailsInTheEnd) {
    testing::MemoryOutbox outbox;
    const auto rejected = outbox.add("+79000000001", "bad number", SmsPriority::Reply);
    const auto unlucky = outbox.add("+79000000002", "never goes", SmsPriority::Reply);
    ScriptedModem modem("m1", [](const OutgoingSms& sms) {
        return sms.text == "bad number" ? Status::Rejected : Status::NotSent;
    });
    PoolOptions options = fast();
    options.restAfterFailure = 0ms;
    options.maxAttempts = 3;
    SmsPool pool(outbox, nullptr, options, wallClock);
    pool.addModem(modem);
    pool.start();
    ASSERT_TRUE(outbox.waitFor("failed", 2, 5s));
    EXPECT_EQ(outbox.entry(rejected).sms.attempts, 1);  // never retried
    EXPECT_EQ(outbox.entry(unlucky).sms.attempts, 3);   // released twice, failed on the third
    EXPECT_EQ(outbox.entry(unlucky).reason, "scripted failure");
}

TEST(SmsPool, DeliveryReportsMarkTheirMessage) {
    testing::MemoryOutbox outbox;
    const auto id = outbox.add("+79000000001", "Код 123456", SmsPriority::Code);
    ScriptedModem modem("m1", [](const OutgoingSms&) { return Status::Sent; });
    SmsPool pool(outbox, nullptr, fast(), wallClock);
    pool.addModem(modem);
    pool.start();
    ASSERT_TRUE(outbox.waitFor("sent", 1, 5s));
    pool.onDeliveryReport("m1", {"+79000000001", outbox.entry(id).references.at(0), true, 0});
    EXPECT_EQ(outbox.entry(id).status, "delivered");
}

}  // namespace
}  // namespace veche::modem
