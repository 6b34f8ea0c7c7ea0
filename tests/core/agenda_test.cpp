#include "veche/core/agenda.h"

#include <gtest/gtest.h>

namespace veche::core {
namespace {

const Fraction kTotal(300);

TEST(RuleSetNames, RoundTrip) {
    for (RuleSet r : {RuleSet::OssMkd, RuleSet::TosMeeting, RuleSet::TosConference, RuleSet::Snt,
                      RuleSet::Skhod, RuleSet::Poll}) {
        EXPECT_EQ(parseRuleSet(nameOf(r)), r);
    }
    EXPECT_FALSE(parseRuleSet("OSS-MKD").has_value());
    for (Threshold t : {Threshold::ParticipantsMajority, Threshold::ParticipantsTwoThirds,
                        Threshold::AllMajority, Threshold::AllTwoThirds, Threshold::AllUnanimous}) {
        EXPECT_EQ(parseThreshold(nameOf(t)), t);
    }
    EXPECT_FALSE(parseThreshold("majority").has_value());
}

TEST(Quorum, OwnersMeetingNeedsStrictlyMoreThanHalf) {
    EXPECT_FALSE(quorumReached(RuleSet::OssMkd, Fraction(150), kTotal));
    EXPECT_TRUE(quorumReached(RuleSet::OssMkd, Fraction(15001, 100), kTotal));
    // Area-weighted: half of 100.01 m² is 50.005 m²
    EXPECT_FALSE(quorumReached(RuleSet::OssMkd, Fraction(5000, 100), Fraction(10001, 100)));
    EXPECT_TRUE(quorumReached(RuleSet::OssMkd, Fraction(5001, 100), Fraction(10001, 100)));
}

TEST(Quorum, TosMeetingNeedsAtLeastOneThird) {
    EXPECT_TRUE(quorumReached(RuleSet::TosMeeting, Fraction(100), kTotal));
    EXPECT_FALSE(quorumReached(RuleSet::TosMeeting, Fraction(99), kTotal));
    EXPECT_FALSE(quorumReached(RuleSet::TosMeeting, Fraction(33), Fraction(100)));
    EXPECT_TRUE(quorumReached(RuleSet::TosMeeting, Fraction(34), Fraction(100)));
}

TEST(Quorum, TosConferenceNeedsAtLeastTwoThirds) {
    EXPECT_TRUE(quorumReached(RuleSet::TosConference, Fraction(200), kTotal));
    EXPECT_FALSE(quorumReached(RuleSet::TosConference, Fraction(199), kTotal));
    EXPECT_FALSE(quorumReached(RuleSet::TosConference, Fraction(6), Fraction(10)));
    EXPECT_TRUE(quorumReached(RuleSet::TosConference, Fraction(7), Fraction(10)));
}

TEST(Quorum, SntAndSkhodNeedMoreThanHalf) {
    for (RuleSet r : {RuleSet::Snt, RuleSet::Skhod}) {
        EXPECT_FALSE(quorumReached(r, Fraction(150), kTotal)) << nameOf(r);
        EXPECT_TRUE(quorumReached(r, Fraction(151), kTotal)) << nameOf(r);
        EXPECT_TRUE(quorumReached(r, Fraction(3), Fraction(5))) << nameOf(r);
    }
}

TEST(Quorum, PollNeedsNoneAndIsConsultative) {
    EXPECT_TRUE(quorumReached(RuleSet::Poll, Fraction(0), kTotal));
    EXPECT_TRUE(isConsultative(RuleSet::Poll));
    EXPECT_FALSE(isConsultative(RuleSet::OssMkd));
    EXPECT_TRUE(weighsByArea(RuleSet::OssMkd));
    EXPECT_FALSE(weighsByArea(RuleSet::Snt));
}

TEST(Threshold, ParticipantsMajorityIsStrict) {
    const Fraction participating(200);
    EXPECT_FALSE(
        thresholdMet(Threshold::ParticipantsMajority, Fraction(100), participating, kTotal));
    EXPECT_TRUE(
        thresholdMet(Threshold::ParticipantsMajority, Fraction(10001, 100), participating, kTotal));
    EXPECT_FALSE(thresholdMet(Threshold::ParticipantsMajority, Fraction(0), Fraction(0), kTotal));
}

TEST(Threshold, ParticipantsTwoThirdsIncludesTheBoundary) {
    const Fraction participating(150);
    EXPECT_TRUE(
        thresholdMet(Threshold::ParticipantsTwoThirds, Fraction(100), participating, kTotal));
    EXPECT_FALSE(
        thresholdMet(Threshold::ParticipantsTwoThirds, Fraction(9999, 100), participating, kTotal));
    EXPECT_FALSE(thresholdMet(Threshold::ParticipantsTwoThirds, Fraction(0), Fraction(0), kTotal));
}

TEST(Threshold, AllMajorityCountsEveryVoteInTheBuilding) {
    const Fraction participating(160);
    EXPECT_FALSE(thresholdMet(Threshold::AllMajority, Fraction(150), participating, kTotal));
    EXPECT_TRUE(thresholdMet(Threshold::AllMajority, Fraction(15001, 100), participating, kTotal));
}

TEST(Threshold, AllTwoThirdsIncludesTheBoundary) {
    EXPECT_TRUE(thresholdMet(Threshold::AllTwoThirds, Fraction(200), Fraction(250), kTotal));
    EXPECT_FALSE(
        thresholdMet(Threshold::AllTwoThirds, Fraction(19999, 100), Fraction(250), kTotal));
    // 2/3 of 100.01 m² is 66.67333… m²
    EXPECT_FALSE(thresholdMet(Threshold::AllTwoThirds, Fraction(6667, 100), Fraction(100),
                              Fraction(10001, 100)));
    EXPECT_TRUE(thresholdMet(Threshold::AllTwoThirds, Fraction(6668, 100), Fraction(100),
                             Fraction(10001, 100)));
}

TEST(Threshold, UnanimityNeedsEveryVote) {
    EXPECT_TRUE(thresholdMet(Threshold::AllUnanimous, kTotal, kTotal, kTotal));
    EXPECT_FALSE(thresholdMet(Threshold::AllUnanimous, Fraction(29999, 100), kTotal, kTotal));
}

}  // namespace
}  // namespace veche::core
