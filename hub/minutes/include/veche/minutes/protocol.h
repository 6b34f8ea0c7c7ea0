#pragma once

// The meeting's documents as paperwork::Document (docs/protocol.md): the
// protocol with the structure of приказ Минстроя 266/пр as LAW.md §7 gives
// it, and the notice. All text is Russian and set with paperwork::typeset.

#include <string>
#include <string_view>

#include "veche/core/bundle.h"
#include "veche/core/tally.h"
#include "veche/minutes/record.h"
#include "veche/paperwork/document.h"

namespace veche::minutes {

// A recount bundle read and counted exactly as `veche-hub recount` does.
struct Count {
    core::Meeting meeting;
    core::TallyResult result;
};

// Throws std::logic_error naming the first problem when `files` do not read
// (the hub validated everything in them when it was stored).
Count countOf(const core::BundleFiles& files);

// The protocol in the words of its rule set (owners and m² for oss-mkd;
// members, residents or delegates and persons otherwise): title and number,
// date and place, heading (address or territory, kind, form), introductory
// part (initiator, chair, secretary, counters, participants, all and
// participating votes, quorum), the agenda, СЛУШАЛИ / ПРЕДЛОЖЕНО / РЕШИЛИ for
// each item with за, против, воздержались in votes and percent (and by
// channel when electronic votes bind), the electronic ballots apart when they
// are consultative, where the papers are kept, the list of appendices,
// signatures; then the appendices: реестр собственников (or members), the
// notice, the proof of notification, the participants (with a signature
// column at an in-person or mixed meeting), the powers of attorney, the
// written decisions when there are paper ballots, the ballots received.
// `binding` and `consultative` are countOf(record.binding / consultative).
paperwork::Document protocolDocument(const MeetingRecord& record, const Count& binding,
                                     const Count* consultative);

// The notice (сообщение о проведении) from the hub's notice text: its first
// lines up to the blank line are the title, each other line a paragraph.
paperwork::Document noticeDocument(std::string_view noticeText);

// The meeting's body in the genitive, as the protocol's title names it
// («общего собрания собственников помещений в многоквартирном доме»), for
// the notice to name it the same way.
std::string bodyOf(core::RuleSet rules);

}  // namespace veche::minutes
