#pragma once

#include <vector>

#include "veche/core/agenda.h"
#include "veche/core/ballot.h"
#include "veche/core/electorate.h"
#include "veche/core/fraction.h"

namespace veche::core {

struct ItemResult {
    Fraction forVotes;
    Fraction against;
    Fraction abstain;
    Fraction invalid;
    bool adopted = false;
};

struct TallyResult {
    RuleSet rules = RuleSet::OssMkd;
    Fraction total;
    Fraction participating;
    bool quorum = false;
    bool consultative = false;
    std::vector<ItemResult> items;  // in agenda order
};

// Counts a meeting exactly.
//
// A voting unit participates when any of its voters participated; its whole
// weight then goes to one answer per item: the answer its participating voters
// agree on, or Invalid when they differ (joint owners who disagree). For every
// item, for + against + abstain + invalid = participating. Without a quorum
// nothing is adopted.
//
// Throws std::invalid_argument when the ballot box does not match the agenda
// and electorate in size.
TallyResult tally(const Agenda& agenda, const Electorate& electorate, const BallotBox& ballots);

}  // namespace veche::core
