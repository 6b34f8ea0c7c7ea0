#include "veche/hub/services/ussd_backend.h"

#include <set>

#include "veche/core/phone.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/counting.h"
#include "veche/signing/ed25519.h"

namespace veche::hub {

namespace {

// The gateway's number as the hub stores phones; an unusable one matches no
// resident.
std::string phoneOf(const std::string& msisdn) {
    return core::normalisePhone(msisdn).value_or("");
}

ussd::NoticeSummary summaryOf(const Notice& n) {
    return {n.title, n.body, n.category == NoticeCategory::Emergency};
}

}  // namespace

std::string idOf(const std::string& prefix, const std::string& key) {
    return prefix + signing::sha256Hex(key).substr(0, 24);
}

HubUssdBackend::HubUssdBackend(Hub& hub, SmsService& sms, const Clock& clock, Millis cacheFor)
    : hub_(hub), sms_(sms), clock_(clock), cacheFor_(cacheFor), scope_(hub, clock) {}

ussd::Caller HubUssdBackend::caller(const std::string& msisdn) {
    return callers_.get(msisdn, clock_.now(), cacheFor_, [&] { return readCaller(msisdn); });
}

std::vector<ussd::NoticeSummary> HubUssdBackend::notices(const std::string& msisdn) {
    return notices_.get(msisdn, clock_.now(), cacheFor_, [&] { return readNotices(msisdn); });
}

std::vector<ussd::OpenAssembly> HubUssdBackend::assemblies(const std::string& msisdn) {
    return assemblies_.get(msisdn, clock_.now(), cacheFor_, [&] { return readAssemblies(msisdn); });
}

std::vector<ussd::OpenPoll> HubUssdBackend::polls(const std::string& msisdn) {
    return polls_.get(msisdn, clock_.now(), cacheFor_, [&] { return readPolls(msisdn); });
}

ussd::Caller HubUssdBackend::readCaller(const std::string& msisdn) {
    const std::string phone = phoneOf(msisdn);
    ussd::Caller c;
    if (phone.empty()) {
        return c;
    }
    const auto flats = scope_.flatsOf(phone);
    c.known = !flats.empty();
    if (c.known) {
        c.buildingName = flats.front().building.address;
    }
    c.smsConsent = scope_.smsConsent(phone);
    return c;
}

std::vector<ussd::NoticeSummary> HubUssdBackend::readNotices(const std::string& msisdn) {
    const std::string phone = phoneOf(msisdn);
    const auto flats = phone.empty() ? std::vector<PhoneScope::Flat>{} : scope_.flatsOf(phone);
    std::vector<Notice> found;
    if (flats.empty()) {
        found = hub_.noticeStore().listPublic(clock_.now());
    } else {
        std::set<std::string> seen;
        for (const PhoneScope::Flat& flat : flats) {
            for (Notice& n : hub_.notices(flat.building.territoryId, flat.building.id, true)) {
                if (seen.insert(n.id).second) {
                    found.push_back(std::move(n));
                }
            }
        }
        std::stable_sort(found.begin(), found.end(), [](const Notice& a, const Notice& b) {
            const bool ea = a.category == NoticeCategory::Emergency;
            const bool eb = b.category == NoticeCategory::Emergency;
            return ea != eb ? ea : a.createdAt > b.createdAt;
        });
    }
    std::vector<ussd::NoticeSummary> out;
    for (const Notice& n : found) {
        out.push_back(summaryOf(n));
    }
    return out;
}

std::vector<ussd::OpenAssembly> HubUssdBackend::readAssemblies(const std::string& msisdn) {
    std::vector<ussd::OpenAssembly> out;
    const std::string phone = phoneOf(msisdn);
    if (phone.empty()) {
        return out;
    }
    std::set<std::string> listed;  // a number linked to two flats of one building
    for (const auto& [a, owner] : scope_.openAssembliesFor(phone)) {
        if (!listed.insert(a.id).second) {
            continue;
        }
        ussd::OpenAssembly o{a.id, a.title, {}, !isBinding(Channel::Ussd, a)};
        for (const auto& item : a.agenda.items) {
            o.items.push_back({item.id, item.title});
        }
        out.push_back(std::move(o));
    }
    return out;
}

ussd::VoteResult HubUssdBackend::vote(const std::string& msisdn, const std::string& assemblyId,
                                      const std::vector<ussd::Choice>& choices,
                                      const std::string& key) {
    const std::string phone = phoneOf(msisdn);
    const std::string ballotId = idOf("ussd-", key);
    for (const auto& [a, owner] : scope_.openAssembliesFor(phone)) {
        if (a.id != assemblyId) {
            continue;
        }
        if (choices.size() != a.agenda.items.size()) {
            return {false, "", "ответ нужен на каждый вопрос."};
        }
        Ballot ballot;
        ballot.id = ballotId;
        ballot.assemblyId = a.id;
        ballot.voterId = owner;
        ballot.channel = Channel::Ussd;
        ballot.castAt = clock_.now();
        ballot.source = "ussd";
        static constexpr core::Choice kChoices[] = {core::Choice::For, core::Choice::Against,
                                                    core::Choice::Abstain};
        for (std::size_t i = 0; i < choices.size(); ++i) {
            ballot.answers.emplace_back(a.agenda.items[i].id,
                                        kChoices[static_cast<int>(choices[i])]);
        }
        try {
            hub_.submitBallot(ballot);
        } catch (const ApiError&) {
            // A retried confirmation finds its ballot stored (cast a moment
            // earlier): it stands as it was.
            if (!isStored(ballotId, a.id, owner)) {
                return {false, "", "голосование закрыто или этот голос уже не принять."};
            }
        }
        const std::string receipt = receiptOf(ballotId);
        sms_.send(phone,
                  "Вече: голос по USSD принят" +
                      std::string(isBinding(Channel::Ussd, a) ? "" : " (совещательный)") + ", " +
                      a.title + ". Квитанция " + receipt + ".",
                  "receipt");
        return {true, receipt, ""};
    }
    return {false, "", "голосование закрыто или недоступно для вашего номера."};
}

bool HubUssdBackend::isStored(const std::string& ballotId, const std::string& assemblyId,
                              const std::string& owner) {
    for (const Ballot& b : hub_.ballotStore().ballots(assemblyId)) {
        if (b.id == ballotId) {
            return b.voterId == owner;
        }
    }
    return false;
}

std::vector<ussd::OpenPoll> HubUssdBackend::readPolls(const std::string& msisdn) {
    std::vector<ussd::OpenPoll> out;
    const std::string phone = phoneOf(msisdn);
    if (phone.empty()) {
        return out;
    }
    for (const Poll& p : scope_.openPollsFor(phone)) {
        out.push_back({p.id, p.question, p.options});
    }
    return out;
}

void HubUssdBackend::answerPoll(const std::string& msisdn, const std::string& pollId, int option,
                                const std::string& key) {
    hub_.polls().answer(pollId, phoneOf(msisdn), option, clock_.now(), idOf("ussd-", key), "ussd");
}

std::string HubUssdBackend::report(const std::string& msisdn, const std::string& category,
                                   const std::string& text, const std::string& key) {
    const std::string phone = phoneOf(msisdn);
    const auto flats = scope_.flatsOf(phone);
    if (flats.empty()) {
        throw ApiError::invalid("phone", "the number is not linked to a flat");
    }
    Report r;
    r.id = idOf("r-", key);  // a retried confirmation keeps the first report
    r.territoryId = flats.front().building.territoryId;
    r.buildingId = flats.front().building.id;
    r.category = category;
    r.text = text;
    r.phone = phone;
    r.channel = "ussd";
    return hub_.polls().report(r).id;
}

void HubUssdBackend::setSmsConsent(const std::string& msisdn, bool given,
                                   const std::string& textVersion) {
    const std::string phone = phoneOf(msisdn);
    if (phone.empty()) {
        throw ApiError::invalid("phone", "not a Russian mobile number");
    }
    if (given) {
        // The network has proven the number, as for an SMS.
        hub_.residents().registerPhone(phone, "ussd");
        hub_.residents().giveConsent(phone, "sms", textVersion, "ussd");
    } else {
        hub_.residents().withdrawConsent(phone, "sms", "ussd");
    }
    callers_.forget(msisdn);  // the menu shows the consent as it is now
}

}  // namespace veche::hub
