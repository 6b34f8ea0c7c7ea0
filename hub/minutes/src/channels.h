#pragma once

// Where the binding votes came from (internal): when electronic votes bind,
// the protocol shows each item's votes by channel (docs/protocol.md).

#include <string>
#include <vector>

#include "veche/minutes/protocol.h"

namespace veche::minutes {

// The votes of the voting units whose counted ballots came by `channel`
// ("paper", "kiosk", "ussd", "sms"; "mixed" for joint owners who used
// different ones), counted as the whole is: each unit falls in exactly one
// channel, so for every item the channels' votes add up to the total.
struct ChannelCount {
    std::string channel;
    core::TallyResult result;
};

// The channels that have participants, paper first, then kiosk, USSD, SMS,
// mixed. `binding` is countOf(record.binding).
std::vector<ChannelCount> countByChannel(const MeetingRecord& record, const Count& binding);

// Item `item`'s «за», «против», «воздержались» and invalid votes by channel,
// one row each, with the total last.
paperwork::Table channelTable(const std::vector<ChannelCount>& counts, std::size_t item,
                              const core::TallyResult& total);

}  // namespace veche::minutes
