#include "veche/core/electorate.h"

namespace veche::core {

Electorate electorateOf(const Registry& registry) {
    Electorate electorate;
    for (const Premises& p : registry.premises) {
        electorate.total += Fraction(p.areaHundredths, 100);
    }
    electorate.units.reserve(registry.holdings.size());
    for (const Holding& h : registry.holdings) {
        const Fraction area(registry.premises.at(h.premises).areaHundredths, 100);
        electorate.units.push_back({area * h.share, h.owners});
    }
    electorate.voterIds.reserve(registry.owners.size());
    for (const Owner& o : registry.owners) {
        electorate.voterIds.push_back(o.id);
    }
    return electorate;
}

Electorate electorateOf(const std::vector<Member>& members) {
    Electorate electorate;
    electorate.total = Fraction(static_cast<std::int64_t>(members.size()));
    for (std::size_t i = 0; i < members.size(); ++i) {
        electorate.units.push_back({Fraction(1), {i}});
        electorate.voterIds.push_back(members[i].id);
    }
    return electorate;
}

}  // namespace veche::core
