#include "veche/core/agenda.h"

#include <array>
#include <utility>

namespace veche::core {
namespace {

constexpr std::array<std::pair<RuleSet, std::string_view>, 6> kRuleSetNames{{
    {RuleSet::OssMkd, "oss-mkd"},
    {RuleSet::TosMeeting, "tos-meeting"},
    {RuleSet::TosConference, "tos-conference"},
    {RuleSet::Snt, "snt"},
    {RuleSet::Skhod, "skhod"},
    {RuleSet::Poll, "poll"},
}};

constexpr std::array<std::pair<Threshold, std::string_view>, 5> kThresholdNames{{
    {Threshold::ParticipantsMajority, "participants_majority"},
    {Threshold::ParticipantsTwoThirds, "participants_two_thirds"},
    {Threshold::AllMajority, "all_majority"},
    {Threshold::AllTwoThirds, "all_two_thirds"},
    {Threshold::AllUnanimous, "all_unanimous"},
}};

template <typename Enum, std::size_t N>
std::optional<Enum> findByName(const std::array<std::pair<Enum, std::string_view>, N>& table,
                               std::string_view name) {
    for (const auto& [value, text] : table) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view findName(const std::array<std::pair<Enum, std::string_view>, N>& table,
                          Enum value) {
    for (const auto& [candidate, text] : table) {
        if (candidate == value) {
            return text;
        }
    }
    return "?";
}

const Fraction kHalf{1, 2};
const Fraction kOneThird{1, 3};
const Fraction kTwoThirds{2, 3};

}  // namespace

std::optional<RuleSet> parseRuleSet(std::string_view name) {
    return findByName(kRuleSetNames, name);
}
std::string_view nameOf(RuleSet rules) {
    return findName(kRuleSetNames, rules);
}
std::optional<Threshold> parseThreshold(std::string_view name) {
    return findByName(kThresholdNames, name);
}
std::string_view nameOf(Threshold threshold) {
    return findName(kThresholdNames, threshold);
}

bool weighsByArea(RuleSet rules) {
    return rules == RuleSet::OssMkd;
}

bool isConsultative(RuleSet rules) {
    return rules == RuleSet::Poll;
}

bool quorumReached(RuleSet rules, const Fraction& participating, const Fraction& total) {
    switch (rules) {
        case RuleSet::OssMkd:
        case RuleSet::Snt:
        case RuleSet::Skhod:
            return participating > total * kHalf;
        case RuleSet::TosMeeting:
            return participating >= total * kOneThird;
        case RuleSet::TosConference:
            return participating >= total * kTwoThirds;
        case RuleSet::Poll:
            return true;
    }
    return false;
}

bool thresholdMet(Threshold threshold, const Fraction& forVotes, const Fraction& participating,
                  const Fraction& total) {
    switch (threshold) {
        case Threshold::ParticipantsMajority:
            return forVotes > participating * kHalf;
        case Threshold::ParticipantsTwoThirds:
            return participating > Fraction{} && forVotes >= participating * kTwoThirds;
        case Threshold::AllMajority:
            return forVotes > total * kHalf;
        case Threshold::AllTwoThirds:
            return total > Fraction{} && forVotes >= total * kTwoThirds;
        case Threshold::AllUnanimous:
            return total > Fraction{} && forVotes == total;
    }
    return false;
}

}  // namespace veche::core
