#include "veche/hub/store/kiosk_store.h"

#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

template <typename T>
std::optional<T> optionalOf(const Poco::Nullable<T>& value) {
    return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

}  // namespace

void KioskStore::addEnrolmentCode(const std::string& codeHash, const std::string& buildingId,
                                  Millis at, Millis expiresAt) {
    db_.session() << "INSERT INTO enrolment_codes (code_hash, building_id, created_at, expires_at) "
                     "VALUES ($1, $2, $3, $4)",
        useRef(codeHash), useRef(buildingId), useRef(at), useRef(expiresAt), now;
}

std::optional<std::string> KioskStore::enrol(const std::string& codeHash, Kiosk kiosk, Millis at) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    Poco::Data::Statement use(s);
    use << "UPDATE enrolment_codes SET used_at = $1, kiosk_id = $2 "
           "WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $4",
        useRef(at), useRef(kiosk.id), useRef(codeHash), useRef(at);
    if (use.execute() == 0) {
        return std::nullopt;
    }
    s << "SELECT building_id FROM enrolment_codes WHERE code_hash = $1", useRef(codeHash),
        into(kiosk.buildingId), now;
    s << "INSERT INTO kiosks (id, building_id, public_key, name, enrolled_at) "
         "VALUES ($1, $2, $3, $4, $5)",
        useRef(kiosk.id), useRef(kiosk.buildingId), useRef(kiosk.publicKey), useRef(kiosk.name),
        useRef(at), now;
    tx.commit();
    return kiosk.buildingId;
}

std::optional<Kiosk> KioskStore::get(const std::string& id) {
    Kiosk k;
    Poco::Nullable<Poco::Int64> revoked, seen;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT id, building_id, public_key, name, enrolled_at, revoked_at, last_seen_at "
              "FROM kiosks WHERE id = $1",
        useRef(id), into(k.id), into(k.buildingId), into(k.publicKey), into(k.name),
        into(k.enrolledAt), into(revoked), into(seen);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    k.revokedAt = optionalOf(revoked);
    k.lastSeenAt = optionalOf(seen);
    return k;
}

bool KioskStore::revoke(const std::string& id, Millis at) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE kiosks SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", useRef(at),
        useRef(id);
    return update.execute() > 0;
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

EventOutcome KioskStore::addEvent(const std::string& id, const std::string& kioskId,
                                  const std::string& type, Millis at, const std::string& payload,
                                  Millis receivedAt) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement add(s);
    add << "INSERT INTO kiosk_events (id, kiosk_id, type, at, payload, received_at) "
           "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        useRef(id), useRef(kioskId), useRef(type), useRef(at), useRef(payload), useRef(receivedAt);
    if (add.execute() > 0) {
        return EventOutcome::Stored;
    }
    std::string storedType, storedPayload, storedKiosk;
    s << "SELECT kiosk_id, type, payload FROM kiosk_events WHERE id = $1", useRef(id),
        into(storedKiosk), into(storedType), into(storedPayload), now;
    return storedKiosk == kioskId && storedType == type && storedPayload == payload
               ? EventOutcome::AlreadyStored
               : EventOutcome::Conflict;
}

}  // namespace veche::hub
