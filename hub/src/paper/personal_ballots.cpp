#include "veche/hub/paper/personal_ballots.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "veche/core/bundle.h"
#include "veche/paperwork/typography.h"

namespace veche::hub::paper {
namespace {

// Which holdings an owner's ballot covers, and the owners who share it: an
// owner who holds only joint holdings shares one ballot with those co-owners
// who hold exactly the same ones.
std::vector<PersonalBallot> registryBallots(const core::Registry& registry) {
    std::vector<std::vector<std::size_t>> holdingsOf(registry.owners.size());
    for (std::size_t h = 0; h < registry.holdings.size(); ++h) {
        for (std::size_t owner : registry.holdings[h].owners) {
            holdingsOf[owner].push_back(h);
        }
    }
    std::vector<PersonalBallot> ballots;
    std::map<std::vector<std::size_t>, std::size_t> jointBallot;  // holdings -> index
    for (std::size_t o = 0; o < registry.owners.size(); ++o) {
        const auto& mine = holdingsOf[o];
        const bool onlyJoint = !mine.empty() && std::all_of(mine.begin(), mine.end(), [&](auto h) {
            return registry.holdings[h].owners.size() > 1;
        });
        if (onlyJoint) {
            if (const auto it = jointBallot.find(mine); it != jointBallot.end()) {
                ballots[it->second].voterNames.push_back(registry.owners[o].name);
                continue;
            }
            jointBallot.emplace(mine, ballots.size());
        }
        PersonalBallot b;
        b.voterId = registry.owners[o].id;
        b.voterNames.push_back(registry.owners[o].name);
        for (std::size_t h : mine) {
            const core::Holding& holding = registry.holdings[h];
            const core::Premises& p = registry.premises[holding.premises];
            const core::Fraction votes = core::Fraction(p.areaHundredths, 100) * holding.share;
            b.holdings.push_back(
                {p.number, p.areaHundredths, holding.share.toString(), holding.document, votes});
            b.votes += votes;
        }
        ballots.push_back(std::move(b));
    }
    return ballots;
}

std::vector<PersonalBallot> memberBallots(const std::vector<core::Member>& members) {
    std::vector<PersonalBallot> ballots;
    for (const core::Member& m : members) {
        PersonalBallot b;
        b.voterId = m.id;
        b.voterNames.push_back(m.name);
        b.votes = core::Fraction(1);
        ballots.push_back(std::move(b));
    }
    return ballots;
}

}  // namespace

std::vector<PersonalBallot> personalBallots(const Assembly& assembly, std::string_view secret) {
    core::Problems problems;
    std::vector<PersonalBallot> ballots =
        core::weighsByArea(assembly.agenda.rules)
            ? registryBallots(core::readRegistry(assembly.voters, problems))
            : memberBallots(core::readMembers(assembly.voters, problems));
    if (!problems.empty()) {
        throw std::runtime_error("the voter list of assembly " + assembly.id +
                                 " cannot be read: " + problems.front().message);
    }
    std::set<std::string> ids;
    for (PersonalBallot& b : ballots) {
        b.code.assemblyId = assembly.id;
        b.code.ballotId = ballotIdOf(assembly.id, b.voterId);
        b.code.check = checkOf(secret, assembly.id, b.code.ballotId);
        if (!ids.insert(b.code.ballotId).second) {
            throw std::runtime_error("two ballots of assembly " + assembly.id + " share the id " +
                                     b.code.ballotId);
        }
    }
    return ballots;
}

std::string formatDeadline(Millis t, int utcOffsetMinutes) {
    using namespace std::chrono;
    const Millis local = t + static_cast<Millis>(utcOffsetMinutes) * 60'000;
    const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(local)));
    const year_month_day ymd(day);
    const Millis minutes = (local - day.time_since_epoch().count() * 86'400'000LL) / 60'000;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return paperwork::formatDate({static_cast<int>(ymd.year()),
                                  static_cast<int>(static_cast<unsigned>(ymd.month())),
                                  static_cast<int>(static_cast<unsigned>(ymd.day()))}) +
           ", " + clock;
}

}  // namespace veche::hub::paper
