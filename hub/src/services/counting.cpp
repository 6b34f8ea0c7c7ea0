#include "veche/hub/services/counting.h"

#include <map>
#include <tuple>

#include "veche/core/bundle_writer.h"

namespace veche::hub {

bool isBinding(Channel channel, const Assembly& assembly) {
    if (core::isConsultative(assembly.agenda.rules)) {
        return false;
    }
    return channel == Channel::Paper || assembly.electronicBinding;
}

CountedBallots selectCounted(const std::vector<Ballot>& ballots, const Assembly& assembly,
                             bool binding) {
    std::map<std::string, const Ballot*> first;
    CountedBallots result;
    for (const Ballot& b : ballots) {
        if (isBinding(b.channel, assembly) != binding) {
            continue;
        }
        const Ballot*& chosen = first[b.voterId];
        if (chosen == nullptr) {
            chosen = &b;
            continue;
        }
        ++result.repeats;
        if (std::tie(b.castAt, b.id) < std::tie(chosen->castAt, chosen->id)) {
            chosen = &b;
        }
    }
    for (const auto& [voter, ballot] : first) {
        result.counted.push_back(ballot);
    }
    return result;
}

core::BundleFiles bundleOf(const Assembly& assembly, const std::string& voters,
                           const std::vector<const Ballot*>& counted) {
    std::vector<core::BallotRow> rows;
    for (const Ballot* b : counted) {
        for (const auto& [item, choice] : b->answers) {
            rows.push_back({b->voterId, item, choice});
        }
    }
    core::BundleFiles files;
    files.agenda = core::agendaToJson(assembly.agenda);
    if (core::weighsByArea(assembly.agenda.rules)) {
        files.registry = voters;
    } else {
        files.members = voters;
    }
    files.ballots = core::ballotsToCsv(rows);
    return files;
}

}  // namespace veche::hub
