#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace veche::modem {

// How urgent a message is: the pool sends higher first, then oldest first.
enum class SmsPriority : int {
    Broadcast = 10,  // notices to everyone with SMS consent
    Reply = 50,      // answers to what a resident sent, receipts
    Emergency = 90,  // Экстренное
    Code = 100,      // verification codes: a resident is waiting at a kiosk
};

struct QueuedSms {
    std::int64_t id = 0;
    std::string to;
    std::string text;
    SmsPriority priority = SmsPriority::Broadcast;
    int attempts = 0;  // sends tried before, on any modem
};

// The durable queue of outgoing SMS (the hub's store at the hub, the kiosk's
// at a kiosk). Each message moves queued → sending → sent → delivered, or to
// failed with a reason; a message marked sent is never handed out again.
// Thread-safe.
class Outbox {
public:
    virtual ~Outbox() = default;

    // Up to `max` queued messages whose retry time has come, most urgent
    // first; they are `sending` until released or marked.
    virtual std::vector<QueuedSms> claim(int max, std::int64_t nowMs) = 0;

    // Back to queued after a try that sent nothing whole: tried once more,
    // not before `retryAtMs`.
    virtual void release(std::int64_t id, const std::string& reason, std::int64_t retryAtMs) = 0;

    virtual void markSent(std::int64_t id, const std::string& modemId,
                          const std::vector<int>& references, std::int64_t nowMs) = 0;
    virtual void markFailed(std::int64_t id, const std::string& reason, std::int64_t nowMs) = 0;

    // A delivery report for a part sent through `modemId` with `reference`
    // to `recipient`; ignored when no recent message matches.
    virtual void markDelivered(const std::string& modemId, const std::string& recipient,
                               int reference, bool delivered, std::int64_t nowMs) = 0;

    // Messages left `sending` by a process that stopped: queued again.
    virtual int recover() = 0;
};

}  // namespace veche::modem
