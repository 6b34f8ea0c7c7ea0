#include "veche/hub/services/codes.h"

#include <Poco/Data/Session.h>

#include <cstdlib>

#include "veche/core/phone.h"
#include "veche/hub/http/api_error.h"
#include "veche/signing/ed25519.h"

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr Millis kHour = 60 * 60'000;

std::string hashOf(const std::string& phone, const std::string& code) {
    return signing::sha256Hex(phone + ":" + code);
}

std::string e164Mobile(const std::string& phone) {
    const auto e164 = core::normalisePhone(phone);
    if (!e164 || e164->rfind("+79", 0) != 0) {
        throw ApiError::invalid("phone", "a Russian mobile number: +79… (11 digits)");
    }
    return *e164;
}

ApiError tooMany(const std::string& what) {
    return ApiError(429, "too_many_codes", "too many codes " + what + "; try later");
}

}  // namespace

CodeService::CodeService(Database& db, SmsStore& outbox, ResidentService& residents,
                         const Clock& clock, Random& random, CodeLimits limits)
    : db_(db),
      outbox_(outbox),
      residents_(residents),
      clock_(clock),
      random_(random),
      limits_(limits) {}

std::string CodeService::newCode() {
    // Rejection sampling: every code equally likely.
    constexpr unsigned long kLimit = 4'294'000'000UL;  // a multiple of 10^6 below 2^32
    while (true) {
        const unsigned long n = std::strtoul(random_.hex(4).c_str(), nullptr, 16);
        if (n < kLimit) {
            std::string code = std::to_string(n % 1'000'000);
            return std::string(6 - code.size(), '0') + code;
        }
    }
}

long CodeService::issuedSince(const char* column, const std::string& value, Millis since) {
    Poco::Int64 count = 0;
    const Poco::Int64 from = since;
    db_.session() << "SELECT COUNT(*) FROM sms_codes WHERE " << column
                  << " = $1 AND created_at >= $2",
        useRef(value), useRef(from), into(count), now;
    return static_cast<long>(count);
}

void CodeService::issue(const std::string& phone, const std::string& requester) {
    const std::string e164 = e164Mobile(phone);
    const std::string prefix = e164.substr(0, e164.size() - 4);
    const Millis at = clock_.now();
    if (issuedSince("phone", e164, at - limits_.perPhoneWindow) >= limits_.perPhone) {
        throw tooMany("for this number");
    }
    if (issuedSince("kiosk_id", requester, at - kHour) >= limits_.perKiosk) {
        throw tooMany("from this kiosk");
    }
    if (issuedSince("prefix", prefix, at - kHour) >= limits_.perPrefix) {
        throw tooMany("to numbers like this one");
    }
    const std::string code = newCode();
    const std::string id = "code-" + random_.hex(8);
    const std::string hash = hashOf(e164, code);
    const Millis expires = at + limits_.validFor;
    db_.session() << "INSERT INTO sms_codes (id, phone, prefix, kiosk_id, code_hash, created_at, "
                     "expires_at, attempts, used) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0)",
        useRef(id), useRef(e164), useRef(prefix), useRef(requester), useRef(hash), useRef(at),
        useRef(expires), now;
    outbox_.enqueue({{0, e164, "Код Вече: " + code + ". Никому не сообщайте его.",
                      modem::SmsPriority::Code, 0}},
                    "code", at);
}

bool CodeService::verify(const std::string& phone, const std::string& code) {
    const std::string e164 = e164Mobile(phone);
    std::vector<std::string> ids, hashes;
    std::vector<Poco::Int64> expires;
    std::vector<int> attempts, used;
    db_.session() << "SELECT id, code_hash, expires_at, attempts, used FROM sms_codes "
                     "WHERE phone = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
        useRef(e164), into(ids), into(hashes), into(expires), into(attempts), into(used), now;
    if (ids.empty() || used[0] != 0 || attempts[0] >= limits_.attempts ||
        expires[0] <= clock_.now()) {
        return false;
    }
    if (hashOf(e164, code) != hashes[0]) {
        db_.session() << "UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1",
            useRef(ids[0]), now;
        return false;
    }
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement use(s);
    use << "UPDATE sms_codes SET used = 1 WHERE id = $1 AND used = 0", useRef(ids[0]);
    if (use.execute() == 0) {
        return false;  // used by a concurrent verification
    }
    residents_.registerPhone(e164, "sms_code");
    return true;
}

}  // namespace veche::hub
