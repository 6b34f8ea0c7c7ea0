#include "veche/hub/store/sms_store.h"

#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <cstdlib>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr Millis kReportWindow = 3LL * 24 * 60 * 60 * 1000;  // reports older are not matched
constexpr const char* kColumns =
    "id, phone, text, priority, kind, status, attempts, modem_id, reason, created_at, sent_at, "
    "delivered_at";

using Row = Poco::Tuple<Poco::Int64, std::string, std::string, int, std::string, std::string, int,
                        Poco::Nullable<std::string>, Poco::Nullable<std::string>, Poco::Int64,
                        Poco::Nullable<Poco::Int64>, Poco::Nullable<Poco::Int64>>;

SmsRecord recordOf(const Row& r) {
    SmsRecord s;
    s.id = r.get<0>();
    s.phone = r.get<1>();
    s.text = r.get<2>();
    s.priority = r.get<3>();
    s.kind = r.get<4>();
    s.status = r.get<5>();
    s.attempts = r.get<6>();
    s.modemId = r.get<7>().isNull() ? "" : r.get<7>().value();
    s.reason = r.get<8>().isNull() ? "" : r.get<8>().value();
    s.createdAt = r.get<9>();
    if (!r.get<10>().isNull()) {
        s.sentAt = r.get<10>().value();
    }
    if (!r.get<11>().isNull()) {
        s.deliveredAt = r.get<11>().value();
    }
    return s;
}

}  // namespace

std::vector<std::int64_t> SmsStore::enqueue(const std::vector<modem::QueuedSms>& messages,
                                            const std::string& kind, Millis now) {
    std::vector<std::int64_t> ids;
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    for (const modem::QueuedSms& m : messages) {
        // 63 random bits: ids made on several hubs never collide in practice.
        const auto id =
            static_cast<Poco::Int64>(std::strtoull(random_.hex(8).c_str(), nullptr, 16) >> 1);
        const int priority = static_cast<int>(m.priority);
        s << "INSERT INTO sms_outbox (id, phone, text, priority, kind, status, attempts, "
             "not_before, created_at) VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $7)",
            useRef(id), useRef(m.to), useRef(m.text), useRef(priority), useRef(kind), useRef(now),
            useRef(now), Poco::Data::Keywords::now;
        ids.push_back(id);
    }
    tx.commit();
    return ids;
}

std::optional<SmsRecord> SmsStore::get(std::int64_t id) {
    std::vector<Row> rows;
    const Poco::Int64 key = id;
    db_.session() << "SELECT " << kColumns << " FROM sms_outbox WHERE id = $1", useRef(key),
        into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return recordOf(rows.front());
}

std::vector<SmsRecord> SmsStore::list(const std::string& status, int limit) {
    std::vector<Row> rows;
    db_.session() << "SELECT " << kColumns
                  << " FROM sms_outbox WHERE ($1 = '' OR status = $2) "
                     "ORDER BY created_at DESC, id DESC LIMIT $3",
        useRef(status), useRef(status), useRef(limit), into(rows), now;
    std::vector<SmsRecord> out;
    for (const Row& r : rows) {
        out.push_back(recordOf(r));
    }
    return out;
}

bool SmsStore::sentSince(const std::string& phone, const std::string& kind, Millis since) {
    Poco::Int64 count = 0;
    const Poco::Int64 from = since;
    db_.session() << "SELECT COUNT(*) FROM sms_outbox WHERE phone = $1 AND kind = $2 "
                     "AND created_at >= $3",
        useRef(phone), useRef(kind), useRef(from), into(count), now;
    return count > 0;
}

std::vector<std::pair<std::string, long>> SmsStore::countByStatus() {
    std::vector<std::string> statuses;
    std::vector<Poco::Int64> counts;
    db_.session() << "SELECT status, COUNT(*) FROM sms_outbox GROUP BY status ORDER BY status",
        into(statuses), into(counts), now;
    std::vector<std::pair<std::string, long>> out;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        out.emplace_back(statuses[i], static_cast<long>(counts[i]));
    }
    return out;
}

std::vector<modem::QueuedSms> SmsStore::claim(int max, std::int64_t nowMs) {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> phones, texts;
    std::vector<int> priorities, attempts;
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    const Poco::Int64 at = nowMs;
    s << "SELECT id, phone, text, priority, attempts FROM sms_outbox "
         "WHERE status = 'queued' AND not_before <= $1 "
         "ORDER BY priority DESC, created_at, id LIMIT $2",
        useRef(at), useRef(max), into(ids), into(phones), into(texts), into(priorities),
        into(attempts), now;
    std::vector<modem::QueuedSms> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Poco::Data::Statement take(s);
        take << "UPDATE sms_outbox SET status = 'sending' WHERE id = $1 AND status = 'queued'",
            useRef(ids[i]);
        if (take.execute() == 0) {
            continue;  // another hub took it first
        }
        out.push_back({ids[i], phones[i], texts[i], static_cast<modem::SmsPriority>(priorities[i]),
                       attempts[i]});
    }
    tx.commit();
    return out;
}

void SmsStore::release(std::int64_t id, const std::string& reason, std::int64_t retryAtMs) {
    const Poco::Int64 key = id, at = retryAtMs;
    db_.session() << "UPDATE sms_outbox SET status = 'queued', attempts = attempts + 1, "
                     "not_before = $1, reason = $2 WHERE id = $3 AND status = 'sending'",
        useRef(at), useRef(reason), useRef(key), now;
}

void SmsStore::markSent(std::int64_t id, const std::string& modemId,
                        const std::vector<int>& references, std::int64_t nowMs) {
    std::string refs = ",";
    for (int r : references) {
        refs += std::to_string(r) + ",";
    }
    const Poco::Int64 key = id, at = nowMs;
    db_.session() << "UPDATE sms_outbox SET status = 'sent', attempts = attempts + 1, "
                     "modem_id = $1, refs = $2, sent_at = $3, reason = NULL WHERE id = $4",
        useRef(modemId), useRef(refs), useRef(at), useRef(key), now;
}

void SmsStore::markFailed(std::int64_t id, const std::string& reason, std::int64_t) {
    const Poco::Int64 key = id;
    db_.session() << "UPDATE sms_outbox SET status = 'failed', attempts = attempts + 1, "
                     "reason = $1 WHERE id = $2",
        useRef(reason), useRef(key), now;
}

void SmsStore::markDelivered(const std::string& modemId, const std::string& recipient,
                             int reference, bool delivered, std::int64_t nowMs) {
    const std::string pattern = "%," + std::to_string(reference) + ",%";
    const Poco::Int64 since = nowMs - kReportWindow, at = nowMs;
    const std::string status = delivered ? "delivered" : "failed";
    const std::string reason = delivered ? "" : "the network could not deliver it";
    db_.session() << "UPDATE sms_outbox SET status = $1, delivered_at = $2, "
                     "reason = NULLIF($3, '') WHERE id = (SELECT id FROM sms_outbox "
                     "WHERE modem_id = $4 AND phone = $5 AND status = 'sent' AND refs LIKE $6 "
                     "AND sent_at >= $7 ORDER BY sent_at DESC LIMIT 1)",
        useRef(status), useRef(at), useRef(reason), useRef(modemId), useRef(recipient),
        useRef(pattern), useRef(since), now;
}

int SmsStore::recover() {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE sms_outbox SET status = 'queued' WHERE status = 'sending'";
    return static_cast<int>(update.execute());
}

}  // namespace veche::hub
