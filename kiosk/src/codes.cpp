#include "veche/kiosk/codes.h"

#include "json_text.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Tuple.h>

#include "veche/core/phone.h"
#include "veche/signing/ed25519.h"

using namespace Poco::Data::Keywords;

namespace veche::kiosk {
namespace {

constexpr Millis kKeepCodes = 60 * 60'000;  // the longest limit window; older rows go
constexpr const char* kTryLater = "Слишком много кодов. Попробуйте позже.";
constexpr const char* kCannotSend =
    "Сейчас не получается отправить SMS. Попробуйте позже или обратитесь в совет дома.";

std::string phoneBody(const std::string& phone, const std::string* code = nullptr) {
    Poco::JSON::Object o;
    o.set("phone", phone);
    if (code != nullptr) {
        o.set("code", *code);
    }
    return jsonText(o);
}

bool isSixDigits(const std::string& code) {
    if (code.size() != 6) {
        return false;
    }
    for (char c : code) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

CodeCheck wrongCode(int attemptsLeft) {
    if (attemptsLeft <= 0) {
        return {CodeCheck::Outcome::Expired, 0,
                "Код введён неверно слишком много раз. Запросите новый код."};
    }
    return {CodeCheck::Outcome::Wrong, attemptsLeft,
            "Неверный код. Осталось попыток: " + std::to_string(attemptsLeft) + "."};
}

}  // namespace

KioskCodes::KioskCodes(KioskStore& store, KioskSmsOutbox& outbox, HubLink& hub, Environment env,
                       std::function<bool()> modemUp, std::function<void()> poke, CodeLimits limits)
    : store_(store),
      outbox_(outbox),
      hub_(hub),
      env_(std::move(env)),
      modemUp_(std::move(modemUp)),
      poke_(std::move(poke)),
      limits_(limits) {
    salt_ = store_.meta("code_salt").value_or("");
    if (salt_.empty()) {
        salt_ = env_.randomHex(16);
        store_.setMeta("code_salt", salt_);
    }
}

std::optional<KioskCodes::Keys> KioskCodes::keysOf(const std::string& phoneAsTyped) {
    const auto phone = core::normalisePhone(phoneAsTyped);
    if (!phone || phone->rfind("+79", 0) != 0) {
        return std::nullopt;
    }
    return Keys{*phone, signing::sha256Hex(salt_ + *phone),
                signing::sha256Hex(salt_ + phone->substr(0, phone->size() - 4))};
}

std::string KioskCodes::hashOf(const std::string& phoneKey, const std::string& code) const {
    return signing::sha256Hex(phoneKey + ":" + code);
}

std::optional<std::string> KioskCodes::limitReached(Poco::Data::Session& s, const Keys& keys,
                                                    Millis at) const {
    Poco::Int64 perPhone = 0, perPrefix = 0, perKiosk = 0;
    const Millis phoneSince = at - limits_.perPhoneWindow, hourAgo = at - 60 * 60'000;
    s << "SELECT COUNT(*) FROM codes WHERE phone_key = ? AND issued_at > ?", useRef(keys.phoneKey),
        useRef(phoneSince), into(perPhone), now;
    s << "SELECT COUNT(*) FROM codes WHERE prefix_key = ? AND issued_at > ?",
        useRef(keys.prefixKey), useRef(hourAgo), into(perPrefix), now;
    s << "SELECT COUNT(*) FROM codes WHERE issued_at > ?", useRef(hourAgo), into(perKiosk), now;
    if (perPhone >= limits_.perPhone) {
        return "codes per phone";
    }
    if (perPrefix >= limits_.perPrefix) {
        return "codes per number prefix";
    }
    if (perKiosk >= limits_.perKiosk) {
        return "codes per kiosk";
    }
    return std::nullopt;
}

void KioskCodes::record(Poco::Data::Session& s, const Keys& keys, const std::string& codeHash,
                        const char* via, Millis at) {
    const Millis expires = at + limits_.validFor;
    const std::string how = via;
    s << "INSERT INTO codes (phone_key, prefix_key, code_hash, via, issued_at, expires_at,"
         " attempts_left, used) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        useRef(keys.phoneKey), useRef(keys.prefixKey), useRef(codeHash), useRef(how), useRef(at),
        useRef(expires), useRef(limits_.attempts), now;
}

std::string KioskCodes::newCode() {
    // 6 digits, uniform: 20 random bits, redrawn above 999,999.
    unsigned long value = 0;
    do {
        value = std::stoul(env_.randomHex(3), nullptr, 16) >> 4;
    } while (value > 999'999);
    std::string code = std::to_string(value);
    code.insert(0, 6 - code.size(), '0');
    return code;
}

CodeRequest KioskCodes::request(const std::string& phoneAsTyped) {
    const auto keys = keysOf(phoneAsTyped);
    if (!keys) {
        return {CodeRequest::Outcome::BadNumber,
                "Это не номер мобильного телефона. Введите 11 цифр, например 8 900 123-45-67."};
    }
    const Millis at = env_.now();
    const bool byModem = modemUp_();
    bool limited = false;
    store_.write([&](Poco::Data::Session& s) {
        const Millis forgetBefore = at - kKeepCodes;
        s << "DELETE FROM codes WHERE issued_at < ?", useRef(forgetBefore), now;
        limited = limitReached(s, *keys, at).has_value();
        if (limited || !byModem) {
            return;
        }
        // The code and its SMS in one transaction: both or neither.
        const std::string code = newCode();
        record(s, *keys, hashOf(keys->phoneKey, code), "kiosk", at);
        KioskSmsOutbox::enqueueIn(s, keys->phone,
                                  "Код Вече: " + code + ". Никому не сообщайте его.",
                                  modem::SmsPriority::Code, at, at + limits_.validFor);
    });
    if (limited) {
        return {CodeRequest::Outcome::TooMany, kTryLater};
    }
    if (!byModem) {
        return askHub(*keys, at);
    }
    poke_();
    return {CodeRequest::Outcome::Sent, ""};
}

CodeRequest KioskCodes::askHub(const Keys& keys, Millis at) {
    const auto reply = hub_.send("POST", "/api/v1/kiosk/codes", phoneBody(keys.phone));
    if (!reply) {
        return {CodeRequest::Outcome::Unavailable, kCannotSend};
    }
    if (reply->status == 429) {
        return {CodeRequest::Outcome::TooMany, kTryLater};
    }
    if (reply->status == 400) {
        return {CodeRequest::Outcome::BadNumber, "Этот номер не принимает коды. Проверьте номер."};
    }
    if (reply->status != 202) {
        return {CodeRequest::Outcome::Unavailable, kCannotSend};
    }
    // Counts towards the limits; the hub checks the code.
    store_.write([&](Poco::Data::Session& s) { record(s, keys, "", "hub", at); });
    return {CodeRequest::Outcome::SentByHub, ""};
}

CodeCheck KioskCodes::check(const std::string& phoneAsTyped, const std::string& code) {
    const auto keys = keysOf(phoneAsTyped);
    if (!keys) {
        return {CodeCheck::Outcome::Expired, 0, "Неверный номер телефона."};
    }
    const Millis at = env_.now();
    CodeCheck result;
    std::optional<std::pair<Poco::Int64, int>> hubCode;  // row id, attempts left
    // Read and spend an attempt in one transaction: two checks at once
    // cannot both use one code or one attempt.
    store_.write([&](Poco::Data::Session& s) {
        using Row = Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64, int, int>;
        std::vector<Row> rows;
        s << "SELECT id, code_hash, via, expires_at, attempts_left, used FROM codes"
             " WHERE phone_key = ? ORDER BY issued_at DESC, id DESC LIMIT 1",
            useRef(keys->phoneKey), into(rows), now;
        if (rows.empty() || rows[0].get<5>() != 0 || rows[0].get<4>() <= 0 ||
            rows[0].get<3>() <= at) {
            result = {CodeCheck::Outcome::Expired, 0,
                      "Код устарел или не запрашивался. Запросите новый."};
            return;
        }
        const Row& row = rows[0];
        if (!isSixDigits(code)) {
            result = {CodeCheck::Outcome::Wrong, row.get<4>(), "Код состоит из 6 цифр."};
            return;
        }
        if (row.get<2>() == "hub") {
            hubCode = {row.get<0>(), row.get<4>()};
            return;
        }
        const bool right = row.get<1>() == hashOf(keys->phoneKey, code);
        spend(s, row.get<0>(), right);
        result =
            right ? CodeCheck{CodeCheck::Outcome::Verified, 0, ""} : wrongCode(row.get<4>() - 1);
    });
    if (hubCode) {
        return checkWithHub(*keys, code, hubCode->first, hubCode->second);
    }
    return result;
}

void KioskCodes::spend(Poco::Data::Session& s, std::int64_t rowId, bool right) {
    const Poco::Int64 id = rowId;
    s << (right ? "UPDATE codes SET used = 1 WHERE id = ?"
                : "UPDATE codes SET attempts_left = attempts_left - 1 WHERE id = ?"),
        useRef(id), now;
}

CodeCheck KioskCodes::checkWithHub(const Keys& keys, const std::string& code, std::int64_t rowId,
                                   int attemptsLeft) {
    const auto reply =
        hub_.send("POST", "/api/v1/kiosk/codes/verify", phoneBody(keys.phone, &code));
    std::optional<bool> right;
    if (reply && reply->status == 200) {
        try {
            const auto body =
                Poco::JSON::Parser().parse(reply->body).extract<Poco::JSON::Object::Ptr>();
            if (body && body->has("verified")) {
                right = body->getValue<bool>("verified");
            }
        } catch (const Poco::Exception&) {  // not the hub's answer (a proxy's page)
        }
    }
    if (!right) {
        return {CodeCheck::Outcome::Unavailable, attemptsLeft,
                "Не удаётся проверить код. Попробуйте ещё раз через минуту."};
    }
    store_.write([&](Poco::Data::Session& s) { spend(s, rowId, *right); });
    return *right ? CodeCheck{CodeCheck::Outcome::Verified, 0, ""} : wrongCode(attemptsLeft - 1);
}

}  // namespace veche::kiosk
