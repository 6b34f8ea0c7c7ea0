#include "veche/hub/services/kiosks.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "veche/core/phone.h"
#include "veche/hub/http/api_error.h"
#include "veche/signing/ed25519.h"
#include "veche/signing/phone_hash.h"

namespace veche::hub {
namespace {

constexpr Millis kCodeLifetime = 24LL * 60 * 60 * 1000;
constexpr Millis kFreshness = 5LL * 60 * 1000;  // how far a request's time may be from ours
constexpr Millis kChangesOverlap = 10'000;      // re-sent so no commit in flight is missed
constexpr std::size_t kMaxFailuresPerMinute = 20;
constexpr Millis kSilentAfter = 15LL * 60 * 1000;  // a kiosk not seen for longer is silent
constexpr int kAlarmHistory = 50;                  // alarm events shown for one kiosk
constexpr std::size_t kMaxAlarmName = 40;
constexpr std::size_t kMaxAlarmDetail = 500;    // characters
constexpr Millis kKeyGrace = 10LL * 60 * 1000;  // a replaced key still signs this long
constexpr std::size_t kMaxSettings = 16;
constexpr std::size_t kMaxSettingKey = 32;
constexpr std::size_t kMaxSettingValue = 256;  // characters
// Letters and digits that cannot be mistaken for each other when typed.
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

ApiError unauthorized(const std::string& code, const std::string& message) {
    return ApiError(401, code, message);
}

// Throws ApiError naming `field` when `value` is known and outside [low, high].
template <typename T>
void checkRange(const std::optional<T>& value, const std::string& field, T low, T high,
                const std::string& range) {
    if (value && (*value < low || *value > high)) {
        throw ApiError::invalid(field, field + " must be " + range);
    }
}

void checkReadings(const KioskReadings& r) {
    checkRange(r.temperatureC, "temperature_c", -60.0, 100.0, "from -60 to 100");
    checkRange(r.batteryPercent, "battery_percent", 0.0, 100.0, "from 0 to 100");
    checkRange(r.modemSignalPercent, "modem.signal_percent", -1, 100,
               "from 0 to 100, or -1 when unknown");
}

// `min` to 40 characters, each a-z, '_' or one of `more`.
bool isName(const std::string& text, std::size_t min, std::string_view more) {
    return text.size() >= min && text.size() <= kMaxAlarmName &&
           std::all_of(text.begin(), text.end(), [more](char c) {
               return (c >= 'a' && c <= 'z') || c == '_' || more.find(c) != std::string_view::npos;
           });
}

// Characters of UTF-8 text: the bytes that do not continue one.
std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void checkAlarm(const KioskAlarmChange& a) {
    // Any well-formed name: a newer kiosk's alarm is kept, not refused.
    if (!isName(a.alarm, 1, "")) {
        throw ApiError::invalid("alarm", "alarm must be 1 to 40 of a-z and _, like door_open");
    }
    if (!isName(a.subject, 0, "0123456789-")) {
        throw ApiError::invalid("subject", "subject must be up to 40 of a-z, 0-9, _ and -");
    }
    if (a.state != "raised" && a.state != "cleared") {
        throw ApiError::invalid("state", "state must be raised or cleared");
    }
    if (characters(a.detail) > kMaxAlarmDetail) {
        throw ApiError::invalid("detail", "detail must be at most 500 characters");
    }
}

// Throws ApiError naming the field when a telemetry or alarm event's data is
// malformed.
void checkHardware(const PushedEvent& e) {
    if (!e.malformed.empty()) {
        throw ApiError::invalid("data", e.malformed);
    }
    if (e.telemetry) {
        checkReadings(*e.telemetry);
    }
    if (e.alarm) {
        checkAlarm(*e.alarm);
    }
}

// 1 to 32 of a-z and _.
bool isSettingKey(const std::string& key) {
    return !key.empty() && key.size() <= kMaxSettingKey &&
           std::all_of(key.begin(), key.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// Throws ApiError naming the setting that breaks the rules of
// docs/kiosk-sync.md.
void checkSettings(const KioskSettings& settings) {
    if (settings.size() > kMaxSettings) {
        throw ApiError::invalid("settings", "settings must have at most 16 keys");
    }
    for (const auto& [key, value] : settings) {
        if (!isSettingKey(key)) {
            const std::string rule = "settings keys must be 1 to 32 of a-z and _, like cabinet";
            throw ApiError::invalid("settings", rule + "; \"" + key + "\" is not");
        }
        if (characters(value) > kMaxSettingValue) {
            throw ApiError::invalid("settings." + key,
                                    "settings." + key + " must be at most 256 characters");
        }
    }
}

// Whether `publicKey` is the current one of a kiosk's `keys`. Throws ApiError
// 409 when the kiosk had it before, or when a previous key still signs at
// `at`: then only a retry rotates, so that the holder of that key cannot move
// the kiosk on to a key of its choosing.
bool isCurrentKey(const std::vector<KioskKey>& keys, const std::string& publicKey, Millis at) {
    const auto same = std::find_if(keys.begin(), keys.end(),
                                   [&](const KioskKey& k) { return k.publicKey == publicKey; });
    if (same != keys.end()) {
        if (!same->replacedAt) {
            return true;
        }
        throw ApiError(409, "key_reused", "this kiosk had this key before; make a new one");
    }
    if (std::any_of(keys.begin(), keys.end(), [at](const KioskKey& k) {
            return k.replacedAt && *k.replacedAt > at - kKeyGrace;
        })) {
        throw ApiError(409, "rotation_pending",
                       "a key replaced less than 10 minutes ago still signs; "
                       "rotate again once it has expired");
    }
    return false;
}

}  // namespace

std::string_view nameOf(KioskStatus status) {
    switch (status) {
        case KioskStatus::Ok:
            return "ok";
        case KioskStatus::Attention:
            return "attention";
        case KioskStatus::Silent:
            return "silent";
        case KioskStatus::Revoked:
            return "revoked";
    }
    return "ok";
}

KioskStatus statusOf(const KioskHealth& h, Millis now) {
    if (h.kiosk.revokedAt) {
        return KioskStatus::Revoked;
    }
    if (!h.kiosk.lastSeenAt || now - *h.kiosk.lastSeenAt > kSilentAfter) {
        return KioskStatus::Silent;
    }
    if (!h.openAlarms.empty() || h.readings.degraded.value_or(false)) {
        return KioskStatus::Attention;
    }
    return KioskStatus::Ok;
}

std::string normaliseCode(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c != '-' && c != ' ') {
            out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

KioskService::KioskService(Hub& hub, KioskStore& kiosks, const Clock& clock, Random& random)
    : hub_(hub), kiosks_(kiosks), clock_(clock), random_(random) {}

EnrolmentCode KioskService::issueCode(const std::string& buildingId,
                                      const KioskSettings& settings) {
    if (!hub_.territories().building(buildingId)) {
        throw ApiError::notFound("building " + buildingId);
    }
    checkSettings(settings);
    return storeCode({buildingId, settings, ""});
}

EnrolmentCode KioskService::issueReplacement(const std::string& kioskId) {
    const auto old = kiosks_.get(kioskId);
    if (!old) {
        throw ApiError::notFound("kiosk " + kioskId);
    }
    if (old->replacedBy) {
        throw ApiError(409, "already_replaced",
                       "kiosk " + kioskId + " was already replaced by " + *old->replacedBy);
    }
    return storeCode({old->buildingId, old->settings, old->id});
}

EnrolmentCode KioskService::storeCode(const EnrolmentTerms& terms) {
    const std::string entropy = random_.hex(12);
    std::string code;
    for (std::size_t i = 0; i < 12; ++i) {
        const auto byte = std::stoul(entropy.substr(2 * i, 2), nullptr, 16);
        code.push_back(kCodeAlphabet[byte % kCodeAlphabet.size()]);
        if (i == 3 || i == 7) {
            code.push_back('-');
        }
    }
    const Millis at = clock_.now();
    kiosks_.addEnrolmentCode(signing::sha256Hex(normaliseCode(code)), terms, at,
                             at + kCodeLifetime);
    return {code, terms.buildingId, at + kCodeLifetime, terms.settings, terms.replaces};
}

void KioskService::checkAttempts(const std::string& clientAddress, Millis at) {
    std::lock_guard lock(failuresMutex_);
    for (auto it = recentFailures_.begin(); it != recentFailures_.end();) {
        std::erase_if(it->second, [at](Millis t) { return t < at - 60'000; });
        it = it->second.empty() ? recentFailures_.erase(it) : std::next(it);
    }
    if (recentFailures_[clientAddress].size() >= kMaxFailuresPerMinute) {
        throw ApiError(429, "too_many_attempts", "too many wrong codes; try in a minute");
    }
}

void KioskService::noteRefusal(const std::string& clientAddress, Millis at) {
    std::lock_guard lock(failuresMutex_);
    recentFailures_[clientAddress].push_back(at);
}

EnrolledKiosk KioskService::enrol(const EnrolRequest& request, const std::string& clientAddress) {
    const Millis at = clock_.now();
    checkAttempts(clientAddress, at);
    if (!signing::isPublicKey(request.publicKey)) {
        throw ApiError::invalid("public_key", "public_key must be a base64 Ed25519 public key");
    }
    const std::string codeHash = signing::sha256Hex(normaliseCode(request.code));
    const auto terms = kiosks_.usableCode(codeHash, at);
    const ApiError invalidCode(403, "invalid_code",
                               "the enrolment code is unknown, used or expired");
    if (!terms) {
        if (auto again = repeatedEnrolment(codeHash, request.publicKey)) {
            return *again;  // the kiosk's retry after the reply was lost
        }
        noteRefusal(clientAddress, at);
        throw invalidCode;
    }
    if (!request.buildingId.empty() && request.buildingId != terms->buildingId) {
        noteRefusal(clientAddress, at);
        throw ApiError(403, "wrong_building", "this code is for another building");
    }
    Kiosk kiosk;
    kiosk.id = "k-" + random_.hex(8);
    kiosk.publicKey = request.publicKey;
    kiosk.name = request.name;
    kiosk.enrolledAt = at;
    const Enrolment done = kiosks_.enrol(codeHash, kiosk, at);
    if (done.outcome == EnrolOutcome::UnusableCode) {  // used by another request just now
        noteRefusal(clientAddress, at);
        throw invalidCode;
    }
    if (done.outcome == EnrolOutcome::AlreadyReplaced) {
        throw ApiError(409, "already_replaced",
                       "kiosk " + done.terms.replaces + " was already replaced by another");
    }
    kiosk.buildingId = done.terms.buildingId;
    kiosk.settings = done.terms.settings;
    return {kiosk, *hub_.territories().building(kiosk.buildingId)};
}

std::optional<EnrolledKiosk> KioskService::repeatedEnrolment(const std::string& codeHash,
                                                             const std::string& publicKey) {
    const auto id = kiosks_.kioskEnrolledWith(codeHash);
    const auto kiosk = id ? kiosks_.get(*id) : std::nullopt;
    if (!kiosk || kiosk->revokedAt || kiosk->publicKey != publicKey) {
        return std::nullopt;
    }
    return EnrolledKiosk{*kiosk, *hub_.territories().building(kiosk->buildingId)};
}

void KioskService::rotateKey(const Kiosk& kiosk, const std::string& publicKey) {
    if (!signing::isPublicKey(publicKey)) {
        throw ApiError::invalid("public_key", "public_key must be a base64 Ed25519 public key");
    }
    const Millis at = clock_.now();
    // A retry of the rotation that made the key current changes nothing.
    if (publicKey == kiosk.publicKey || isCurrentKey(kiosks_.keys(kiosk.id), publicKey, at)) {
        return;
    }
    if (!kiosks_.rotateKey(kiosk.id, kiosk.publicKey, publicKey, at)) {
        const auto now = kiosks_.get(kiosk.id);
        if (now && !now->revokedAt && now->publicKey == publicKey) {
            return;  // the same rotation, sent twice at once
        }
        throw ApiError(409, "rotation_pending", "another key rotation of this kiosk came first");
    }
}

bool KioskService::signedByPreviousKey(const std::string& kioskId, const std::string& message,
                                       const std::string& signature, Millis at) {
    const std::vector<std::string> keys = kiosks_.keysReplacedAfter(kioskId, at - kKeyGrace);
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
        return signing::verify(key, message, signature);
    });
}

Kiosk KioskService::authenticate(const SignedRequest& r) {
    const auto kiosk = kiosks_.get(r.kioskId);
    if (!kiosk || kiosk->revokedAt) {
        throw unauthorized("unknown_kiosk", "this kiosk is not enrolled or was revoked");
    }
    const Millis at = clock_.now();
    Millis sent = 0;
    const auto [end, error] =
        std::from_chars(r.timestamp.data(), r.timestamp.data() + r.timestamp.size(), sent);
    if (error != std::errc() || end != r.timestamp.data() + r.timestamp.size()) {
        throw unauthorized("stale_request", "the request has no valid timestamp");
    }
    if (sent < at - kFreshness || sent > at + kFreshness) {
        throw unauthorized("stale_request", "the request's time is more than 5 minutes off");
    }
    if (r.nonce.size() < 16 || r.nonce.size() > 64) {
        throw unauthorized("bad_signature", "the nonce must be 16 to 64 characters");
    }
    const std::string message =
        signing::canonicalRequest(r.method, r.pathAndQuery, r.timestamp, r.nonce, r.body);
    if (!signing::verify(kiosk->publicKey, message, r.signature) &&
        !signedByPreviousKey(kiosk->id, message, r.signature, at)) {
        throw unauthorized("bad_signature", "the signature does not match the kiosk's key");
    }
    if (!kiosks_.useNonce(kiosk->id, r.nonce, at, at - 2 * kFreshness)) {
        throw unauthorized("replayed_request", "this request was already received");
    }
    return *kiosk;
}

std::vector<EventAck> KioskService::push(const Kiosk& kiosk,
                                         const std::vector<PushedEvent>& events) {
    // The links of every ballot's phone, read at once.
    std::vector<std::string> phones;
    for (const PushedEvent& e : events) {
        if (e.ballot) {
            if (const auto e164 = core::normalisePhone(e.phone)) {
                phones.push_back(*e164);
            }
        }
    }
    const auto linked = hub_.residents().store().linkedOwners(kiosk.buildingId, phones);
    std::vector<EventAck> acks;
    std::vector<Ballot> ballots;
    std::vector<std::size_t> ballotAcks;
    for (const PushedEvent& e : events) {
        acks.push_back({e.id, "stored", ""});
        try {
            // Ids are the kiosk's own: no kiosk can take another's.
            if (e.id.rfind(kiosk.id + "-", 0) != 0 || e.id.size() > 128) {
                throw ApiError::invalid("id", "an event id starts with the kiosk id and a dash");
            }
            if (e.ballot) {
                Ballot b = *e.ballot;
                b.channel = Channel::Kiosk;
                b.source = kiosk.id;
                resolveVoter(kiosk, b, e.phone, linked);
                ballots.push_back(std::move(b));
                ballotAcks.push_back(acks.size() - 1);
                continue;
            }
            if (const auto stored = kiosks_.event(e.id)) {
                if (stored->payload != e.payload || stored->type != e.type) {
                    throw ApiError::conflict("another event was stored under this id");
                }
                acks.back().status = "already_stored";
                continue;
            }
            storeEvent(kiosk, e);
        } catch (const ApiError& error) {
            acks.back() = {e.id, "rejected", error.what()};
        }
    }
    const std::vector<BallotOutcome> outcomes = hub_.submitBallots(ballots, &kiosk.buildingId);
    const Ballot* lastStored = nullptr;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        EventAck& ack = acks[ballotAcks[i]];
        if (!outcomes[i].error.empty()) {
            ack.status = "rejected";
            ack.error = outcomes[i].error;
        } else if (outcomes[i].outcome == SubmitOutcome::AlreadyStored) {
            ack.status = "already_stored";
        } else {
            lastStored = &ballots[i];
        }
    }
    // Ballots are stored by the hub's ballot store in its own transaction;
    // they still count as the kiosk's latest received events.
    if (lastStored) {
        kiosks_.noteReceived(kiosk.id, lastStored->castAt, clock_.now());
    }
    return acks;
}

void KioskService::storeEvent(const Kiosk& kiosk, const PushedEvent& e) {
    checkHardware(e);
    // Applied first and stored after: a rejected event is not kept, so the
    // kiosk may send it again once it can be applied. Applying is idempotent
    // by the event id, so a crash in between is harmless.
    applyResidentEvent(kiosk, e);
    kiosks_.addEvent({e.id, kiosk.id, e.type, e.at, e.payload, clock_.now(), e.telemetry, e.alarm});
}

void KioskService::resolveVoter(const Kiosk& kiosk, Ballot& ballot, const std::string& phone,
                                const std::map<std::string, std::string>& linked) {
    // A kiosk's word on who voted is not enough: the voter is the owner the
    // resident's verified phone is linked to in this kiosk's building.
    const auto e164 = core::normalisePhone(phone);
    std::optional<std::string> owner;
    if (e164) {
        const auto it = linked.find(*e164);
        // Not read ahead: the link may have come earlier in this same push.
        owner = it != linked.end() ? std::optional(it->second)
                                   : hub_.residents().store().linkedOwner(*e164, kiosk.buildingId);
    }
    if (!owner) {
        throw ApiError::invalid("phone",
                                "this phone is not linked to premises of the building; "
                                "only linked phones vote in assemblies");
    }
    if (!ballot.voterId.empty() && ballot.voterId != *owner) {
        throw ApiError::invalid("voter_id", "the voter is not the one this phone is linked to");
    }
    ballot.voterId = *owner;
}

void KioskService::applyResidentEvent(const Kiosk& kiosk, const PushedEvent& e) {
    if (e.type == "phone_registration") {
        hub_.residents().registerPhone(e.phone, "kiosk");
    } else if (e.type == "consent") {
        if (e.action == "withdrawn") {
            hub_.residents().withdrawConsent(e.phone, e.kind, "kiosk");
        } else {
            hub_.residents().giveConsent(e.phone, e.kind, e.textVersion, "kiosk", e.id);
        }
    } else if (e.type == "link_request") {
        hub_.residents().requestLink(e.phone, kiosk.buildingId, e.premises, "kiosk", e.id);
    } else if (e.type == "poll_answer") {
        hub_.polls().answer(e.pollId, e.phone, e.option, e.at, e.id, "kiosk");
    } else if (e.type == "problem_report") {
        const auto building = hub_.territories().building(kiosk.buildingId);
        Report r;
        r.id = e.id;
        r.territoryId = building->territoryId;
        r.buildingId = kiosk.buildingId;
        r.category = e.category;
        r.text = e.text;
        r.phone = e.phone;
        r.channel = "kiosk";
        hub_.polls().report(r);
    }
}

KioskChanges KioskService::changes(const Kiosk& kiosk, Millis cursor) {
    KioskChanges c;
    c.cursor = clock_.now();
    c.kiosk = kiosk;
    c.building = *hub_.territories().building(kiosk.buildingId);
    c.territory = *hub_.territories().territory(c.building.territoryId);
    for (Notice& n : hub_.notices(c.territory.id, c.building.id, false)) {
        if (n.changedAt > std::max<Millis>(cursor, kChangesOverlap) - kChangesOverlap) {
            c.notices.push_back(std::move(n));
        }
    }
    for (Poll& p : hub_.polls().polls(c.territory.id)) {
        if (p.closesAt > c.cursor && (!p.buildingId || *p.buildingId == c.building.id)) {
            c.polls.push_back(std::move(p));
        }
    }
    ResidentStore& residents = hub_.residents().store();
    c.salt = residents.salt(c.building.id, [this] { return random_.hex(16); });
    for (const auto& [phone, owner] : residents.linkedPhones(c.building.id)) {
        c.voterHashes.emplace_back(phoneHash(c.salt, phone), owner);
    }
    for (Assembly& a : hub_.assemblies(c.territory.id)) {
        if (!a.buildingId || *a.buildingId == c.building.id) {
            c.assemblies.push_back(std::move(a));
        }
    }
    return c;
}

std::string KioskService::phoneHash(const std::string& salt, const std::string& phone) {
    const std::string key = salt + "\n" + phone;
    {
        std::lock_guard lock(hashesMutex_);
        if (const auto found = phoneHashes_.find(key); found != phoneHashes_.end()) {
            return found->second;
        }
    }
    std::string hash = signing::phoneHash(salt, phone);  // slow: outside the lock
    std::lock_guard lock(hashesMutex_);
    return phoneHashes_.emplace(key, std::move(hash)).first->second;
}

Kiosk KioskService::kiosk(const std::string& kioskId) {
    auto k = kiosks_.get(kioskId);
    if (!k) {
        throw ApiError::notFound("kiosk " + kioskId);
    }
    return *k;
}

std::vector<KioskOverview> KioskService::overview(const std::string& buildingId) {
    if (!buildingId.empty() && !hub_.territories().building(buildingId)) {
        throw ApiError::notFound("building " + buildingId);
    }
    const Millis at = clock_.now();
    std::vector<KioskOverview> out;
    for (KioskHealth& h : kiosks_.health({"", buildingId})) {
        const KioskStatus status = statusOf(h, at);
        out.push_back({std::move(h), status, at, {}});
    }
    return out;
}

KioskOverview KioskService::overviewOf(const std::string& kioskId) {
    std::vector<KioskHealth> found = kiosks_.health({kioskId, ""});
    if (found.empty()) {
        throw ApiError::notFound("kiosk " + kioskId);
    }
    const Millis at = clock_.now();
    const KioskStatus status = statusOf(found[0], at);
    return {std::move(found[0]), status, at, kiosks_.alarmHistory(kioskId, kAlarmHistory)};
}

bool KioskService::revoke(const std::string& kioskId) {
    return kiosks_.revoke(kioskId, clock_.now());
}

}  // namespace veche::hub
