#include "veche/kiosk/enrolment.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "trimmed.h"
#include "veche/core/plural.h"
#include "veche/kiosk/key_file.h"
#include "veche/provisioning/enrolment_link.h"

namespace veche::kiosk {
namespace {

// Set in the transaction that stores a new identity, cleared once its key
// is in the key file: a crash between the two is finished at the next start.
constexpr const char* kKeyToMove = "enrolled_key_pending";

// Events that must reach the hub before the identity changes: all but
// telemetry, which is dropped instead (it is stale by then). None count
// once the hub revoked the kiosk: they can never be sent, and they stay in
// the store (the hub refuses them from the new identity; staff see them).
long blockingIn(Poco::Data::Session& s) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM events WHERE error IS NULL AND type <> 'telemetry' AND NOT "
         "EXISTS (SELECT 1 FROM meta WHERE key = 'revoked')",
        into(count), now;
    return static_cast<long>(count);
}

// What a pending key was made for: the code, as the hub reads it, hashed.
std::string codeTag(const std::string& code) {
    std::string canonical;
    for (const char c : code) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            canonical.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
    }
    return signing::sha256Hex(canonical);
}

// The key kept by an earlier attempt with the same `code` (its reply was
// lost, or the identity could not be stored), or a new one, kept first so
// that a retry sends the same key. A key kept for another code is not
// reused: the hub may have enrolled it already.
signing::KeyPair pendingKeyFor(const std::string& pendingFile, const std::string& code) {
    const std::string tagFile = pendingFile + ".code";
    std::string tag;
    std::getline(std::ifstream(tagFile), tag);
    if (const auto kept = readKeyFile(pendingFile); kept && tag == codeTag(code)) {
        if (auto key = signing::KeyPair::fromPrivateKey(*kept)) {
            return *key;
        }
    }
    const signing::KeyPair key = signing::KeyPair::generate();
    writeKeyFile(pendingFile, key.privateKeyBase64());
    std::ofstream(tagFile, std::ios::trunc) << codeTag(code) << '\n';
    return key;
}

void forgetPendingKey(const std::string& pendingFile) {
    std::filesystem::remove(pendingFile);
    std::filesystem::remove(pendingFile + ".code");
}

// The hub's reply to the enrolment with `code`, for the pending key.
KioskIdentity enrolKey(const std::string& pendingFile, const provisioning::HubAddress& hub,
                       const std::string& code, const std::string& name,
                       const std::string& buildingId, std::string& settings) {
    const signing::KeyPair key = pendingKeyFor(pendingFile, code);
    provisioning::HubReply reply;
    try {
        reply = provisioning::HubClient::enrol(hub, code, key, name, buildingId);
    } catch (const Poco::Exception& e) {
        throw HubUnreachable("the hub at " + provisioning::urlOf(hub) +
                             " cannot be reached: " + e.displayText());
    }
    if (reply.status != 201) {
        const auto error = provisioning::errorOf(reply);
        throw EnrolmentRefused(reply.status, error.code, error.message);
    }
    const auto body = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    settings = "{}";
    if (auto given = body->getObject("settings")) {
        std::ostringstream text;
        given->stringify(text);
        settings = text.str();
    }
    return {body->getValue<std::string>("kiosk_id"), body->getValue<std::string>("building_id"),
            key.privateKeyBase64()};
}

KioskIdentity enrolAs(KioskStore& store, const provisioning::HubAddress& hub,
                      const std::string& code, const std::string& name,
                      const std::string& buildingId, bool nothingPending) {
    const std::string keyFile = keyFileOf(store.path());
    const std::string pendingFile = keyFile + ".enrolling";
    std::string settings;
    const KioskIdentity identity = enrolKey(pendingFile, hub, code, name, buildingId, settings);
    store.write([&](Poco::Data::Session& s) {
        using namespace Poco::Data::Keywords;
        if (nothingPending) {
            if (const long pending = blockingIn(s); pending > 0) {
                throw EventsPending(pending);
            }
            s << "DELETE FROM events WHERE error IS NULL AND type = 'telemetry'", now;
        }
        // A kiosk enrolled again starts its content afresh.
        s << "DELETE FROM meta WHERE key = 'cursor'", now;
        const std::string hubUrl = provisioning::urlOf(hub);
        const std::pair<std::string, std::string> values[] = {{"building_id", identity.buildingId},
                                                              {"kiosk_id", identity.kioskId},
                                                              {"settings", settings},
                                                              {"hub", hubUrl},
                                                              {kKeyToMove, "1"}};
        for (const auto& [metaKey, value] : values) {
            s << "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", useRef(metaKey),
                useRef(value), now;
        }
        s << "DELETE FROM meta WHERE key = 'revoked'", now;
    });
    // The new key goes in once the store names the new identity; a crash
    // before it is done is finished by identityIn().
    writeKeyFile(keyFile, identity.privateKey);
    store.eraseSecret(kKeyToMove);
    forgetPendingKey(pendingFile);
    std::filesystem::remove(keyFile + ".next");  // a rotation of the old identity
    return identity;
}

}  // namespace

std::optional<KioskIdentity> identityIn(KioskStore& store) {
    const std::string keyFile = keyFileOf(store.path());
    if (store.meta(kKeyToMove)) {  // an enrolment stored its identity, not yet its key
        const std::string pendingFile = keyFile + ".enrolling";
        if (const auto key = readKeyFile(pendingFile)) {
            writeKeyFile(keyFile, *key);
        }
        store.eraseSecret(kKeyToMove);
        forgetPendingKey(pendingFile);
    }
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

EnrolmentRefused::EnrolmentRefused(int httpStatus, std::string errorCode, std::string hubMessage)
    : std::runtime_error("the hub refused the enrolment (HTTP " + std::to_string(httpStatus) +
                         (errorCode.empty() ? "" : " " + errorCode) + "): " + hubMessage),
      status(httpStatus),
      code(std::move(errorCode)),
      message(std::move(hubMessage)) {}

EventsPending::EventsPending(long pending)
    : std::runtime_error(std::to_string(pending) + " events have not reached the hub yet"),
      count(pending) {}

std::string EventsPending::staffText() const {
    return "терминал ещё не передал хабу " + std::to_string(count) + " " +
           core::pluralRu(count, "событие", "события", "событий") +
           " (голоса, регистрации, тревоги): после нового подключения " +
           core::pluralRu(count, "оно пропало бы", "они пропали бы", "они пропали бы") +
           ". Дождитесь синхронизации и повторите.";
}

KioskIdentity enrol(KioskStore& store, const provisioning::HubAddress& hub, const std::string& code,
                    const std::string& name, const std::string& buildingId) {
    return enrolAs(store, hub, code, name, buildingId, false);
}

KioskIdentity enrolAgain(KioskStore& store, const provisioning::HubAddress& hub,
                         const std::string& code, const std::string& name,
                         const std::string& buildingId) {
    long pending = 0;
    store.read([&](Poco::Data::Session& s) { pending = blockingIn(s); });
    if (pending > 0) {
        throw EventsPending(pending);
    }
    return enrolAs(store, hub, code, name, buildingId, true);
}

StaffReenrolment::StaffReenrolment(KioskStore& store, provisioning::HubAddress hub,
                                   std::string name)
    : store_(store), hub_(std::move(hub)), name_(std::move(name)) {}

KioskReenrolment::Outcome StaffReenrolment::enrolAgain(const std::string& codeOrLabel) {
    const std::string text = trimmed(codeOrLabel);
    provisioning::HubAddress hub = hub_;
    std::string code = text;
    try {
        if (const auto link = provisioning::parseEnrolmentLink(text)) {
            hub = provisioning::withUrl(hub_, link->hubUrl);
            code = link->code;
        }
    } catch (const std::invalid_argument& e) {
        return {false, "",
                "Метка не подходит: в ней неверный адрес хаба (" + std::string(e.what()) + ")."};
    }
    if (code.empty()) {
        return {false, "", "Введите код подключения или отсканируйте метку."};
    }
    try {
        const auto identity = kiosk::enrolAgain(store_, hub, code, name_);
        return {true, identity.kioskId,
                "Терминал подключён заново: " + identity.kioskId + ". Он перезапускается."};
    } catch (const EventsPending& e) {
        return {false, "", "Нельзя подключить заново: " + e.staffText()};
    } catch (const EnrolmentRefused& e) {
        return {false, "",
                "Не удалось подключить: " + provisioning::refusalText(e.status, e.code, e.message)};
    } catch (const HubUnreachable&) {
        return {false, "",
                "Хаб недоступен (" + provisioning::urlOf(hub) + "). Проверьте связь и повторите."};
    } catch (const std::exception& e) {
        return {false, "", "Не удалось подключить: " + std::string(e.what())};
    }
}

}  // namespace veche::kiosk
