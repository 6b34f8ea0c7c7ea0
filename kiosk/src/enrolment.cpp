#include "veche/kiosk/enrolment.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <sstream>

#include "veche/core/plural.h"
#include "veche/kiosk/key_file.h"
#include "veche/provisioning/enrolment_link.h"

namespace veche::kiosk {
namespace {

long pendingIn(Poco::Data::Session& s) {
    using namespace Poco::Data::Keywords;
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM events WHERE error IS NULL", into(count), now;
    return static_cast<long>(count);
}

// The hub's reply to the enrolment with `code`, for the key kept in
// `pendingFile` (made and kept first, so that a retry after a lost reply
// sends the same key).
KioskIdentity enrolKey(const std::string& pendingFile, const provisioning::HubAddress& hub,
                       const std::string& code, const std::string& name,
                       const std::string& buildingId, std::string& settings) {
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
        if (const long pending = nothingPending ? pendingIn(s) : 0; pending > 0) {
            throw EventsPending(pending);
        }
        // The key file is written inside the transaction: when it cannot
        // be, the old identity stays whole.
        writeKeyFile(keyFile, identity.privateKey);
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
    std::filesystem::remove(keyFile + ".next");  // a rotation of the old identity
    return identity;
}

}  // namespace

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
           " (голоса, регистрации): после нового подключения они пропали бы. Дождитесь "
           "синхронизации и повторите.";
}

KioskIdentity enrol(KioskStore& store, const provisioning::HubAddress& hub, const std::string& code,
                    const std::string& name, const std::string& buildingId) {
    return enrolAs(store, hub, code, name, buildingId, false);
}

KioskIdentity enrolAgain(KioskStore& store, const provisioning::HubAddress& hub,
                         const std::string& code, const std::string& name,
                         const std::string& buildingId) {
    if (const long pending = store.pendingCount(); pending > 0) {
        throw EventsPending(pending);
    }
    return enrolAs(store, hub, code, name, buildingId, true);
}

StaffReenrolment::StaffReenrolment(KioskStore& store, provisioning::HubAddress hub,
                                   std::string name)
    : store_(store), hub_(std::move(hub)), name_(std::move(name)) {}

KioskReenrolment::Outcome StaffReenrolment::enrolAgain(const std::string& codeOrLabel) {
    const auto first = codeOrLabel.find_first_not_of(" \t\r\n");
    const std::string text =
        first == std::string::npos
            ? ""
            : codeOrLabel.substr(first, codeOrLabel.find_last_not_of(" \t\r\n") - first + 1);
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
