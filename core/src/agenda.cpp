#include "veche/core/agenda.h"

namespace veche::core {
namespace {

const Fraction kHalf{1, 2};
const Fraction kOneThird{1, 3};
const Fraction kTwoThirds{2, 3};

}  // namespace

std::optional<RuleSet> parseRuleSet(std::string_view name) {
    return kRuleSetNames.parse(name);
}
std::string_view nameOf(RuleSet rules) {
    return kRuleSetNames.name(rules);
}
std::optional<Threshold> parseThreshold(std::string_view name) {
    return kThresholdNames.parse(name);
}
std::string_view nameOf(Threshold threshold) {
    return kThresholdNames.name(threshold);
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
