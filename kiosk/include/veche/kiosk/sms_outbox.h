#pragma once

#include <cstdint>
#include <string>

#include "veche/kiosk/store.h"
#include "veche/modem/outbox.h"

namespace veche::kiosk {

// The reason of a message the network reported it could not deliver.
inline constexpr const char* kUndelivered = "the network could not deliver it";

struct QueuedSmsStatus {
    std::string status;  // queued, sending, sent, delivered, failed
    std::string reason;
    int attempts = 0;
};

// The kiosk's own durable SMS queue, in its store, drained by the kiosk's
// modem through a modem::SmsPool. Messages carry an expiry: a code that could
// not be sent while it was valid is failed ("expired"), never sent late. A
// message's text is blanked once it is sent or failed, and the message is
// forgotten a day later.
class KioskSmsOutbox : public modem::Outbox {
public:
    explicit KioskSmsOutbox(KioskStore& store) : store_(store) {}

    // Queues `text` to `phone`; durable when it returns. Returns its id.
    std::int64_t enqueue(const std::string& phone, const std::string& text,
                         modem::SmsPriority priority, Millis now, Millis expiresAt);
    // enqueue() inside a transaction of the store (KioskStore::write).
    static std::int64_t enqueueIn(Poco::Data::Session& s, const std::string& phone,
                                  const std::string& text, modem::SmsPriority priority, Millis now,
                                  Millis expiresAt);
    QueuedSmsStatus status(std::int64_t id) const;
    long queuedCount() const;  // queued or sending

    std::vector<modem::QueuedSms> claim(int max, std::int64_t nowMs) override;
    void release(std::int64_t id, const std::string& reason, std::int64_t retryAtMs) override;
    void markSent(std::int64_t id, const std::string& modemId, const std::vector<int>& references,
                  std::int64_t nowMs) override;
    void markFailed(std::int64_t id, const std::string& reason, std::int64_t nowMs) override;
    void markDelivered(const std::string& modemId, const std::string& recipient, int reference,
                       bool delivered, std::int64_t nowMs) override;
    int recover() override;

private:
    KioskStore& store_;
};

}  // namespace veche::kiosk
