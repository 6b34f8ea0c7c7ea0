#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/enum_names.h"
#include "veche/core/fraction.h"

namespace veche::core {

// The body that meets, and so how votes are weighed and what makes a quorum
// (LAW.md §§1-2, 8-10).
enum class RuleSet {
    OssMkd,         // owners' meeting: votes = area x share; quorum > 1/2 of all votes
    TosMeeting,     // собрание ТОС: one resident one vote; quorum >= 1/3
    TosConference,  // конференция ТОС: one delegate one vote; quorum >= 2/3
    Snt,            // общее собрание СНТ: one member one vote; quorum > 1/2
    Skhod,          // сход граждан: one resident one vote; quorum > 1/2
    Poll,           // consultative poll: no quorum, nothing binding
};

// What share of which votes an item needs to be adopted.
enum class Threshold {
    ParticipantsMajority,   // for > 1/2 of participating votes
    ParticipantsTwoThirds,  // for >= 2/3 of participating votes
    AllMajority,            // for > 1/2 of all votes
    AllTwoThirds,           // for >= 2/3 of all votes
    AllUnanimous,           // for = all votes
};

struct AgendaItem {
    std::string id;
    std::string title;
    Threshold threshold = Threshold::ParticipantsMajority;
};

struct Agenda {
    RuleSet rules = RuleSet::OssMkd;
    std::vector<AgendaItem> items;
};

inline constexpr EnumNames<RuleSet, 6> kRuleSetNames{{{
    {RuleSet::OssMkd, "oss-mkd"},
    {RuleSet::TosMeeting, "tos-meeting"},
    {RuleSet::TosConference, "tos-conference"},
    {RuleSet::Snt, "snt"},
    {RuleSet::Skhod, "skhod"},
    {RuleSet::Poll, "poll"},
}}};

inline constexpr EnumNames<Threshold, 5> kThresholdNames{{{
    {Threshold::ParticipantsMajority, "participants_majority"},
    {Threshold::ParticipantsTwoThirds, "participants_two_thirds"},
    {Threshold::AllMajority, "all_majority"},
    {Threshold::AllTwoThirds, "all_two_thirds"},
    {Threshold::AllUnanimous, "all_unanimous"},
}}};

// Names as used in agenda.json: "oss-mkd", "participants_majority", ...
std::optional<RuleSet> parseRuleSet(std::string_view name);
std::string_view nameOf(RuleSet rules);
std::optional<Threshold> parseThreshold(std::string_view name);
std::string_view nameOf(Threshold threshold);

// True when votes are weighed by premises area and ownership share
// (registry.csv); false for one-person-one-vote bodies (members.csv).
bool weighsByArea(RuleSet rules);

// True when the rule set's decisions are only advisory.
bool isConsultative(RuleSet rules);

// Whether `participating` of `total` votes make the meeting competent.
// Boundaries follow LAW.md exactly: "more than" is strict, "at least" is not.
bool quorumReached(RuleSet rules, const Fraction& participating, const Fraction& total);

// Whether `forVotes` meet the threshold. It does not look at the quorum.
bool thresholdMet(Threshold threshold, const Fraction& forVotes, const Fraction& participating,
                  const Fraction& total);

}  // namespace veche::core
