#pragma once

// The protocol's appendices (internal), in the order of LAW.md §7's
// mandatory annexes: the owners' registry (or the members), the notice, the
// proof of notification, the participants (with signatures at an in-person
// meeting), the powers of attorney, the written decisions with their sheets,
// the register of ballots received.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "veche/minutes/protocol.h"

namespace veche::minutes {

enum class Appendix {
    Voters,            // реестр собственников or the members list
    Notice,            // the notice (сообщение о проведении)
    Notification,      // proof that voters were notified
    Participants,      // the participants; a signature column when they met in person
    Proxies,           // powers of attorney of representatives: completed by hand
    WrittenDecisions,  // the paper ballots with a column for their sheets; only when any
    Received,          // every ballot received and whether it was counted
};

// The appendices attached to the protocol of `record`, in order: the number
// of each is its place in this list plus one.
std::vector<Appendix> appendicesOf(const MeetingRecord& record);
int numberOf(Appendix appendix, const MeetingRecord& record);

// "Реестр собственников помещений", "Список участников собрания"…
std::string appendixTitle(Appendix appendix, const MeetingRecord& record, core::RuleSet rules);
// What the list of appendices says besides the title: what the operator
// completes by hand, how many written decisions; "" when nothing.
std::string appendixNote(Appendix appendix, const MeetingRecord& record);

// Each appendix on new pages, after the main part.
void addAppendices(paperwork::Document& document, const MeetingRecord& record,
                   const Count& binding);

// The appendix's number and title on a new page.
void startAppendix(paperwork::Document& document, Appendix appendix, const MeetingRecord& record,
                   core::RuleSet rules);

// The appendices the hub knows only in part, the written decisions and the
// register of ballots received (annexes.cpp).
void addNotification(paperwork::Document& document, const MeetingRecord& record);
void addProxies(paperwork::Document& document);
void addWrittenDecisions(paperwork::Document& document, const MeetingRecord& record,
                         const std::map<std::string, std::string>& names);
void addReceived(paperwork::Document& document, const MeetingRecord& record,
                 const std::map<std::string, std::string>& names);
// The paper ballots received, and of them counted.
std::pair<int, int> paperBallots(const MeetingRecord& record);

}  // namespace veche::minutes
