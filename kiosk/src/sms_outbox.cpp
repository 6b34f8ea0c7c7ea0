#include "veche/kiosk/sms_outbox.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace veche::kiosk {
namespace {

// Sent and failed messages are kept this long, for delivery reports and staff.
constexpr Millis kKeepFinished = 24LL * 60 * 60 * 1000;

}  // namespace

std::int64_t KioskSmsOutbox::enqueueIn(Poco::Data::Session& s, const std::string& phone,
                                       const std::string& text, modem::SmsPriority priority,
                                       Millis at, Millis expiresAt) {
    const int rank = static_cast<int>(priority);
    s << "INSERT INTO sms_outbox (phone, text, priority, status, attempts, not_before,"
         " expires_at, created_at) VALUES (?, ?, ?, 'queued', 0, ?, ?, ?)",
        useRef(phone), useRef(text), useRef(rank), useRef(at), useRef(expiresAt), useRef(at), now;
    Poco::Int64 id = 0;
    s << "SELECT last_insert_rowid()", into(id), now;
    return id;
}

std::int64_t KioskSmsOutbox::enqueue(const std::string& phone, const std::string& text,
                                     modem::SmsPriority priority, Millis at, Millis expiresAt) {
    std::int64_t id = 0;
    store_.write(
        [&](Poco::Data::Session& s) { id = enqueueIn(s, phone, text, priority, at, expiresAt); });
    return id;
}

QueuedSmsStatus KioskSmsOutbox::status(std::int64_t id) const {
    QueuedSmsStatus out;
    Poco::Nullable<std::string> reason;
    store_.read([&](Poco::Data::Session& s) {
        s << "SELECT status, reason, attempts FROM sms_outbox WHERE id = ?", bind(id),
            into(out.status), into(reason), into(out.attempts), now;
    });
    out.reason = reason.isNull() ? "" : reason.value();
    return out;
}

long KioskSmsOutbox::queuedCount() const {
    Poco::Int64 count = 0;
    store_.read([&](Poco::Data::Session& s) {
        s << "SELECT COUNT(*) FROM sms_outbox WHERE status IN ('queued', 'sending')", into(count),
            now;
    });
    return static_cast<long>(count);
}

std::vector<modem::QueuedSms> KioskSmsOutbox::claim(int max, std::int64_t nowMs) {
    std::vector<modem::QueuedSms> out;
    store_.write([&](Poco::Data::Session& s) {
        const Millis forgetBefore = nowMs - kKeepFinished;
        s << "DELETE FROM sms_outbox WHERE status IN ('sent', 'delivered', 'failed')"
             " AND created_at < ?",
            useRef(forgetBefore), now;
        s << "UPDATE sms_outbox SET status = 'failed', text = '',"
             " reason = 'expired before it was sent'"
             " WHERE status = 'queued' AND expires_at <= ?",
            useRef(nowMs), now;
        std::vector<Poco::Int64> ids;
        std::vector<std::string> phones, texts;
        std::vector<int> priorities, attempts;
        s << "SELECT id, phone, text, priority, attempts FROM sms_outbox"
             " WHERE status = 'queued' AND not_before <= ? ORDER BY priority DESC, id LIMIT ?",
            useRef(nowMs), useRef(max), into(ids), into(phones), into(texts), into(priorities),
            into(attempts), now;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            s << "UPDATE sms_outbox SET status = 'sending' WHERE id = ?", useRef(ids[i]), now;
            out.push_back({ids[i], phones[i], texts[i],
                           static_cast<modem::SmsPriority>(priorities[i]), attempts[i]});
        }
    });
    return out;
}

void KioskSmsOutbox::release(std::int64_t id, const std::string& reason, std::int64_t retryAtMs) {
    store_.write([&](Poco::Data::Session& s) {
        s << "UPDATE sms_outbox SET status = 'queued', attempts = attempts + 1, not_before = ?,"
             " reason = ? WHERE id = ? AND status = 'sending'",
            useRef(retryAtMs), useRef(reason), useRef(id), now;
    });
}

void KioskSmsOutbox::markSent(std::int64_t id, const std::string& modemId,
                              const std::vector<int>& references, std::int64_t nowMs) {
    std::string refs = ",";
    for (int r : references) {
        refs += std::to_string(r) + ",";
    }
    store_.write([&](Poco::Data::Session& s) {
        // The text (a code, say) is not kept once the modem has it.
        s << "UPDATE sms_outbox SET status = 'sent', text = '', attempts = attempts + 1,"
             " modem_id = ?,"
             " refs = ?, sent_at = ?, reason = NULL WHERE id = ?",
            useRef(modemId), useRef(refs), useRef(nowMs), useRef(id), now;
    });
}

void KioskSmsOutbox::markFailed(std::int64_t id, const std::string& reason, std::int64_t) {
    store_.write([&](Poco::Data::Session& s) {
        s << "UPDATE sms_outbox SET status = 'failed', text = '', attempts = attempts + 1,"
             " reason = ?"
             " WHERE id = ?",
            useRef(reason), useRef(id), now;
    });
}

void KioskSmsOutbox::markDelivered(const std::string& modemId, const std::string& recipient,
                                   int reference, bool delivered, std::int64_t nowMs) {
    const std::string pattern = "%," + std::to_string(reference) + ",%";
    const std::string status = delivered ? "delivered" : "failed";
    const std::string reason = delivered ? "" : kUndelivered;
    const Millis since = nowMs - kKeepFinished;
    store_.write([&](Poco::Data::Session& s) {
        s << "UPDATE sms_outbox SET status = ?, reason = NULLIF(?, '') WHERE id = (SELECT id"
             " FROM sms_outbox WHERE modem_id = ? AND phone = ? AND status = 'sent'"
             " AND refs LIKE ? AND sent_at >= ? ORDER BY sent_at DESC LIMIT 1)",
            useRef(status), useRef(reason), useRef(modemId), useRef(recipient), useRef(pattern),
            useRef(since), now;
    });
}

int KioskSmsOutbox::recover() {
    int count = 0;
    store_.write([&](Poco::Data::Session& s) {
        Poco::Data::Statement update(s);
        update << "UPDATE sms_outbox SET status = 'queued' WHERE status = 'sending'";
        count = static_cast<int>(update.execute());
    });
    return count;
}

}  // namespace veche::kiosk
