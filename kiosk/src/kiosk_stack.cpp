#include "veche/kiosk/kiosk_stack.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <sstream>

#include <stdexcept>
#include "veche/kiosk/key_file.h"

namespace veche::kiosk {

std::optional<KioskIdentity> identityIn(KioskStore& store) {
    const std::string keyFile = keyFileOf(store.path());
    if (const auto old = store.meta("private_key")) {  // kept there before the key file
        if (!readKeyFile(keyFile)) {
            writeKeyFile(keyFile, *old);
        }
        store.eraseSecret("private_key");
    }
    const auto id = store.meta("kiosk_id");
    const auto key = readKeyFile(keyFile);
    if (!id || !key) {
        return std::nullopt;
    }
    return KioskIdentity{*id, store.meta("building_id").value_or(""), *key};
}

EnrolmentRefused::EnrolmentRefused(int httpStatus, std::string errorCode,
                                   const std::string& message)
    : std::runtime_error("the hub refused the enrolment (HTTP " + std::to_string(httpStatus) +
                         (errorCode.empty() ? "" : " " + errorCode) + "): " + message),
      status(httpStatus),
      code(std::move(errorCode)) {}

KioskIdentity enrol(KioskStore& store, const provisioning::HubAddress& hub, const std::string& code,
                    const std::string& name, const std::string& buildingId) {
    // The key is kept before it is sent: after a lost reply the retry sends
    // the same key, and the hub answers with the same enrolment.
    const std::string pendingFile = keyFileOf(store.path()) + ".enrolling";
    std::optional<signing::KeyPair> pending;
    if (const auto kept = readKeyFile(pendingFile)) {
        pending = signing::KeyPair::fromPrivateKey(*kept);
    }
    const signing::KeyPair key = pending ? *pending : signing::KeyPair::generate();
    if (!pending) {
        writeKeyFile(pendingFile, key.privateKeyBase64());
    }
    provisioning::HubReply reply;
    try {
        reply = provisioning::HubClient::enrol(hub, code, key, name, buildingId);
    } catch (const Poco::Exception& e) {
        throw HubUnreachable("the hub at " + hub.host + ":" + std::to_string(hub.port) +
                             " cannot be reached: " + e.displayText());
    }
    if (reply.status != 201) {
        const auto error = provisioning::errorOf(reply);
        throw EnrolmentRefused(reply.status, error.code, error.message);
    }
    const auto body = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    KioskIdentity identity{body->getValue<std::string>("kiosk_id"),
                           body->getValue<std::string>("building_id"), key.privateKeyBase64()};
    std::string settings = "{}";
    if (auto given = body->getObject("settings")) {
        std::ostringstream text;
        given->stringify(text);
        settings = text.str();
    }
    writeKeyFile(keyFileOf(store.path()), identity.privateKey);
    store.write([&](Poco::Data::Session& s) {
        using namespace Poco::Data::Keywords;
        // A kiosk enrolled again starts its content afresh.
        s << "DELETE FROM meta WHERE key = 'cursor'", now;
        const std::string hubUrl = provisioning::urlOf(hub);
        const std::pair<std::string, std::string> values[] = {{"building_id", identity.buildingId},
                                                              {"kiosk_id", identity.kioskId},
                                                              {"settings", settings},
                                                              {"hub", hubUrl}};
        for (const auto& [metaKey, value] : values) {
            s << "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", useRef(metaKey),
                useRef(value), now;
        }
        s << "DELETE FROM meta WHERE key = 'revoked'", now;
    });
    std::filesystem::remove(pendingFile);
    return identity;
}

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
    backend_ = std::make_unique<KioskBackend>(*store_, *codes_, *sync_, *outbox_, identity->kioskId,
                                              env_, [this] { return modemUp(); });
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
    pool_->start();
    sync_->start();
    if (cabinet_) {
        cabinet_->start();
    }
}

void KioskStack::stop() {
    if (cabinet_) {
        cabinet_->stop();
    }
    sync_->stop();
    pool_->stop();
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
