#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "veche/hardware/cabinet_monitor.h"
#include "veche/kiosk/backend.h"
#include "veche/kiosk/cabinet_recorder.h"
#include "veche/modem/pool.h"
#include "veche/modem/worker_modem.h"

namespace veche::kiosk {

struct KioskStackOptions {
    std::string stateDir;  // kiosk.sqlite lives here
    provisioning::HubAddress hub;
    // The GSM modem, in its own veche-modem-worker process; none: codes go
    // through the hub.
    std::optional<modem::WorkerModemOptions> modem;
    SyncOptions sync;
    modem::PoolOptions pool;
    // The cabinet's Modbus I/O (docs/hardware.md); none: no hardware watched.
    std::optional<hardware::CabinetConfig> cabinet;
};

// Who the kiosk is to the hub, kept in its store after enrolment.
struct KioskIdentity {
    std::string kioskId;
    std::string buildingId;
    std::string privateKey;  // base64 Ed25519; never leaves the kiosk (key_file.h)
};

// The identity in `store` and its key file, if the kiosk was enrolled. A key
// an older version kept in the store is moved to the key file first.
std::optional<KioskIdentity> identityIn(KioskStore& store);

// The hub said no to an enrolment: `status` and the error's `code`
// (invalid_code, wrong_building…, docs/kiosk-sync.md).
struct EnrolmentRefused : std::runtime_error {
    EnrolmentRefused(int httpStatus, std::string errorCode, const std::string& message);
    int status;
    std::string code;
};

// The hub could not be reached at all.
struct HubUnreachable : std::runtime_error {
    using std::runtime_error::runtime_error;
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

// Everything behind the screens of an enrolled kiosk, wired: the store, the
// signed link, the sync client, the kiosk's modem in its own worker process
// with the pool draining the kiosk's SMS queue, the codes, the backend and
// the cabinet's monitor.
class KioskStack {
public:
    // Throws std::runtime_error when the store holds no identity.
    KioskStack(KioskStackOptions options, Environment env);
    ~KioskStack();  // stop()

    void start();  // sync, modem and cabinet begin
    void stop();   // idempotent

    KioskStore& store() { return *store_; }
    KioskBackend& backend() { return *backend_; }
    SyncClient& sync() { return *sync_; }
    bool modemUp() const;
    // The cabinet's monitor; null when the kiosk has no cabinet configured.
    hardware::CabinetMonitor* cabinet() { return cabinet_.get(); }

private:
    KioskStackOptions options_;
    Environment env_;
    std::unique_ptr<KioskStore> store_;
    std::unique_ptr<KioskSmsOutbox> outbox_;
    std::unique_ptr<HubLink> link_;
    std::unique_ptr<SyncClient> sync_;
    // The pool is the modem's listener: it is made first and goes last.
    std::unique_ptr<modem::SmsPool> pool_;
    std::unique_ptr<modem::Modem> modem_;
    std::unique_ptr<KioskCodes> codes_;
    std::unique_ptr<KioskBackend> backend_;
    std::unique_ptr<KioskCabinetRecorder> cabinetRecorder_;
    std::unique_ptr<hardware::CabinetMonitor> cabinet_;  // stops before what it writes to
};

}  // namespace veche::kiosk
