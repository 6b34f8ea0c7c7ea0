#pragma once

#include <string>
#include <vector>

#include "veche/core/bundle.h"
#include "veche/core/tally.h"
#include "veche/hub/model.h"

namespace veche::hub {

// Whether a ballot from `channel` gives a binding decision in `assembly`:
// paper always does; kiosk, USSD and SMS only where the assembly says so
// (docs/ballots.md). A poll binds nothing, whatever the channel.
bool isBinding(Channel channel, const Assembly& assembly);

// The ballots that count, chosen by the one duplicate rule, the same for
// every channel: among one voter's ballots of one kind (binding or
// consultative), the earliest cast counts, and of two cast at the same
// millisecond the one with the smaller id; the others are repeats, kept but
// not counted. The choice depends only on the ballots, not on the order they
// arrived in.
struct CountedBallots {
    std::vector<const Ballot*> counted;  // by voter
    std::size_t repeats = 0;
};
CountedBallots selectCounted(const std::vector<Ballot>& ballots, const Assembly& assembly,
                             bool binding);

// The recount bundle of an assembly for the given counted ballots: what
// `veche-hub recount` reads, and what the live results are computed from.
// `voters` is registry.csv text for oss-mkd, members.csv text otherwise.
core::BundleFiles bundleOf(const Assembly& assembly, const std::string& voters,
                           const std::vector<const Ballot*>& counted);

}  // namespace veche::hub
