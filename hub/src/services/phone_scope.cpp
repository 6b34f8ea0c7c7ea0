#include "veche/hub/services/phone_scope.h"

#include <set>

namespace veche::hub {

std::vector<PhoneScope::Flat> PhoneScope::flatsOf(const std::string& phone) {
    std::vector<Flat> flats;
    for (const LinkRequest& l : hub_.residents().store().linkRequestsOf(phone)) {
        if (l.status == "confirmed") {
            if (auto b = hub_.territories().building(l.buildingId)) {
                flats.push_back({std::move(*b), l.ownerId});
            }
        }
    }
    return flats;
}

std::vector<std::pair<Assembly, std::string>> PhoneScope::openAssembliesFor(
    const std::string& phone) {
    std::vector<std::pair<Assembly, std::string>> open;
    const Millis now = clock_.now();
    for (const Flat& flat : flatsOf(phone)) {
        for (Assembly& a : hub_.assemblies(flat.building.territoryId)) {
            const bool here = !a.buildingId || *a.buildingId == flat.building.id;
            if (here && a.status == AssemblyStatus::Open && a.opensAt <= now) {
                open.emplace_back(std::move(a), flat.ownerId);
            }
        }
    }
    return open;
}

std::vector<Poll> PhoneScope::openPollsFor(const std::string& phone) {
    std::set<std::string> territories, buildings;
    for (const Flat& flat : flatsOf(phone)) {
        territories.insert(flat.building.territoryId);
        buildings.insert(flat.building.id);
    }
    const Millis now = clock_.now();
    std::vector<Poll> open;
    for (const std::string& t : territories) {
        for (Poll& p : hub_.polls().polls(t)) {
            const bool here = !p.buildingId || buildings.count(*p.buildingId) > 0;
            if (here && p.opensAt <= now && now < p.closesAt) {
                open.push_back(std::move(p));
            }
        }
    }
    return open;
}

bool PhoneScope::smsConsent(const std::string& phone) {
    for (const Consent& c : hub_.residents().store().consents(phone)) {
        if (c.kind == "sms" && !c.withdrawnAt) {
            return true;
        }
    }
    return false;
}

}  // namespace veche::hub
