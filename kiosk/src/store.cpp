#include "veche/kiosk/store.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace veche::kiosk {
namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, category TEXT NOT NULL,"
    " category_title TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,"
    " author TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_until INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS voters (phone_hash TEXT PRIMARY KEY, voter_id TEXT NOT NULL)",
    // seq keeps the order events happened in; id is what the hub sees.
    "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at INTEGER NOT NULL, data TEXT NOT NULL,"
    " error TEXT)",
    "CREATE INDEX IF NOT EXISTS events_pending ON events (error, seq)",
    "CREATE TABLE IF NOT EXISTS marks (kind TEXT NOT NULL, key TEXT NOT NULL,"
    " event_id TEXT NOT NULL, PRIMARY KEY (kind, key))",
    "CREATE TABLE IF NOT EXISTS sms_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " phone TEXT NOT NULL, text TEXT NOT NULL, priority INTEGER NOT NULL,"
    " status TEXT NOT NULL, attempts INTEGER NOT NULL, not_before INTEGER NOT NULL,"
    " expires_at INTEGER NOT NULL, modem_id TEXT, refs TEXT, reason TEXT,"
    " created_at INTEGER NOT NULL, sent_at INTEGER)",
    "CREATE INDEX IF NOT EXISTS sms_claim ON sms_outbox (status, priority DESC, id)",
    "CREATE TABLE IF NOT EXISTS codes (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " phone_key TEXT NOT NULL, prefix_key TEXT NOT NULL, code_hash TEXT NOT NULL,"
    " via TEXT NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
    " attempts_left INTEGER NOT NULL, used INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS codes_phone ON codes (phone_key, issued_at)",
    "CREATE INDEX IF NOT EXISTS codes_prefix ON codes (prefix_key, issued_at)",
};

using NoticeRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string,
                              std::string, Poco::Int64, Poco::Int64>;
using EventRow =
    Poco::Tuple<std::string, std::string, Poco::Int64, std::string, Poco::Nullable<std::string>>;

std::vector<Event> eventsOf(const std::vector<EventRow>& rows) {
    std::vector<Event> events;
    events.reserve(rows.size());
    for (const EventRow& r : rows) {
        events.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(),
                          r.get<4>().isNull() ? "" : r.get<4>().value()});
    }
    return events;
}

Poco::Data::Session openSqlite(const std::string& path) {
    Poco::Data::SQLite::Connector::registerConnector();
    return Poco::Data::Session("SQLite", path);
}

}  // namespace

KioskStore::KioskStore(const std::string& path) : path_(path), session_(openSqlite(path)) {
    session_ << "PRAGMA journal_mode=WAL", now;
    session_ << "PRAGMA synchronous=FULL", now;
    session_ << "PRAGMA busy_timeout=10000", now;
    migrate();
}

void KioskStore::migrate() {
    write([](Poco::Data::Session& s) {
        for (const char* statement : kSchema) {
            s << statement, now;
        }
        std::string version = std::to_string(kSchemaVersion);
        s << "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", useRef(version), now;
    });
}

void KioskStore::write(const std::function<void(Poco::Data::Session&)>& work) {
    std::lock_guard lock(mutex_);
    session_ << "BEGIN IMMEDIATE", now;
    try {
        work(session_);
        session_ << "COMMIT", now;
    } catch (...) {
        session_ << "ROLLBACK", now;
        throw;
    }
}

void KioskStore::read(const std::function<void(Poco::Data::Session&)>& work) const {
    std::lock_guard lock(mutex_);
    work(session_);
}

std::optional<std::string> KioskStore::meta(const std::string& key) const {
    std::vector<std::string> values;
    read([&](Poco::Data::Session& s) {
        s << "SELECT value FROM meta WHERE key = ?", useRef(key), into(values), now;
    });
    if (values.empty()) {
        return std::nullopt;
    }
    return values.front();
}

std::optional<std::string> KioskStore::setting(const std::string& name) const {
    const auto settings = meta("settings");
    if (!settings) {
        return std::nullopt;
    }
    try {
        auto o = Poco::JSON::Parser().parse(*settings).extract<Poco::JSON::Object::Ptr>();
        if (o && o->has(name)) {
            return o->getValue<std::string>(name);
        }
    } catch (const Poco::Exception&) {
    }
    return std::nullopt;
}

void KioskStore::eraseSecret(const std::string& key) {
    std::lock_guard lock(mutex_);
    session_ << "PRAGMA secure_delete=ON", now;
    session_ << "DELETE FROM meta WHERE key = ?", useRef(key), now;
    session_ << "PRAGMA wal_checkpoint(TRUNCATE)", now;
}

void KioskStore::setMeta(const std::string& key, const std::string& value) {
    write([&](Poco::Data::Session& s) {
        s << "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", useRef(key), useRef(value),
            now;
    });
}

void KioskStore::applyChanges(const Changes& c, Millis at) {
    write([&](Poco::Data::Session& s) {
        const std::pair<const char*, const std::string*> values[] = {
            {"cursor", &c.cursor},
            {"building_address", &c.buildingAddress},
            {"territory_name", &c.territoryName},
            {"assemblies", &c.assembliesJson},
            {"polls", &c.pollsJson},
            {"eligibility_salt", &c.eligibilitySalt},
        };
        for (const auto& [key, value] : values) {
            std::string k = key;
            s << "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", useRef(k),
                useRef(*value), now;
        }
        std::string iterations = std::to_string(c.eligibilityIterations);
        s << "INSERT OR REPLACE INTO meta (key, value) VALUES ('eligibility_iterations', ?)",
            useRef(iterations), now;
        for (const Notice& n : c.notices) {
            s << "INSERT OR REPLACE INTO notices (id, category, category_title, title, body,"
                 " author, valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                useRef(n.id), useRef(n.category), useRef(n.categoryTitle), useRef(n.title),
                useRef(n.body), useRef(n.author), useRef(n.validFrom), useRef(n.validUntil), now;
        }
        s << "DELETE FROM notices WHERE valid_until <= ?", useRef(at), now;
        s << "DELETE FROM voters", now;
        for (const auto& [hash, voter] : c.voters) {
            s << "INSERT OR REPLACE INTO voters (phone_hash, voter_id) VALUES (?, ?)", useRef(hash),
                useRef(voter), now;
        }
    });
}

std::vector<Notice> KioskStore::notices(Millis at) const {
    std::vector<NoticeRow> rows;
    read([&](Poco::Data::Session& s) {
        s << "SELECT id, category, category_title, title, body, author, valid_from, valid_until"
             " FROM notices WHERE valid_from <= ? AND valid_until > ?"
             " ORDER BY category = 'emergency' DESC, valid_from DESC, id",
            useRef(at), useRef(at), into(rows), now;
    });
    std::vector<Notice> notices;
    notices.reserve(rows.size());
    for (const NoticeRow& r : rows) {
        notices.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(),
                           r.get<6>(), r.get<7>()});
    }
    return notices;
}

std::string KioskStore::assembliesJson() const {
    return meta("assemblies").value_or("[]");
}

std::string KioskStore::pollsJson() const {
    return meta("polls").value_or("[]");
}

std::optional<std::string> KioskStore::voterOf(const std::string& phoneHash) const {
    std::vector<std::string> voters;
    read([&](Poco::Data::Session& s) {
        s << "SELECT voter_id FROM voters WHERE phone_hash = ?", useRef(phoneHash), into(voters),
            now;
    });
    if (voters.empty()) {
        return std::nullopt;
    }
    return voters.front();
}

void KioskStore::appendEvent(const Event& e,
                             const std::vector<std::pair<std::string, std::string>>& marks) {
    try {
        write([&](Poco::Data::Session& s) {
            s << "INSERT INTO events (id, type, at, data) VALUES (?, ?, ?, ?)", useRef(e.id),
                useRef(e.type), useRef(e.at), useRef(e.data), now;
            for (const auto& [kind, key] : marks) {
                s << "INSERT INTO marks (kind, key, event_id) VALUES (?, ?, ?)", useRef(kind),
                    useRef(key), useRef(e.id), now;
            }
        });
    } catch (const Poco::Data::SQLite::ConstraintViolationException&) {
        throw AlreadyDone("the event or one of its marks is stored already");
    }
}

void KioskStore::appendEventSettingMeta(const Event& e, const std::string& key,
                                        const std::string& value) {
    write([&](Poco::Data::Session& s) {
        s << "INSERT INTO events (id, type, at, data) VALUES (?, ?, ?, ?)", useRef(e.id),
            useRef(e.type), useRef(e.at), useRef(e.data), now;
        s << "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", useRef(key), useRef(value),
            now;
    });
}

bool KioskStore::hasMark(const std::string& kind, const std::string& key) const {
    Poco::Int64 count = 0;
    read([&](Poco::Data::Session& s) {
        s << "SELECT COUNT(*) FROM marks WHERE kind = ? AND key = ?", useRef(kind), useRef(key),
            into(count), now;
    });
    return count > 0;
}

std::vector<Event> KioskStore::pendingEvents(int max) const {
    std::vector<EventRow> rows;
    read([&](Poco::Data::Session& s) {
        s << "SELECT id, type, at, data, error FROM events WHERE error IS NULL"
             " ORDER BY type = 'alarm' DESC, seq LIMIT ?",
            useRef(max), into(rows), now;
    });
    return eventsOf(rows);
}

std::vector<Event> KioskStore::rejectedEvents(int max) const {
    std::vector<EventRow> rows;
    read([&](Poco::Data::Session& s) {
        s << "SELECT id, type, at, data, error FROM events WHERE error IS NOT NULL ORDER BY seq"
             " LIMIT ?",
            useRef(max), into(rows), now;
    });
    return eventsOf(rows);
}

void KioskStore::settle(const std::vector<std::string>& stored,
                        const std::vector<std::pair<std::string, std::string>>& rejected) {
    write([&](Poco::Data::Session& s) {
        for (const std::string& id : stored) {
            s << "DELETE FROM events WHERE id = ?", useRef(id), now;
        }
        for (const auto& [id, error] : rejected) {
            s << "UPDATE events SET error = ? WHERE id = ?", useRef(error), useRef(id), now;
            // What the hub refused was not done: the resident may do it again.
            s << "DELETE FROM marks WHERE event_id = ?", useRef(id), now;
        }
    });
}

long KioskStore::pendingCount() const {
    Poco::Int64 count = 0;
    read([&](Poco::Data::Session& s) {
        s << "SELECT COUNT(*) FROM events WHERE error IS NULL", into(count), now;
    });
    return static_cast<long>(count);
}

void KioskStore::trimPending(const std::string& type, int keep) {
    write([&](Poco::Data::Session& s) {
        s << "DELETE FROM events WHERE type = ? AND error IS NULL AND seq NOT IN"
             " (SELECT seq FROM events WHERE type = ? AND error IS NULL ORDER BY seq DESC"
             " LIMIT ?)",
            useRef(type), useRef(type), useRef(keep), now;
    });
}

long KioskStore::rejectedCount() const {
    Poco::Int64 count = 0;
    read([&](Poco::Data::Session& s) {
        s << "SELECT COUNT(*) FROM events WHERE error IS NOT NULL", into(count), now;
    });
    return static_cast<long>(count);
}

}  // namespace veche::kiosk
