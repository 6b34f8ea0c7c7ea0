#include "veche/kiosk/kiosk_stack.h"

#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace veche::kiosk {
namespace {

// StaffReenrolment with what acts under the kiosk's identity (sync, the
// cabinet's recorder) paused while it runs, and stopped for good once the
// identity changed: nothing is sent or recorded under the old identity after
// the new one is stored (the old one's refused sync would mark the store
// revoked; its events would carry the old id). After that every attempt is
// refused until the kiosk restarts as the new identity. One attempt at a time.
class PausingReenrolment : public KioskReenrolment {
public:
    PausingReenrolment(StaffReenrolment inner, std::function<void()> pause,
                       std::function<void()> resume)
        : inner_(std::move(inner)), pause_(std::move(pause)), resume_(std::move(resume)) {}

    Outcome enrolAgain(const std::string& codeOrLabel) override {
        std::lock_guard lock(mutex_);
        if (!enrolledAs_.empty()) {
            return {false, "",
                    "Терминал уже подключён заново как " + enrolledAs_ + " и перезапускается."};
        }
        pause_();
        Outcome outcome = inner_.enrolAgain(codeOrLabel);
        if (outcome.enrolled) {
            enrolledAs_ = outcome.kioskId;
        } else {
            resume_();
        }
        return outcome;
    }

private:
    std::mutex mutex_;
    StaffReenrolment inner_;
    std::function<void()> pause_;
    std::function<void()> resume_;
    std::string enrolledAs_;  // the new identity, once enrolled
};

}  // namespace

KioskStack::KioskStack(KioskStackOptions options, Environment env)
    : options_(std::move(options)), env_(std::move(env)) {
    std::filesystem::create_directories(options_.stateDir);
    store_ = std::make_unique<KioskStore>(options_.stateDir + "/kiosk.sqlite");
    const auto identity = identityIn(*store_);
    if (!identity) {
        throw std::runtime_error("this kiosk is not enrolled: run it once with --enrol CODE");
    }
    const auto key = signing::KeyPair::fromPrivateKey(identity->privateKey);
    if (!key) {
        throw std::runtime_error("the kiosk's key in its store is damaged: enrol it again");
    }
    outbox_ = std::make_unique<KioskSmsOutbox>(*store_);
    auto nonce = env_.randomHex;
    link_ = std::make_unique<SignedHubLink>(provisioning::HubClient(
        options_.hub, identity->kioskId, *key, env_.now, [nonce] { return nonce(16); }));
    sync_ = std::make_unique<SyncClient>(*store_, *link_, env_, options_.sync);
    paperEntry_ = std::make_unique<HubPaperEntry>(*link_);
    // The kiosk's modem only sends; what it receives is answered by the hub's
    // modems, so an SMS sent to the kiosk's number is dropped (docs/kiosk.md).
    pool_ = std::make_unique<modem::SmsPool>(
        *outbox_, [](const std::string&, const modem::IncomingSms&) {}, options_.pool, env_.now);
    if (options_.modem) {
        modem_ = std::make_unique<modem::WorkerModem>(*options_.modem, *pool_);
        pool_->addModem(*modem_);
    }
    codes_ = std::make_unique<KioskCodes>(
        *store_, *outbox_, *link_, env_, [this] { return modemUp(); }, [this] { pool_->poke(); });
    backend_ = std::make_unique<KioskBackend>(
        *store_, *codes_, *sync_, *outbox_, identity->kioskId, env_, [this] { return modemUp(); },
        [this] { pool_->poke(); });
    reenrolment_ = std::make_unique<PausingReenrolment>(
        StaffReenrolment(*store_, options_.hub, options_.name), [this] { pauseIdentity(); },
        [this] { resumeIdentity(); });
    if (options_.cabinet) {
        cabinetRecorder_ = std::make_unique<KioskCabinetRecorder>(
            *store_, identity->kioskId, env_,
            [this]() -> std::optional<modem::ModemInfo> {
                return modem_ ? std::optional(modem_->info()) : std::nullopt;
            },
            [this] { sync_->poke(); });
        cabinet_ = std::make_unique<hardware::CabinetMonitor>(
            *options_.cabinet, hardware::modbusBuses(), *cabinetRecorder_, env_.now);
    }
}

KioskStack::~KioskStack() {
    stop();
}

void KioskStack::start() {
    std::lock_guard lock(lifecycle_);
    started_ = true;
    pool_->start();
    resumeIdentityLocked();
}

void KioskStack::stop() {
    std::lock_guard lock(lifecycle_);
    pauseIdentityLocked();
    pool_->stop();
    started_ = false;
}

void KioskStack::pauseIdentity() {
    std::lock_guard lock(lifecycle_);
    pauseIdentityLocked();
}

void KioskStack::resumeIdentity() {
    std::lock_guard lock(lifecycle_);
    resumeIdentityLocked();
}

void KioskStack::pauseIdentityLocked() {
    if (cabinet_) {
        cabinet_->stop();
    }
    sync_->stop();
}

void KioskStack::resumeIdentityLocked() {
    if (!started_) {
        return;
    }
    sync_->start();
    if (cabinet_) {
        cabinet_->start();
    }
}

bool KioskStack::modemUp() const {
    for (const auto& [id, c] : pool_->counters()) {
        if (c.info.connected && (c.info.sim.empty() || c.info.sim == "ready")) {
            return true;
        }
    }
    return false;
}

}  // namespace veche::kiosk
