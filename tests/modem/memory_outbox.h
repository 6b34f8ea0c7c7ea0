#pragma once
// An Outbox in memory with the store's rules, for the pool's unit tests (the
// SQL one is tested against both databases in tests/hub/store).

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>

#include "veche/modem/outbox.h"

namespace veche::modem::testing {

class MemoryOutbox : public Outbox {
public:
    struct Entry {
        QueuedSms sms;
        std::string status = "queued";
        std::int64_t notBefore = 0;
        std::string modemId, reason;
        std::vector<int> references;
    };

    std::int64_t add(const std::string& to, const std::string& text, SmsPriority p) {
        std::lock_guard lock(mutex_);
        const std::int64_t id = ++last_;
        entries_[id].sms = {id, to, text, p, 0};
        return id;
    }
    Entry entry(std::int64_t id) {
        std::lock_guard lock(mutex_);
        return entries_.at(id);
    }
    long count(const std::string& status) {
        std::lock_guard lock(mutex_);
        return std::count_if(entries_.begin(), entries_.end(),
                             [&](const auto& e) { return e.second.status == status; });
    }

    std::vector<QueuedSms> claim(int max, std::int64_t nowMs) override {
        std::lock_guard lock(mutex_);
        std::vector<Entry*> ready;
        for (auto& [id, e] : entries_) {
            if (e.status == "queued" && e.notBefore <= nowMs) {
                ready.push_back(&e);
            }
        }
        std::stable_sort(ready.begin(), ready.end(), [](const Entry* a, const Entry* b) {
            return static_cast<int>(a->sms.priority) > static_cast<int>(b->sms.priority);
        });
        std::vector<QueuedSms> out;
        for (Entry* e : ready) {
            if (static_cast<int>(out.size()) == max) {
                break;
            }
            e->status = "sending";
            out.push_back(e->sms);
        }
        return out;
    }
    void release(std::int64_t id, const std::string& reason, std::int64_t retryAtMs) override {
        std::lock_guard lock(mutex_);
        Notify notify{changed_};
        Entry& e = entries_.at(id);
        e.status = "queued";
        e.sms.attempts += 1;
        e.notBefore = retryAtMs;
        e.reason = reason;
    }
    void markSent(std::int64_t id, const std::string& modemId, const std::vector<int>& references,
                  std::int64_t) override {
        std::lock_guard lock(mutex_);
        Notify notify{changed_};
        Entry& e = entries_.at(id);
        ++sentTimes_[id];
        e.sms.attempts += 1;
        e.status = "sent";
        e.modemId = modemId;
        e.references = references;
    }
    void markFailed(std::int64_t id, const std::string& reason, std::int64_t) override {
        std::lock_guard lock(mutex_);
        Notify notify{changed_};
        entries_.at(id).sms.attempts += 1;
        entries_.at(id).status = "failed";
        entries_.at(id).reason = reason;
    }
    void markDelivered(const std::string& modemId, const std::string& recipient, int reference,
                       bool delivered, std::int64_t) override {
        std::lock_guard lock(mutex_);
        Notify notify{changed_};
        for (auto& [id, e] : entries_) {
            if (e.status == "sent" && e.modemId == modemId && e.sms.to == recipient &&
                std::find(e.references.begin(), e.references.end(), reference) !=
                    e.references.end()) {
                e.status = delivered ? "delivered" : "failed";
                return;
            }
        }
    }
    int recover() override {
        std::lock_guard lock(mutex_);
        int n = 0;
        for (auto& [id, e] : entries_) {
            if (e.status == "sending") {
                e.status = "queued";
                ++n;
            }
        }
        return n;
    }
    // Waits until `n` messages have `status` (or `orStatus`); false after `timeout`.
    bool waitFor(const std::string& status, long n, std::chrono::milliseconds timeout,
                 const std::string& orStatus = "") {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] {
            return std::count_if(entries_.begin(), entries_.end(), [&](const auto& e) {
                       return e.second.status == status || e.second.status == orStatus;
                   }) >= n;
        });
    }
    // How many times each message was marked sent: never more than once.
    std::map<std::int64_t, int> sentTimes() {
        std::lock_guard lock(mutex_);
        return sentTimes_;
    }

private:
    struct Notify {  // wakes waiters when the change under the lock is done
        std::condition_variable& cv;
        ~Notify() { cv.notify_all(); }
    };
    std::mutex mutex_;
    std::condition_variable changed_;
    std::int64_t last_ = 0;
    std::map<std::int64_t, Entry> entries_;
    std::map<std::int64_t, int> sentTimes_;
};

}  // namespace veche::modem::testing
