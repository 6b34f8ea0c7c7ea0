#pragma once

// Personal ballots (решения собственника, LAW.md §4): who gets one, and the
// printed document of each (docs/paper-ballots.md).

#include <string>
#include <vector>

#include "veche/core/fraction.h"
#include "veche/hub/model.h"
#include "veche/hub/paper/ballot_code.h"
#include "veche/paperwork/document.h"

namespace veche::hub::paper {

// One premises a ballot votes for.
struct BallotHolding {
    std::string premises;
    std::int64_t areaHundredths = 0;  // 0 outside oss-mkd
    std::string share;                // "1", "1/2"
    std::string document;             // the title document
    core::Fraction votes;             // area x share (oss-mkd), else 1
};

// One ballot: one owner, or one joint-ownership group whose members hold
// nothing else (docs/bundle-format.md, `joint`), or one member of a
// one-person-one-vote body.
struct PersonalBallot {
    std::string voterId;                  // who the ballot counts for (the group's first owner)
    std::vector<std::string> voterNames;  // every co-owner of a joint group
    std::vector<BallotHolding> holdings;  // empty outside oss-mkd
    core::Fraction votes;
    BallotCode code;
};

// The ballots of `assembly` (its frozen voter list in Assembly::voters), in
// registry order, each with its id and check value under `secret`. Throws
// std::runtime_error if the voter list cannot be read or two ballots of the
// assembly would share an id (then the assembly needs new voter ids).
std::vector<PersonalBallot> personalBallots(const Assembly& assembly, std::string_view secret);

// What a ballot prints besides its own data.
struct BallotContext {
    std::string buildingAddress;  // empty outside oss-mkd
    int utcOffsetMinutes = 180;   // the territory's, for the deadline
};

// The printed ballot: the voter, premises, title documents, shares and votes,
// the agenda with За / Против / Воздержался boxes, the return address and
// deadline, a signature line and the QR code with the printed id and check.
paperwork::Document ballotDocument(const Assembly& assembly, const PersonalBallot& ballot,
                                   const BallotContext& context);

// All ballots in one document, a page break between them.
paperwork::Document ballotsDocument(const Assembly& assembly,
                                    const std::vector<PersonalBallot>& ballots,
                                    const BallotContext& context);

// «10 декабря 2026 г., 18:00» for `t` at `utcOffsetMinutes` from UTC.
std::string formatDeadline(Millis t, int utcOffsetMinutes);

}  // namespace veche::hub::paper
