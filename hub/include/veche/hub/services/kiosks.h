#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/residents.h"
#include "veche/hub/store/kiosk_store.h"

namespace veche::hub {

struct EnrolmentCode {
    std::string code;  // XXXX-XXXX-XXXX, shown once
    std::string buildingId;
    Millis expiresAt = 0;
};

// A request as a kiosk signed it (docs/kiosk-sync.md).
struct SignedRequest {
    std::string kioskId;
    std::string timestamp;
    std::string nonce;
    std::string signature;
    std::string method;
    std::string pathAndQuery;
    std::string body;
};

// One event pushed by a kiosk. Ballots, events of a resident's phone,
// telemetry and alarms carry their fields; every type is kept as its JSON
// payload too.
struct PushedEvent {
    std::string id;
    std::string type;
    Millis at = 0;
    std::string payload;           // the event's "data", as JSON text
    std::optional<Ballot> ballot;  // for type "ballot"
    std::string phone;             // data.phone, for events of a resident's phone
    std::string kind;              // data.kind, for consents
    std::string textVersion;       // data.text_version, for consents
    std::string action;            // data.action: given or withdrawn, for consents
    std::string premises;          // data.premises, for link requests
    std::string pollId;            // data.poll_id, for poll answers
    int option = -1;               // data.option, for poll answers
    std::string category;          // data.category, for problem reports
    std::string text;              // data.text, for problem reports
    // For types telemetry and alarm: what the data says, or (`malformed`) why
    // it could not be read.
    std::optional<KioskReadings> telemetry;
    std::optional<KioskAlarmChange> alarm;
    std::string malformed;
};

struct EventAck {
    std::string id;
    std::string status;  // stored, already_stored, rejected
    std::string error;   // why, for rejected
};

// What changed for a kiosk since its cursor.
struct KioskChanges {
    Millis cursor = 0;
    Kiosk kiosk;
    Building building;
    Territory territory;
    std::vector<Notice> notices;
    std::vector<Assembly> assemblies;
    std::vector<Poll> polls;  // not yet closed
    // Who may vote offline: signing::phoneHash(salt, phone) of each phone
    // linked to an owner of the building, never the phone itself.
    std::string salt;
    std::vector<std::pair<std::string, std::string>> voterHashes;  // (hash, owner id)
};

// What an operator should make of a kiosk.
enum class KioskStatus { Ok, Attention, Silent, Revoked };
std::string_view nameOf(KioskStatus status);

// The status of a kiosk at `now`: revoked; else silent when it has not been
// seen for more than 15 minutes (or never); else attention when an alarm is
// open or its latest telemetry says degraded; else ok.
KioskStatus statusOf(const KioskHealth& health, Millis now);

// A kiosk as an operator sees it at `at`, the hub's time.
struct KioskOverview {
    KioskHealth health;
    KioskStatus status = KioskStatus::Ok;
    Millis at = 0;
    std::vector<KioskAlarmRecord> alarmHistory;  // newest first; for one kiosk only
};

// The server side of kiosk enrolment and sync.
class KioskService {
public:
    KioskService(Hub& hub, KioskStore& kiosks, const Clock& clock, Random& random);

    // A one-time code for enrolling a kiosk into `buildingId`, valid 24 hours.
    EnrolmentCode issueCode(const std::string& buildingId);

    // Enrols a kiosk with the public key it made. Throws ApiError: 400 for a
    // malformed key, 403 for a code that is unknown, used or expired, 429
    // after too many failed attempts from `clientAddress` in a minute.
    Kiosk enrol(const std::string& code, const std::string& publicKey, const std::string& name,
                const std::string& clientAddress);

    // The kiosk that signed `request`, or ApiError 401 naming why not:
    // unknown or revoked kiosk, stale timestamp, replayed nonce, bad signature.
    Kiosk authenticate(const SignedRequest& request);

    // Stores each event once by its id; ballots go through the hub's one
    // validation, telemetry and alarms are checked (docs/kiosk-sync.md) and
    // kept as the kiosk's health. Acks come back in the order of `events`.
    std::vector<EventAck> push(const Kiosk& kiosk, const std::vector<PushedEvent>& events);

    // Notices changed since `cursor` (with a safety overlap, so the kiosk
    // must upsert by id), the assemblies of its building, and its place.
    KioskChanges changes(const Kiosk& kiosk, Millis cursor);

    bool revoke(const std::string& kioskId);

    // An enrolled kiosk; ApiError 404 when there is none.
    Kiosk kiosk(const std::string& kioskId);

    // Every kiosk, or those of `buildingId` when not empty (ApiError 404 for
    // an unknown building), with its health, now.
    std::vector<KioskOverview> overview(const std::string& buildingId = "");

    // One kiosk with its health and its last 50 alarm events, now; ApiError
    // 404 when there is none.
    KioskOverview overviewOf(const std::string& kioskId);

private:
    // Stores a pushed event that is not a ballot: checks it and applies it
    // first; throws ApiError.
    void storeEvent(const Kiosk& kiosk, const PushedEvent& event);
    // Applies a newly stored event of a resident's phone; throws ApiError.
    void applyResidentEvent(const Kiosk& kiosk, const PushedEvent& event);
    // Sets the ballot's voter to the owner its phone is linked to (`linked`:
    // phone to owner in the kiosk's building); ApiError when there is none.
    std::string phoneHash(const std::string& salt, const std::string& phone);
    void resolveVoter(const Kiosk& kiosk, Ballot& ballot, const std::string& phone,
                      const std::map<std::string, std::string>& linked);

    Hub& hub_;
    KioskStore& kiosks_;
    const Clock& clock_;
    Random& random_;
    std::mutex hashesMutex_;
    // Phone hashes already worked out, by salt + "\n" + phone: each costs
    // milliseconds, and every sync of a building needs all of its phones.
    std::unordered_map<std::string, std::string> phoneHashes_;
    std::mutex failuresMutex_;
    std::map<std::string, std::vector<Millis>> recentFailures_;  // by client address
};

// "k7qm2xpd9r4t" or "K7QM-2XPD-9R4T" → "K7QM2XPD9R4T".
std::string normaliseCode(const std::string& code);

}  // namespace veche::hub
