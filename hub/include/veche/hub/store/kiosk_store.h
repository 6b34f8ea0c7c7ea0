#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

enum class EventOutcome { Stored, AlreadyStored, Conflict };

// What a telemetry event says of a kiosk's hardware (docs/kiosk-sync.md); a
// reading the kiosk did not send is nullopt.
struct KioskReadings {
    std::optional<double> temperatureC;
    std::optional<bool> mains;
    std::optional<double> batteryPercent;
    std::optional<bool> degraded;
    std::optional<int> modemSignalPercent;  // -1 when the modem does not know
    std::optional<int> devicesOffline;      // of the devices the event lists

    bool operator==(const KioskReadings&) const = default;
};

// An alarm raised or cleared on a kiosk, as its alarm event says.
struct KioskAlarmChange {
    std::string alarm;    // tamper, door_open, … or a kind newer than this hub
    std::string subject;  // the device, for device_offline; otherwise ""
    std::string state;    // raised or cleared
    std::string detail;

    bool operator==(const KioskAlarmChange&) const = default;
};

// An event a kiosk pushed, with what it says of the kiosk's health.
struct KioskEvent {
    std::string id;
    std::string kioskId;
    std::string type;
    Millis at = 0;        // when it happened, by the kiosk's clock
    std::string payload;  // its data, as JSON text
    Millis receivedAt = 0;
    std::optional<KioskReadings> telemetry;  // for type telemetry
    std::optional<KioskAlarmChange> alarm;   // for type alarm
};

// One alarm of a kiosk, in the state its latest event left it.
struct KioskAlarm {
    std::string alarm;
    std::string subject;
    std::string state;
    std::optional<Millis> raisedAt;  // when it was last raised
    Millis changedAt = 0;            // the time of the event that set the state
    std::string detail;
};

// A kiosk and what the hub knows of its health.
struct KioskHealth {
    Kiosk kiosk;
    std::string address;                   // of its building
    std::optional<Millis> lastEventAt;     // the most recently received event's time
    std::optional<Millis> lastReceivedAt;  // and when the hub received it
    std::optional<Millis> telemetryAt;     // the latest telemetry event's time
    std::string telemetry;                 // its data as sent; "" when none came
    KioskReadings readings;                // of that telemetry
    std::vector<KioskAlarm> openAlarms;    // raised and not cleared since, by alarm and subject
};

// An alarm event as it came, for a kiosk's history.
struct KioskAlarmRecord {
    std::string eventId;
    Millis at = 0;
    KioskAlarmChange change;
};

// Which kiosks to read; an empty member matches any.
struct KioskFilter {
    std::string kioskId;
    std::string buildingId;
};

// What a one-time enrolment code enrols a kiosk as.
struct EnrolmentTerms {
    std::string buildingId;
    KioskSettings settings;
    std::string replaces;  // the kiosk a replacement code takes the place of; "" for none
};

enum class EnrolOutcome {
    Enrolled,
    UnusableCode,     // unknown, used or expired
    AlreadyReplaced,  // a replacement code whose kiosk another one replaced first
};

// An enrolment as it ended, with the terms of its code when Enrolled.
struct Enrolment {
    EnrolOutcome outcome = EnrolOutcome::UnusableCode;
    EnrolmentTerms terms;
};

// A public key a kiosk has had: current from `validFrom` until `replacedAt`.
struct KioskKey {
    std::string publicKey;
    Millis validFrom = 0;
    std::optional<Millis> replacedAt;  // nullopt for the current key
};

// Kiosks, their one-time enrolment codes, their keys, the nonces of their
// signed requests, the events they push and what those say of their health.
class KioskStore {
public:
    explicit KioskStore(Database& db) : db_(db) {}

    void addEnrolmentCode(const std::string& codeHash, const EnrolmentTerms& terms, Millis at,
                          Millis expiresAt);

    // The terms of a code that is known, unused and not expired at `at`.
    std::optional<EnrolmentTerms> usableCode(const std::string& codeHash, Millis at);

    // The kiosk a used code enrolled, if any.
    std::optional<std::string> kioskEnrolledWith(const std::string& codeHash);

    // Uses the code for `kiosk` in one transaction: stores the kiosk with the
    // code's building and settings (whatever `kiosk` says of them) and its key
    // as the first of its key history, and for a replacement code revokes the
    // kiosk replaced (keeping an earlier revocation's time) and marks it
    // replaced by this one. Stores nothing unless the outcome is Enrolled.
    Enrolment enrol(const std::string& codeHash, const Kiosk& kiosk, Millis at);

    std::optional<Kiosk> get(const std::string& id);
    bool revoke(const std::string& id, Millis at);

    // Every key the kiosk has had, oldest first: those replaced by when they
    // were, then the current one.
    std::vector<KioskKey> keys(const std::string& kioskId);

    // The kiosk's keys replaced after `since` (so still in their grace period).
    std::vector<std::string> keysReplacedAfter(const std::string& kioskId, Millis since);

    // Makes `to` the kiosk's current key at `at` and `from`, which must be the
    // current one, its previous (replaced at `at`), in one transaction. False,
    // changing nothing, when `from` is no longer the current key (another
    // rotation came first) or the kiosk is revoked.
    bool rotateKey(const std::string& kioskId, const std::string& from, const std::string& to,
                   Millis at);

    // Records a request's nonce; false when it was seen before (a replay).
    // Forgets nonces seen before `forgetBefore`.
    bool useNonce(const std::string& kioskId, const std::string& nonce, Millis at,
                  Millis forgetBefore);

    // The event stored under an id, if any.
    struct StoredEvent {
        std::string kioskId;
        std::string type;
        std::string payload;
    };
    std::optional<StoredEvent> event(const std::string& id);

    // Stores `event` under its id; a repeat of the same payload is
    // AlreadyStored, another payload under the id a Conflict, and neither
    // changes anything. A new event (Stored) records in the same transaction
    // what it says of its kiosk: it is the kiosk's most recently received
    // event, and its telemetry or alarm state replaces the kept one unless
    // that came from an event with a later `at`, so events arriving out of
    // order end in the state of the latest.
    EventOutcome addEvent(const KioskEvent& event);

    // Records an event stored elsewhere (a ballot) as the kiosk's most
    // recently received one.
    void noteReceived(const std::string& kioskId, Millis at, Millis receivedAt);

    // The kiosks `filter` matches with their health, by building, name and id.
    // Two queries, however many kiosks.
    std::vector<KioskHealth> health(const KioskFilter& filter);

    // A kiosk's last `limit` alarm events, newest first (by their time, then id).
    std::vector<KioskAlarmRecord> alarmHistory(const std::string& kioskId, int limit);

private:
    Database& db_;
};

}  // namespace veche::hub
