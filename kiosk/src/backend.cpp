#include "veche/kiosk/backend.h"

#include "content.h"
#include "json_text.h"
#include "trimmed.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "veche/core/agenda.h"
#include "veche/core/phone.h"
#include "veche/signing/ed25519.h"
#include "veche/signing/phone_hash.h"
#include "veche/signing/receipt.h"
#include "veche/signing/staff_pin.h"

namespace veche::kiosk {
namespace {

using Poco::JSON::Object;

constexpr std::size_t kMaxReportChars = 1000;
constexpr const char* kNotOpenOrDone =
    "Голосование по этому собранию здесь сейчас недоступно или вы уже проголосовали.";
constexpr const char* kPollClosedOrDone = "Этот опрос закрыт или вы уже ответили на него.";
constexpr const char* kCannotNow = "Сейчас это не получается. Попробуйте, пожалуйста, позже.";
constexpr const char* kRevoked =
    "Этот киоск отключён от системы. Обратитесь, пожалуйста, в совет дома.";
constexpr std::size_t kMaxPremisesChars = 20;

const std::set<std::string> kReportCategories = {"housing", "improvement", "public_order", "health",
                                                 "other"};

std::size_t charsIn(const std::string& utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The phone in E.164 form; invalid_argument for anything else.
std::string phoneOf(const std::string& typed) {
    const auto phone = core::normalisePhone(typed);
    if (!phone) {
        throw std::invalid_argument("Неверный номер телефона.");
    }
    return *phone;
}

}  // namespace

KioskBackend::KioskBackend(KioskStore& store, KioskCodes& codes, SyncClient& sync,
                           KioskSmsOutbox& outbox, std::string kioskId, Environment env,
                           std::function<bool()> modemUp, std::function<void()> pokeModem)
    : store_(store),
      codes_(codes),
      sync_(sync),
      outbox_(outbox),
      kioskId_(std::move(kioskId)),
      env_(std::move(env)),
      modemUp_(std::move(modemUp)),
      testSms_(outbox, kioskId_, env_, modemUp_, std::move(pokeModem)) {
    markSalt_ = store_.meta("mark_salt").value_or("");
    if (markSalt_.empty()) {
        markSalt_ = env_.randomHex(16);
        store_.setMeta("mark_salt", markSalt_);
    }
}

std::string KioskBackend::buildingAddress() const {
    return store_.meta("building_address").value_or("");
}

std::string KioskBackend::territoryName() const {
    return store_.meta("territory_name").value_or("");
}

std::vector<Notice> KioskBackend::notices(Millis at) const {
    return store_.notices(at);
}

CodeRequest KioskBackend::requestCode(const std::string& phone) {
    if (revoked()) {
        return {CodeRequest::Outcome::Unavailable, kRevoked};
    }
    try {
        return codes_.request(phone);
    } catch (const std::exception&) {  // the store failed: nothing was sent
        return {CodeRequest::Outcome::Unavailable, kCannotNow};
    }
}

CodeCheck KioskBackend::checkCode(const std::string& phone, const std::string& code) {
    try {
        return codes_.check(phone, code);
    } catch (const std::exception&) {
        return {CodeCheck::Outcome::Unavailable, 0, kCannotNow};
    }
}

bool KioskBackend::revoked() const {
    return store_.meta("revoked").has_value();
}

void KioskBackend::refuseIfRevoked() const {
    if (revoked()) {
        throw std::invalid_argument(kRevoked);
    }
}

std::string KioskBackend::answererKey(const std::string& phone) const {
    return signing::phoneHash(markSalt_, phone);
}

std::string KioskBackend::smsConsentText() const {
    return "Я согласен получать на этот номер SMS от совета дома через систему «Вече»: "
           "объявления, срочные предупреждения, извещения о собраниях и квитанции о "
           "голосовании. Рекламы не будет. Согласие можно отозвать в любой момент: "
           "отправьте СТОП в ответ на любое SMS или откажитесь здесь, в разделе «Мой телефон». "
           "Без согласия все возможности киоска остаются доступны. (Редакция " +
           std::string(kSmsConsentVersion) + ")";
}

std::string KioskBackend::record(const std::string& type, const std::string& data, Millis at,
                                 const std::vector<std::pair<std::string, std::string>>& marks) {
    Event e{newEventId(kioskId_, env_), type, at, data, ""};
    store_.appendEvent(e, marks);
    sync_.poke();
    return e.id;
}

void KioskBackend::recordRegistration(const std::string& phone) {
    Object data;
    data.set("phone", phoneOf(phone));
    record("phone_registration", jsonText(data), env_.now());
}

void KioskBackend::recordSmsConsent(const std::string& phone, bool given) {
    Object data;
    data.set("phone", phoneOf(phone));
    data.set("kind", "sms");
    data.set("text_version", kSmsConsentVersion);
    data.set("action", given ? "given" : "withdrawn");
    record("consent", jsonText(data), env_.now());
}

void KioskBackend::requestLink(const std::string& phone, const std::string& premises) {
    const std::string flat = trimmed(premises);
    if (flat.empty() || charsIn(flat) > kMaxPremisesChars) {
        throw std::invalid_argument("Укажите номер квартиры, например 12 или 12а.");
    }
    Object data;
    data.set("phone", phoneOf(phone));
    data.set("premises", flat);
    record("link_request", jsonText(data), env_.now());
}

std::optional<std::string> KioskBackend::voterOf(const std::string& phone) const {
    const std::string salt = store_.meta("eligibility_salt").value_or("");
    const int iterations = std::stoi(store_.meta("eligibility_iterations").value_or("0"));
    if (salt.empty() || iterations <= 0) {
        return std::nullopt;  // never synced
    }
    return store_.voterOf(signing::phoneHash(salt, phone, iterations));
}

std::vector<Assembly> KioskBackend::assembliesFor(const std::string& phone, Millis at) const {
    const auto voter = voterOf(phoneOf(phone));
    return voter ? assembliesOf(*voter, at) : std::vector<Assembly>{};
}

std::vector<Assembly> KioskBackend::assembliesOf(const std::string& voter, Millis at) const {
    std::vector<Assembly> out = assembliesIn(store_.assembliesJson(), at);
    std::erase_if(out,
                  [&](const Assembly& a) { return store_.hasMark("voted", a.id + "/" + voter); });
    return out;
}

Receipt KioskBackend::castBallot(const std::string& phoneAsTyped, const std::string& assemblyId,
                                 const std::map<std::string, core::Choice>& answers, Millis at) {
    refuseIfRevoked();
    const std::string phone = phoneOf(phoneAsTyped);
    const auto voter = voterOf(phone);
    const std::vector<Assembly> open = voter ? assembliesOf(*voter, at) : std::vector<Assembly>{};
    const auto assembly = std::find_if(open.begin(), open.end(),
                                       [&](const Assembly& a) { return a.id == assemblyId; });
    if (assembly == open.end()) {
        throw std::invalid_argument(kNotOpenOrDone);
    }
    Object marks;
    for (const AgendaItem& item : assembly->agenda) {
        const auto answer = answers.find(item.id);
        if (answer == answers.end() ||
            (answer->second != core::Choice::For && answer->second != core::Choice::Against &&
             answer->second != core::Choice::Abstain)) {
            throw std::invalid_argument("Не выбран ответ по вопросу «" + item.title + "».");
        }
        static const char* const kNames[] = {"", "for", "against", "abstain"};
        marks.set(item.id, kNames[static_cast<int>(answer->second)]);
    }
    if (answers.size() != assembly->agenda.size()) {
        throw std::invalid_argument("В бюллетене есть ответы на вопросы не из повестки.");
    }
    Object data;
    data.set("assembly_id", assemblyId);
    data.set("phone", phone);
    data.set("voter_id", *voter);
    data.set("answers", marks);
    try {
        const std::string id =
            record("ballot", jsonText(data), at, {{"voted", assemblyId + "/" + *voter}});
        return {id, signing::receiptOf(id), assembly->consultative};
    } catch (const KioskStore::AlreadyDone&) {  // a second ballot, a moment after the first
        throw std::invalid_argument(kNotOpenOrDone);
    }
}

std::vector<Poll> KioskBackend::openPolls(const std::string& phoneAsTyped, Millis at) const {
    const std::string key = answererKey(phoneOf(phoneAsTyped));
    std::vector<Poll> out = pollsIn(store_.pollsJson(), at);
    std::erase_if(out, [&](const Poll& p) { return store_.hasMark("answered", p.id + "/" + key); });
    return out;
}

void KioskBackend::answerPoll(const std::string& phoneAsTyped, const std::string& pollId,
                              int option, Millis at) {
    refuseIfRevoked();
    const std::string phone = phoneOf(phoneAsTyped);
    const std::vector<Poll> open = openPolls(phone, at);
    const auto poll =
        std::find_if(open.begin(), open.end(), [&](const Poll& p) { return p.id == pollId; });
    if (poll == open.end()) {
        throw std::invalid_argument(kPollClosedOrDone);
    }
    if (option < 0 || static_cast<std::size_t>(option) >= poll->options.size()) {
        throw std::invalid_argument("Выберите один из вариантов ответа.");
    }
    Object data;
    data.set("phone", phone);
    data.set("poll_id", pollId);
    data.set("option", option);
    try {
        record("poll_answer", jsonText(data), at,
               {{"answered", pollId + "/" + answererKey(phone)}});
    } catch (const KioskStore::AlreadyDone&) {
        throw std::invalid_argument(kPollClosedOrDone);
    }
}

std::string KioskBackend::reportProblem(const std::string& category, const std::string& text,
                                        const std::string& phone, Millis at) {
    refuseIfRevoked();
    if (kReportCategories.count(category) == 0) {
        throw std::invalid_argument("Выберите тему обращения.");
    }
    const std::string body = trimmed(text);
    if (body.empty()) {
        throw std::invalid_argument("Опишите проблему хотя бы несколькими словами.");
    }
    if (charsIn(body) > kMaxReportChars) {
        throw std::invalid_argument("Текст слишком длинный: не больше 1000 знаков.");
    }
    Object data;
    data.set("category", category);
    data.set("text", body);
    if (!trimmed(phone).empty()) {
        data.set("phone", phoneOf(phone));
    }
    return signing::receiptOf(record("problem_report", jsonText(data), at));
}

long KioskBackend::contentVersion() const {
    return sync_.progress().contentVersion;
}

SyncState KioskBackend::syncState() const {
    const SyncProgress p = sync_.progress();
    SyncState s;
    s.kioskId = kioskId_;
    s.lastSuccess = p.lastSuccess;
    s.lastAttempt = p.lastAttempt;
    s.lastError = p.lastError;
    s.pendingEvents = store_.pendingCount();
    s.rejectedEvents = store_.rejectedCount();
    s.queuedSms = outbox_.queuedCount();
    s.modemConnected = modemUp_();
    s.revoked = revoked();
    return s;
}

KioskServices::StaffPin KioskBackend::checkStaffPin(const std::string& pin) {
    const auto record = store_.setting("staff_pin");
    if (!record) {
        return StaffPin::NotSet;
    }
    std::lock_guard lock(staffPinMutex_);
    if (env_.now() < staffPinLockedUntil_) {
        return StaffPin::Locked;
    }
    if (signing::staffPinMatches(*record, pin)) {
        wrongStaffPins_ = 0;
        return StaffPin::Accepted;
    }
    if (++wrongStaffPins_ >= kStaffPinTries) {
        wrongStaffPins_ = 0;
        staffPinLockedUntil_ = env_.now() + kStaffPinLockout;
        return StaffPin::Locked;
    }
    return StaffPin::Wrong;
}

TestSms KioskBackend::sendTestSms(const std::string& phone) {
    try {
        return testSms_.send(phone);
    } catch (const std::exception&) {  // the store failed: nothing was queued
        return {TestSms::Outcome::NoModem, 0, kCannotNow};
    }
}

TestSmsState KioskBackend::testSmsState(std::int64_t id) const {
    try {
        return testSms_.state(id);
    } catch (const std::exception&) {
        return {kCannotNow, true};
    }
}

}  // namespace veche::kiosk
