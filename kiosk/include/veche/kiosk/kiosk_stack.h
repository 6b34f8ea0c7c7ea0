#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "veche/hardware/cabinet_monitor.h"
#include "veche/kiosk/backend.h"
#include "veche/kiosk/cabinet_recorder.h"
#include "veche/kiosk/enrolment.h"
#include "veche/kiosk/paper_entry.h"
#include "veche/modem/pool.h"
#include "veche/modem/worker_modem.h"

namespace veche::kiosk {

struct KioskStackOptions {
    std::string stateDir;  // kiosk.sqlite lives here
    provisioning::HubAddress hub;
    std::string name = "Киоск";  // how staff see the kiosk at the hub, if enrolled again
    // The GSM modem, in its own veche-modem-worker process; none: codes go
    // through the hub.
    std::optional<modem::WorkerModemOptions> modem;
    SyncOptions sync;
    modem::PoolOptions pool;
    // The cabinet's Modbus I/O (docs/hardware.md); none: no hardware watched.
    std::optional<hardware::CabinetConfig> cabinet;
};

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
    // The staff screen's «Подключить заново», on this kiosk's store. The
    // sync and the cabinet pause while it runs and stay stopped once the
    // kiosk is enrolled again: then only a new stack runs the new identity.
    KioskReenrolment& reenrolment() { return *reenrolment_; }
    // The staff screen's paper ballot entry, through this kiosk's link.
    KioskPaperEntry& paperEntry() { return *paperEntry_; }

private:
    void pauseIdentity();        // the sync and the cabinet stop
    void resumeIdentity();       // … and start again, when the stack was started
    void pauseIdentityLocked();  // with lifecycle_ held
    void resumeIdentityLocked();

    KioskStackOptions options_;
    Environment env_;
    std::unique_ptr<KioskStore> store_;
    std::unique_ptr<KioskSmsOutbox> outbox_;
    std::unique_ptr<HubLink> link_;
    std::unique_ptr<SyncClient> sync_;
    std::unique_ptr<HubPaperEntry> paperEntry_;
    // The pool is the modem's listener: it is made first and goes last.
    std::unique_ptr<modem::SmsPool> pool_;
    std::unique_ptr<modem::Modem> modem_;
    std::unique_ptr<KioskCodes> codes_;
    std::unique_ptr<KioskBackend> backend_;
    std::unique_ptr<KioskReenrolment> reenrolment_;
    std::mutex lifecycle_;  // start, stop, pause and resume, one at a time
    bool started_ = false;
    std::unique_ptr<KioskCabinetRecorder> cabinetRecorder_;
    std::unique_ptr<hardware::CabinetMonitor> cabinet_;  // stops before what it writes to
};

}  // namespace veche::kiosk
