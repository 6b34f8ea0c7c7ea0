#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "veche/core/fraction.h"

namespace veche::core {

enum class PremisesKind { Residential, NonResidential };

// A premises of an apartment building; its area counts into the total votes.
struct Premises {
    std::string number;
    PremisesKind kind = PremisesKind::Residential;
    std::int64_t areaHundredths = 0;  // m² x 100, always > 0
};

struct Owner {
    std::string id;
    std::string name;
};

// A share of one premises held by one owner, or held together by a joint
// ownership group (общая совместная собственность): any one of the group may
// cast all of its votes.
struct Holding {
    std::size_t premises = 0;         // index into Registry::premises
    Fraction share{1};                // in (0, 1]
    std::vector<std::size_t> owners;  // indexes into Registry::owners; >1 for joint
    std::string document;             // title deed, as given in the registry
};

// The owners' registry (реестр собственников) of one building.
struct Registry {
    std::vector<Premises> premises;
    std::vector<Owner> owners;
    std::vector<Holding> holdings;
};

// A member of a one-person-one-vote body (a resident, delegate or gardener).
struct Member {
    std::string id;
    std::string name;
};

// One indivisible block of votes and the voters who may cast it.
struct VotingUnit {
    Fraction weight;                  // votes: m² for oss-mkd, 1 per person otherwise
    std::vector<std::size_t> voters;  // indexes into Electorate::voterIds
};

// Who may vote and with what weight: the input of the tally.
struct Electorate {
    Fraction total;  // all votes, present or not
    std::vector<VotingUnit> units;
    std::vector<std::string> voterIds;  // owner or member ids, by voter index
};

// Votes = area x share for each holding; total = area of all premises,
// residential and non-residential. Voter indexes equal owner indexes.
Electorate electorateOf(const Registry& registry);

// One vote per member; total = number of members.
Electorate electorateOf(const std::vector<Member>& members);

}  // namespace veche::core
