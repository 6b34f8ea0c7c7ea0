#include "veche/hub/services/residents.h"

#include <algorithm>

#include "veche/core/csv.h"
#include "veche/core/phone.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {

ResidentService::ResidentService(ResidentStore& residents, TerritoryStore& territories,
                                 const Clock& clock, Random& random)
    : residents_(residents), territories_(territories), clock_(clock), random_(random) {}

std::string ResidentService::registerPhone(const std::string& phone, const std::string& via) {
    const auto e164 = core::normalisePhone(phone);
    if (!e164) {
        throw ApiError::invalid("phone", "a Russian mobile number: 11 digits from +7 or 8");
    }
    residents_.verifyPhone(*e164, clock_.now(), via);
    return *e164;
}

std::string ResidentService::verified(const std::string& phone) {
    const auto e164 = core::normalisePhone(phone);
    if (!e164 || !residents_.isVerified(*e164)) {
        throw ApiError::invalid("phone", "the phone is not verified");
    }
    return *e164;
}

Consent ResidentService::giveConsent(const std::string& phone, const std::string& kind,
                                     const std::string& textVersion, const std::string& channel,
                                     const std::string& id) {
    if (kind != "sms" && kind != "personal_data") {
        throw ApiError::invalid("kind", "kind is sms or personal_data");
    }
    if (textVersion.empty()) {
        throw ApiError::invalid("text_version", "say which consent text was shown");
    }
    Consent c{id.empty() ? "c-" + random_.hex(8) : id,
              verified(phone),
              kind,
              textVersion,
              clock_.now(),
              channel,
              std::nullopt,
              ""};
    residents_.addConsent(c);
    return c;
}

int ResidentService::withdrawConsent(const std::string& phone, const std::string& kind,
                                     const std::string& via) {
    return residents_.withdrawConsents(verified(phone), kind, clock_.now(), via);
}

std::vector<std::string> ResidentService::ownersOf(const std::string& buildingId,
                                                   const std::string& premises) {
    const core::Registry registry = territories_.registry(buildingId);
    std::vector<std::string> owners;
    for (const core::Holding& h : registry.holdings) {
        if (registry.premises[h.premises].number == premises) {
            for (std::size_t o : h.owners) {
                owners.push_back(registry.owners[o].id);
            }
        }
    }
    return owners;
}

LinkRequest ResidentService::requestLink(const std::string& phone, const std::string& buildingId,
                                         const std::string& premises, const std::string& via,
                                         const std::string& id) {
    const std::string e164 = verified(phone);
    if (!territories_.building(buildingId)) {
        throw ApiError::invalid("building_id", "no building " + buildingId);
    }
    const std::vector<std::string> owners = ownersOf(buildingId, premises);
    if (owners.empty()) {
        throw ApiError::invalid("premises", "no premises " + premises + " in the registry");
    }
    LinkRequest r{id.empty() ? "l-" + random_.hex(8) : id,
                  e164,
                  buildingId,
                  premises,
                  "pending",
                  "",
                  clock_.now(),
                  via,
                  std::nullopt,
                  "",
                  ""};
    for (const std::string& owner : residents_.ownersWithPhone(buildingId, e164)) {
        if (std::find(owners.begin(), owners.end(), owner) != owners.end()) {
            r.status = "confirmed";
            r.ownerId = owner;
            r.decidedAt = r.requestedAt;
            r.decidedBy = "registry";
            break;
        }
    }
    residents_.addLinkRequest(r);
    return r;
}

LinkRequest ResidentService::confirmLink(const std::string& id, const std::string& ownerId,
                                         const std::string& staff) {
    const auto r = residents_.linkRequest(id);
    if (!r) {
        throw ApiError::notFound("link request " + id);
    }
    const auto owners = ownersOf(r->buildingId, r->premises);
    if (std::find(owners.begin(), owners.end(), ownerId) == owners.end()) {
        throw ApiError::invalid("owner_id", "owner " + ownerId + " does not hold premises " +
                                                r->premises + " in the registry");
    }
    if (!residents_.decide(id, "confirmed", ownerId, clock_.now(), staff, "")) {
        throw ApiError::conflict("the request was already decided");
    }
    return *residents_.linkRequest(id);
}

LinkRequest ResidentService::rejectLink(const std::string& id, const std::string& reason,
                                        const std::string& staff) {
    if (!residents_.linkRequest(id)) {
        throw ApiError::notFound("link request " + id);
    }
    if (reason.empty()) {
        throw ApiError::invalid("reason", "say why, for the resident");
    }
    if (!residents_.decide(id, "rejected", "", clock_.now(), staff, reason)) {
        throw ApiError::conflict("the request was already decided");
    }
    return *residents_.linkRequest(id);
}

core::Problems ResidentService::importOwnerPhones(const std::string& buildingId,
                                                  const std::string& csv) {
    const core::CsvDocument doc = core::parseCsv(csv);
    core::Problems problems;
    for (const core::CsvError& e : doc.errors) {
        problems.push_back({"owner_phones.csv", e.line, e.message});
    }
    if (doc.records.empty() ||
        doc.records[0].fields != std::vector<std::string>{"owner_id", "phone"}) {
        problems.push_back({"owner_phones.csv", 1, "the header must be owner_id,phone"});
        return problems;
    }
    std::vector<std::pair<std::string, std::string>> rows;
    for (std::size_t i = 1; i < doc.records.size(); ++i) {
        const auto& r = doc.records[i];
        const auto phone = r.fields.size() == 2 ? core::normalisePhone(r.fields[1]) : std::nullopt;
        if (r.fields.size() != 2 || r.fields[0].empty() || !phone) {
            problems.push_back(
                {"owner_phones.csv", r.line, "expected an owner_id and a Russian mobile number"});
            continue;
        }
        rows.emplace_back(r.fields[0], *phone);
    }
    if (problems.empty()) {
        residents_.replaceOwnerPhones(buildingId, rows);
    }
    return problems;
}

}  // namespace veche::hub
