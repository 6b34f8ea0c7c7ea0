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
    KioskSettings settings;  // given to the kiosk that enrols with it
    std::string replaces;    // the kiosk a replacement code replaces; "" for none
};

// What a kiosk sends to enrol.
struct EnrolRequest {
    std::string code;
    std::string publicKey;  // base64 Ed25519
    std::string name;
    std::string buildingId;  // the building it expects; "" when it does not say
};

// A kiosk just enrolled, and its building.
struct EnrolledKiosk {
    Kiosk kiosk;
    Building building;
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

    // A one-time code for enrolling a kiosk into `buildingId` with
    // `settings`, valid 24 hours. Throws ApiError: 404 for an unknown
    // building, 400 naming the setting that breaks the rules (at most 16;
    // keys 1 to 32 of a-z and _; values up to 256 characters).
    EnrolmentCode issueCode(const std::string& buildingId, const KioskSettings& settings = {});

    // A one-time code (as issueCode's) for a kiosk to take the place of
    // `kioskId`, with its building and settings. Throws ApiError: 404 for an
    // unknown kiosk, 409 already_replaced for one another kiosk replaced.
    EnrolmentCode issueReplacement(const std::string& kioskId);

    // Enrols a kiosk with the public key it made, into the code's building
    // with the code's settings; a replacement code revokes the kiosk replaced
    // in the same transaction. Throws ApiError: 400 for a malformed key, 403
    // invalid_code for a code that is unknown, used or expired, 403
    // wrong_building when the request names another building than the code's
    // (the code stays unused), 409 already_replaced when another kiosk
    // replaced the one the code replaces first, 429 after too many refused
    // codes from `clientAddress` in a minute. The same code with the same
    // public key again (a kiosk retrying after its reply was lost) gets the
    // same enrolment back.
    EnrolledKiosk enrol(const EnrolRequest& request, const std::string& clientAddress);

    // Makes `publicKey` the kiosk's current key, keeping its id and all it
    // sent; the previous key still signs for 10 minutes. Idempotent when it
    // is already the current key. Throws ApiError: 400 for a malformed key,
    // 409 key_reused for a key the kiosk had before, 409 rotation_pending
    // while a previous key is still in its grace period.
    void rotateKey(const Kiosk& kiosk, const std::string& publicKey);

    // The kiosk that signed `request`, or ApiError 401 naming why not:
    // unknown or revoked kiosk, stale timestamp, replayed nonce, bad signature
    // (by neither its current key nor one replaced less than 10 minutes ago).
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
    // The enrolment a used code made for `publicKey`, unless it was revoked.
    std::optional<EnrolledKiosk> repeatedEnrolment(const std::string& codeHash,
                                                   const std::string& publicKey);
    // Throws ApiError 429 when `clientAddress` had too many codes refused in
    // the last minute; forgets older refusals.
    void checkAttempts(const std::string& clientAddress, Millis at);
    void noteRefusal(const std::string& clientAddress, Millis at);
    // Stores a new code for `terms`.
    EnrolmentCode storeCode(const EnrolmentTerms& terms);
    // Whether `signature` of `message` is by a key of the kiosk replaced
    // less than the grace period before `at`.
    bool signedByPreviousKey(const std::string& kioskId, const std::string& message,
                             const std::string& signature, Millis at);
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
