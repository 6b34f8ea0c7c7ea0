#pragma once

#include <optional>
#include <string>

#include "veche/core/agenda.h"
#include "veche/core/ballot.h"
#include "veche/core/electorate.h"
#include "veche/core/problem.h"

namespace veche::core {

// The contents of a meeting bundle's files; nullopt for a file that is absent.
// docs/bundle-format.md describes the format.
struct BundleFiles {
    std::optional<std::string> agenda;    // agenda.json
    std::optional<std::string> registry;  // registry.csv, for oss-mkd
    std::optional<std::string> members;   // members.csv, for the other rule sets
    std::optional<std::string> ballots;   // ballots.csv
};

struct Meeting {
    Agenda agenda;
    Electorate electorate;
    BallotBox ballots;
    Registry registry;  // empty unless the rule set weighs by area
};

struct BundleReading {
    std::optional<Meeting> meeting;  // present exactly when problems is empty
    Problems problems;               // every problem found, in file and line order
};

// Validates a whole bundle and reports every problem in it, not just the first.
BundleReading readBundle(const BundleFiles& files);

// The parts of readBundle, each appending what is wrong with its file to
// `problems`. They return what could be read, which is only meaningful when no
// problem was added. `everyRowRead` (when given) is set to whether every row of
// the file could be read at all, i.e. whether the list of voters is complete.
std::optional<Agenda> readAgenda(const std::string& json, Problems& problems);
Registry readRegistry(const std::string& csv, Problems& problems, bool* everyRowRead = nullptr);
std::vector<Member> readMembers(const std::string& csv, Problems& problems,
                                bool* everyRowRead = nullptr);

// Reads ballots.csv. Voters are checked against `voterIds` and items against
// `agenda`; either may be null when its file could not be read, and the
// checks that need it are then skipped. The returned box holds the ballots
// only when both are given.
BallotBox readBallots(const std::string& csv, const std::vector<std::string>* voterIds,
                      const Agenda* agenda, const char* voterFile, Problems& problems);

}  // namespace veche::core
