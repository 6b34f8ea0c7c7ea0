#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "veche/kiosk/store.h"
#include "veche/provisioning/hub_client.h"

namespace veche::kiosk {

// Who the kiosk is to the hub, kept in its store after enrolment.
struct KioskIdentity {
    std::string kioskId;
    std::string buildingId;
    std::string privateKey;  // base64 Ed25519; never leaves the kiosk (key_file.h)
};

// The identity in `store` and its key file, if the kiosk was enrolled. A key
// an older version kept in the store is moved to the key file first.
std::optional<KioskIdentity> identityIn(KioskStore& store);

// The hub said no to an enrolment: `status`, the error's `code`
// (invalid_code, wrong_building…, docs/kiosk-sync.md) and its `message`.
struct EnrolmentRefused : std::runtime_error {
    EnrolmentRefused(int httpStatus, std::string errorCode, std::string hubMessage);
    int status;
    std::string code;
    std::string message;
};

// The hub could not be reached at all.
struct HubUnreachable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A kiosk enrolled already still has `count` events the hub has not taken:
// a new identity would strand them, so it is not taken.
struct EventsPending : std::runtime_error {
    explicit EventsPending(long pending);
    // What staff are told, in Russian: wait for the sync and try again.
    std::string staffText() const;
    long count;
};

// Makes a key pair (or takes the one an enrolment whose reply was lost
// kept), enrols with the one-time `code` (for `buildingId`, when
// given: the hub refuses a code of another building) and keeps the identity
// in `store`, the key in its key file, the settings the hub gave in the
// meta "settings" (JSON) and the hub's address in "hub". Throws
// EnrolmentRefused or HubUnreachable, or std::runtime_error when the key
// cannot be written.
KioskIdentity enrol(KioskStore& store, const provisioning::HubAddress& hub, const std::string& code,
                    const std::string& name, const std::string& buildingId = "");

// enrol() for a kiosk that has an identity already: the new one replaces it
// (content starts afresh, a pending key rotation is dropped) only while no
// event waits for the hub, checked before the hub is asked and again in the
// transaction that stores the new identity. Throws EventsPending; when the
// second check fails the hub has enrolled the new key, which is kept, so a
// retry with the same code, once the events are sent, gets the same identity.
KioskIdentity enrolAgain(KioskStore& store, const provisioning::HubAddress& hub,
                         const std::string& code, const std::string& name,
                         const std::string& buildingId = "");

// KioskReenrolment on the kiosk's store (enrolAgain()). A code typed by
// hand goes to `hub`, the hub the kiosk uses now; a scanned label names its
// own.
class StaffReenrolment : public KioskReenrolment {
public:
    StaffReenrolment(KioskStore& store, provisioning::HubAddress hub, std::string name);
    Outcome enrolAgain(const std::string& codeOrLabel) override;

private:
    KioskStore& store_;
    provisioning::HubAddress hub_;
    std::string name_;
};

}  // namespace veche::kiosk
