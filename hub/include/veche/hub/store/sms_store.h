#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/store/database.h"
#include "veche/modem/outbox.h"

namespace veche::hub {

// One outgoing SMS as the operator sees it.
struct SmsRecord {
    std::int64_t id = 0;
    std::string phone;
    std::string text;
    int priority = 0;
    std::string kind;    // code, alert, notice, reply, receipt
    std::string status;  // queued, sending, sent, delivered, failed
    int attempts = 0;
    std::string modemId;
    std::string reason;  // why the last try failed, or why it failed for good
    Millis createdAt = 0;
    std::optional<Millis> sentAt;
    std::optional<Millis> deliveredAt;
};

// The hub's durable SMS outbox (modem::Outbox) on SQLite or PostgreSQL.
class SmsStore : public modem::Outbox {
public:
    SmsStore(Database& db, Random& random) : db_(db), random_(random) {}

    // Queues messages in one transaction; returns their ids.
    std::vector<std::int64_t> enqueue(const std::vector<modem::QueuedSms>& messages,
                                      const std::string& kind, Millis now);
    std::optional<SmsRecord> get(std::int64_t id);
    // Newest first; `status` empty for all.
    std::vector<SmsRecord> list(const std::string& status, int limit);
    // Whether a message of `kind` was queued for `phone` at `since` or later.
    bool sentSince(const std::string& phone, const std::string& kind, Millis since);
    // Messages by status, for /metrics.
    std::vector<std::pair<std::string, long>> countByStatus();

    std::vector<modem::QueuedSms> claim(int max, std::int64_t nowMs) override;
    void release(std::int64_t id, const std::string& reason, std::int64_t retryAtMs) override;
    void markSent(std::int64_t id, const std::string& modemId, const std::vector<int>& references,
                  std::int64_t nowMs) override;
    void markFailed(std::int64_t id, const std::string& reason, std::int64_t nowMs) override;
    void markDelivered(const std::string& modemId, const std::string& recipient, int reference,
                       bool delivered, std::int64_t nowMs) override;
    int recover() override;

private:
    Database& db_;
    Random& random_;
};

}  // namespace veche::hub
