#include "veche/hub/store/kiosk_store.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <map>
#include <sstream>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

template <typename T>
std::optional<T> optionalOf(const Poco::Nullable<T>& value) {
    return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

// Poco 1.11 cannot bind a Nullable: an unknown reading is bound as this and
// made NULL by NULLIF(…, -1000) in the SQL (checked readings are all far above).
constexpr int kUnknown = -1000;

int orUnknown(const std::optional<bool>& value) {
    return value ? (*value ? 1 : 0) : kUnknown;
}

template <typename T>
T orUnknown(const std::optional<T>& value) {
    return value.value_or(static_cast<T>(kUnknown));
}

// Settings as kept in a TEXT column: a JSON object of strings.
std::string settingsJson(const KioskSettings& settings) {
    Poco::JSON::Object o;
    for (const auto& [key, value] : settings) {
        o.set(key, value);
    }
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

KioskSettings settingsOf(const std::string& json) {
    const auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    KioskSettings out;
    for (const auto& [key, value] : *o) {
        out[key] = value.toString();
    }
    return out;
}

// Makes the event its kiosk's most recently received one, unless one was
// received later.
void keepReceived(Poco::Data::Session& s, const std::string& kioskId, Millis at,
                  Millis receivedAt) {
    s << "INSERT INTO kiosk_health (kiosk_id, last_event_at, last_received_at) "
         "VALUES ($1, $2, $3) ON CONFLICT (kiosk_id) DO UPDATE SET "
         "last_event_at = excluded.last_event_at, last_received_at = excluded.last_received_at "
         "WHERE kiosk_health.last_received_at IS NULL OR "
         "kiosk_health.last_received_at <= excluded.last_received_at",
        useRef(kioskId), useRef(at), useRef(receivedAt), now;
}

// Replaces the kiosk's telemetry unless a later one is kept. Its health row
// exists (keepReceived made it).
void keepTelemetry(Poco::Data::Session& s, const KioskEvent& e, const KioskReadings& r) {
    const double temperature = orUnknown(r.temperatureC);
    const int mains = orUnknown(r.mains);
    const double battery = orUnknown(r.batteryPercent);
    const int degraded = orUnknown(r.degraded);
    const int signal = orUnknown(r.modemSignalPercent);
    const int offline = orUnknown(r.devicesOffline);
    s << "UPDATE kiosk_health SET telemetry_at = $1, telemetry = $2, "
         "temperature_c = NULLIF($3, -1000.0), mains = NULLIF($4, -1000), "
         "battery_percent = NULLIF($5, -1000.0), degraded = NULLIF($6, -1000), "
         "modem_signal_percent = NULLIF($7, -1000), devices_offline = NULLIF($8, -1000) "
         "WHERE kiosk_id = $9 AND (telemetry_at IS NULL OR telemetry_at <= $10)",
        useRef(e.at), useRef(e.payload), useRef(temperature), useRef(mains), useRef(battery),
        useRef(degraded), useRef(signal), useRef(offline), useRef(e.kioskId), useRef(e.at), now;
}

// Sets the alarm's state unless a later event set it; a raise of an alarm
// already raised keeps when it was first raised.
void keepAlarm(Poco::Data::Session& s, const KioskEvent& e, const KioskAlarmChange& a) {
    const bool raised = a.state == "raised";
    const std::string sql =
        raised ? "INSERT INTO kiosk_alarms (kiosk_id, alarm, subject, state, raised_at, "
                 "changed_at, detail) VALUES ($1, $2, $3, 'raised', $4, $5, $6) "
                 "ON CONFLICT (kiosk_id, alarm, subject) DO UPDATE SET "
                 "raised_at = CASE WHEN kiosk_alarms.state = 'raised' THEN kiosk_alarms.raised_at "
                 "ELSE excluded.raised_at END, "
                 "state = 'raised', changed_at = excluded.changed_at, detail = excluded.detail "
                 "WHERE kiosk_alarms.changed_at <= excluded.changed_at"
               : "INSERT INTO kiosk_alarms (kiosk_id, alarm, subject, state, raised_at, "
                 "changed_at, detail) VALUES ($1, $2, $3, 'cleared', NULL, $4, $5) "
                 "ON CONFLICT (kiosk_id, alarm, subject) DO UPDATE SET "
                 "state = 'cleared', changed_at = excluded.changed_at, detail = excluded.detail "
                 "WHERE kiosk_alarms.changed_at <= excluded.changed_at";
    Poco::Data::Statement upsert(s);
    upsert << sql, useRef(e.kioskId), useRef(a.alarm), useRef(a.subject);
    if (raised) {
        upsert, useRef(e.at);
    }
    upsert, useRef(e.at), useRef(a.detail);
    upsert.execute();
    s << "INSERT INTO kiosk_alarm_events (event_id, kiosk_id, at, alarm, subject, state, detail) "
         "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        useRef(e.id), useRef(e.kioskId), useRef(e.at), useRef(a.alarm), useRef(a.subject),
        useRef(a.state), useRef(a.detail), now;
}

// The WHERE clause of `first` (a fixed condition, if any) and of each member
// `filter` sets, with the values its placeholders take in order.
std::pair<std::string, std::vector<std::string>> whereOf(const KioskFilter& filter,
                                                         const std::string& first = "") {
    std::vector<std::string> conditions;
    std::vector<std::string> values;
    if (!first.empty()) {
        conditions.push_back(first);
    }
    if (!filter.kioskId.empty()) {
        values.push_back(filter.kioskId);
        conditions.push_back("k.id = $" + std::to_string(values.size()));
    }
    if (!filter.buildingId.empty()) {
        values.push_back(filter.buildingId);
        conditions.push_back("k.building_id = $" + std::to_string(values.size()));
    }
    std::string where;
    for (const std::string& c : conditions) {
        where += (where.empty() ? " WHERE " : " AND ") + c;
    }
    return {where, values};
}

// The raised alarms of the kiosks `filter` matches, with their kiosk's id.
std::vector<std::pair<std::string, KioskAlarm>> openAlarms(Poco::Data::Session& s,
                                                           const KioskFilter& filter) {
    std::vector<Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<Poco::Int64>,
                            Poco::Int64, std::string>>
        rows;
    const auto [where, values] = whereOf(filter, "a.state = 'raised'");
    Poco::Data::Statement select(s);
    select << "SELECT a.kiosk_id, a.alarm, a.subject, a.raised_at, a.changed_at, a.detail "
              "FROM kiosk_alarms a JOIN kiosks k ON k.id = a.kiosk_id" +
                  where + " ORDER BY a.kiosk_id, a.alarm, a.subject",
        into(rows);
    for (const std::string& v : values) {
        select, useRef(v);
    }
    select.execute();
    std::vector<std::pair<std::string, KioskAlarm>> out;
    for (const auto& r : rows) {
        out.emplace_back(r.get<0>(), KioskAlarm{r.get<1>(), r.get<2>(), "raised",
                                                optionalOf(r.get<3>()), r.get<4>(), r.get<5>()});
    }
    return out;
}

using HealthRow =
    Poco::Tuple<std::string, std::string, std::string, Poco::Int64, Poco::Nullable<Poco::Int64>,
                Poco::Nullable<Poco::Int64>, std::string, Poco::Nullable<Poco::Int64>,
                Poco::Nullable<Poco::Int64>, Poco::Nullable<Poco::Int64>,
                Poco::Nullable<std::string>, Poco::Nullable<double>, Poco::Nullable<int>,
                Poco::Nullable<double>, Poco::Nullable<int>, Poco::Nullable<int>,
                Poco::Nullable<int>, std::string, Poco::Nullable<std::string>>;

std::optional<bool> flagOf(const Poco::Nullable<int>& value) {
    return value.isNull() ? std::nullopt : std::optional<bool>(value.value() != 0);
}

KioskHealth healthOf(const HealthRow& r) {
    KioskHealth h;
    h.kiosk.id = r.get<0>();
    h.kiosk.buildingId = r.get<1>();
    h.kiosk.name = r.get<2>();
    h.kiosk.enrolledAt = r.get<3>();
    h.kiosk.revokedAt = optionalOf(r.get<4>());
    h.kiosk.lastSeenAt = optionalOf(r.get<5>());
    h.address = r.get<6>();
    h.lastEventAt = optionalOf(r.get<7>());
    h.lastReceivedAt = optionalOf(r.get<8>());
    h.telemetryAt = optionalOf(r.get<9>());
    h.telemetry = r.get<10>().isNull() ? "" : r.get<10>().value();
    h.readings.temperatureC = optionalOf(r.get<11>());
    h.readings.mains = flagOf(r.get<12>());
    h.readings.batteryPercent = optionalOf(r.get<13>());
    h.readings.degraded = flagOf(r.get<14>());
    h.readings.modemSignalPercent = optionalOf(r.get<15>());
    h.readings.devicesOffline = optionalOf(r.get<16>());
    h.kiosk.settings = settingsOf(r.get<17>());
    h.kiosk.replacedBy = optionalOf(r.get<18>());
    return h;
}

}  // namespace

void KioskStore::addEnrolmentCode(const std::string& codeHash, const EnrolmentTerms& terms,
                                  Millis at, Millis expiresAt) {
    const std::string settings = settingsJson(terms.settings);
    db_.session() << "INSERT INTO enrolment_codes (code_hash, building_id, created_at, expires_at, "
                     "settings, replaces) VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''))",
        useRef(codeHash), useRef(terms.buildingId), useRef(at), useRef(expiresAt), useRef(settings),
        useRef(terms.replaces), now;
}

std::optional<EnrolmentTerms> KioskStore::usableCode(const std::string& codeHash, Millis at) {
    EnrolmentTerms terms;
    std::string settings;
    Poco::Nullable<std::string> replaces;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT building_id, settings, replaces FROM enrolment_codes "
              "WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2",
        useRef(codeHash), useRef(at), into(terms.buildingId), into(settings), into(replaces);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    terms.settings = settingsOf(settings);
    terms.replaces = replaces.isNull() ? "" : replaces.value();
    return terms;
}

std::optional<std::string> KioskStore::kioskEnrolledWith(const std::string& codeHash) {
    Poco::Nullable<std::string> kioskId;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT kiosk_id FROM enrolment_codes WHERE code_hash = $1 AND used_at IS NOT NULL",
        useRef(codeHash), into(kioskId);
    if (select.execute() == 0 || kioskId.isNull()) {
        return std::nullopt;
    }
    return kioskId.value();
}

Enrolment KioskStore::enrol(const std::string& codeHash, const Kiosk& kiosk, Millis at) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    Poco::Data::Statement use(s);
    use << "UPDATE enrolment_codes SET used_at = $1, kiosk_id = $2 "
           "WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $4",
        useRef(at), useRef(kiosk.id), useRef(codeHash), useRef(at);
    if (use.execute() == 0) {
        return {};
    }
    Enrolment e{EnrolOutcome::Enrolled, {}};
    std::string settings;
    Poco::Nullable<std::string> replaces;
    s << "SELECT building_id, settings, replaces FROM enrolment_codes WHERE code_hash = $1",
        useRef(codeHash), into(e.terms.buildingId), into(settings), into(replaces), now;
    e.terms.settings = settingsOf(settings);
    e.terms.replaces = replaces.isNull() ? "" : replaces.value();
    s << "INSERT INTO kiosks (id, building_id, public_key, name, enrolled_at, settings) "
         "VALUES ($1, $2, $3, $4, $5, $6)",
        useRef(kiosk.id), useRef(e.terms.buildingId), useRef(kiosk.publicKey), useRef(kiosk.name),
        useRef(at), useRef(settings), now;
    s << "INSERT INTO kiosk_keys (kiosk_id, public_key, valid_from) VALUES ($1, $2, $3)",
        useRef(kiosk.id), useRef(kiosk.publicKey), useRef(at), now;
    if (!e.terms.replaces.empty()) {
        Poco::Data::Statement replace(s);
        replace << "UPDATE kiosks SET revoked_at = COALESCE(revoked_at, $1), replaced_by = $2 "
                   "WHERE id = $3 AND replaced_by IS NULL",
            useRef(at), useRef(kiosk.id), useRef(e.terms.replaces);
        if (replace.execute() == 0) {
            return {EnrolOutcome::AlreadyReplaced, e.terms};  // rolled back
        }
    }
    tx.commit();
    return e;
}

std::optional<Kiosk> KioskStore::get(const std::string& id) {
    Kiosk k;
    Poco::Nullable<Poco::Int64> revoked, seen;
    Poco::Nullable<std::string> replacedBy;
    std::string settings;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT id, building_id, public_key, name, enrolled_at, revoked_at, last_seen_at, "
              "settings, replaced_by FROM kiosks WHERE id = $1",
        useRef(id), into(k.id), into(k.buildingId), into(k.publicKey), into(k.name),
        into(k.enrolledAt), into(revoked), into(seen), into(settings), into(replacedBy);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    k.revokedAt = optionalOf(revoked);
    k.lastSeenAt = optionalOf(seen);
    k.settings = settingsOf(settings);
    k.replacedBy = optionalOf(replacedBy);
    return k;
}

bool KioskStore::revoke(const std::string& id, Millis at) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE kiosks SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", useRef(at),
        useRef(id);
    return update.execute() > 0;
}

std::vector<KioskKey> KioskStore::keys(const std::string& kioskId) {
    std::vector<Poco::Tuple<std::string, Poco::Int64, Poco::Nullable<Poco::Int64>>> rows;
    db_.session() << "SELECT public_key, valid_from, replaced_at FROM kiosk_keys "
                     "WHERE kiosk_id = $1 ORDER BY "
                     "CASE WHEN replaced_at IS NULL THEN 1 ELSE 0 END, replaced_at, valid_from",
        useRef(kioskId), into(rows), now;
    std::vector<KioskKey> out;
    for (const auto& r : rows) {
        out.push_back({r.get<0>(), r.get<1>(), optionalOf(r.get<2>())});
    }
    return out;
}

std::vector<std::string> KioskStore::keysReplacedAfter(const std::string& kioskId, Millis since) {
    std::vector<std::string> keys;
    db_.session() << "SELECT public_key FROM kiosk_keys "
                     "WHERE kiosk_id = $1 AND replaced_at IS NOT NULL AND replaced_at > $2",
        useRef(kioskId), useRef(since), into(keys), now;
    return keys;
}

bool KioskStore::rotateKey(const std::string& kioskId, const std::string& from,
                           const std::string& to, Millis at) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    Poco::Data::Statement swap(s);
    swap << "UPDATE kiosks SET public_key = $1 "
            "WHERE id = $2 AND public_key = $3 AND revoked_at IS NULL",
        useRef(to), useRef(kioskId), useRef(from);
    if (swap.execute() == 0) {
        return false;
    }
    s << "UPDATE kiosk_keys SET replaced_at = $1 "
         "WHERE kiosk_id = $2 AND public_key = $3 AND replaced_at IS NULL",
        useRef(at), useRef(kioskId), useRef(from), now;
    s << "INSERT INTO kiosk_keys (kiosk_id, public_key, valid_from) VALUES ($1, $2, $3)",
        useRef(kioskId), useRef(to), useRef(at), now;
    tx.commit();
    return true;
}

bool KioskStore::useNonce(const std::string& kioskId, const std::string& nonce, Millis at,
                          Millis forgetBefore) {
    Poco::Data::Session s = db_.session();
    // A nonce lost in a crash only lets a request be replayed that would change
    // nothing: pushes are idempotent by event id, and changes only read.
    WriteTransaction tx(s, db_, Durability::Relaxed);
    s << "DELETE FROM kiosk_nonces WHERE kiosk_id = $1 AND seen_at < $2", useRef(kioskId),
        useRef(forgetBefore), now;
    Poco::Data::Statement add(s);
    add << "INSERT INTO kiosk_nonces (kiosk_id, nonce, seen_at) VALUES ($1, $2, $3) "
           "ON CONFLICT (kiosk_id, nonce) DO NOTHING",
        useRef(kioskId), useRef(nonce), useRef(at);
    const bool fresh = add.execute() > 0;
    s << "UPDATE kiosks SET last_seen_at = $1 WHERE id = $2", useRef(at), useRef(kioskId), now;
    tx.commit();
    return fresh;
}

std::optional<KioskStore::StoredEvent> KioskStore::event(const std::string& id) {
    StoredEvent e;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT kiosk_id, type, payload FROM kiosk_events WHERE id = $1", useRef(id),
        into(e.kioskId), into(e.type), into(e.payload);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    return e;
}

EventOutcome KioskStore::addEvent(const KioskEvent& e) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    Poco::Data::Statement add(s);
    add << "INSERT INTO kiosk_events (id, kiosk_id, type, at, payload, received_at) "
           "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        useRef(e.id), useRef(e.kioskId), useRef(e.type), useRef(e.at), useRef(e.payload),
        useRef(e.receivedAt);
    if (add.execute() > 0) {
        keepReceived(s, e.kioskId, e.at, e.receivedAt);
        if (e.telemetry) {
            keepTelemetry(s, e, *e.telemetry);
        }
        if (e.alarm) {
            keepAlarm(s, e, *e.alarm);
        }
        tx.commit();
        return EventOutcome::Stored;
    }
    std::string storedType, storedPayload, storedKiosk;
    s << "SELECT kiosk_id, type, payload FROM kiosk_events WHERE id = $1", useRef(e.id),
        into(storedKiosk), into(storedType), into(storedPayload), now;
    return storedKiosk == e.kioskId && storedType == e.type && storedPayload == e.payload
               ? EventOutcome::AlreadyStored
               : EventOutcome::Conflict;
}

void KioskStore::noteReceived(const std::string& kioskId, Millis at, Millis receivedAt) {
    Poco::Data::Session s = db_.session();
    keepReceived(s, kioskId, at, receivedAt);
}

std::vector<KioskHealth> KioskStore::health(const KioskFilter& filter) {
    Poco::Data::Session s = db_.session();
    std::vector<HealthRow> rows;
    const auto [where, values] = whereOf(filter);
    Poco::Data::Statement select(s);
    select << "SELECT k.id, k.building_id, k.name, k.enrolled_at, k.revoked_at, k.last_seen_at, "
              "b.address, h.last_event_at, h.last_received_at, h.telemetry_at, h.telemetry, "
              "h.temperature_c, h.mains, h.battery_percent, h.degraded, h.modem_signal_percent, "
              "h.devices_offline, k.settings, k.replaced_by FROM kiosks k JOIN buildings b ON b.id "
              "= k.building_id "
              "LEFT JOIN kiosk_health h ON h.kiosk_id = k.id" +
                  where + " ORDER BY k.building_id, k.name, k.id",
        into(rows);
    for (const std::string& v : values) {
        select, useRef(v);
    }
    select.execute();
    std::vector<KioskHealth> out;
    std::map<std::string, std::size_t> byId;
    for (const HealthRow& r : rows) {
        byId[r.get<0>()] = out.size();
        out.push_back(healthOf(r));
    }
    for (auto& [kioskId, alarm] : openAlarms(s, filter)) {
        if (const auto found = byId.find(kioskId); found != byId.end()) {
            out[found->second].openAlarms.push_back(std::move(alarm));
        }
    }
    return out;
}

std::vector<KioskAlarmRecord> KioskStore::alarmHistory(const std::string& kioskId, int limit) {
    std::vector<
        Poco::Tuple<std::string, Poco::Int64, std::string, std::string, std::string, std::string>>
        rows;
    db_.session() << "SELECT event_id, at, alarm, subject, state, detail FROM kiosk_alarm_events "
                     "WHERE kiosk_id = $1 ORDER BY at DESC, event_id DESC LIMIT $2",
        useRef(kioskId), useRef(limit), into(rows), now;
    std::vector<KioskAlarmRecord> out;
    for (const auto& r : rows) {
        out.push_back({r.get<0>(), r.get<1>(), {r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>()}});
    }
    return out;
}

}  // namespace veche::hub
