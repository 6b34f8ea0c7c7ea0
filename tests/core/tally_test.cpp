#include "veche/core/tally.h"

#include <gtest/gtest.h>

namespace veche::core {
namespace {

// A small registry built in code: premises by area in hundredths, holdings by owner index.
class TallyTest : public ::testing::Test {
protected:
    std::size_t premises(std::int64_t hundredths, PremisesKind kind = PremisesKind::Residential) {
        registry.premises.push_back(
            {std::to_string(registry.premises.size() + 1), kind, hundredths});
        return registry.premises.size() - 1;
    }
    std::size_t owner(const std::string& id) {
        registry.owners.push_back({id, id});
        return registry.owners.size() - 1;
    }
    void hold(std::size_t p, Fraction share, std::vector<std::size_t> owners) {
        registry.holdings.push_back({p, share, std::move(owners), ""});
    }
    void agendaOf(RuleSet rules, std::vector<Threshold> thresholds) {
        agenda.rules = rules;
        for (std::size_t i = 0; i < thresholds.size(); ++i) {
            agenda.items.push_back({std::to_string(i + 1), "item", thresholds[i]});
        }
    }
    TallyResult count(const std::vector<std::tuple<std::size_t, std::size_t, Choice>>& answers) {
        const Electorate electorate = electorateOf(registry);
        BallotBox box(electorate.voterIds.size(), agenda.items.size());
        for (const auto& [voter, item, choice] : answers) {
            EXPECT_TRUE(box.record(voter, item, choice));
        }
        return tally(agenda, electorate, box);
    }

    Registry registry;
    Agenda agenda;
};

TEST_F(TallyTest, VotesAreAreaTimesShareAndTotalIsAllPremises) {
    const auto a = owner("a"), b = owner("b"), c = owner("c");
    const auto flat = premises(6000);
    const auto shop = premises(4050, PremisesKind::NonResidential);
    hold(flat, Fraction(2, 3), {a});
    hold(flat, Fraction(1, 3), {b});
    hold(shop, Fraction(1), {c});
    agendaOf(RuleSet::OssMkd, {Threshold::ParticipantsMajority});
    const auto r = count({{a, 0, Choice::For}, {c, 0, Choice::Against}});
    EXPECT_EQ(r.total, Fraction(10050, 100));
    EXPECT_EQ(r.participating, Fraction(40) + Fraction(4050, 100));
    EXPECT_EQ(r.items[0].forVotes, Fraction(40));
    EXPECT_EQ(r.items[0].against, Fraction(4050, 100));
    EXPECT_TRUE(r.quorum);
    EXPECT_FALSE(r.items[0].adopted);  // 40 of 80.5 is not a majority
}

TEST_F(TallyTest, OwnerOfSeveralPremisesVotesWithAllOfThem) {
    const auto a = owner("a"), b = owner("b");
    hold(premises(5000), Fraction(1), {a});
    hold(premises(3000), Fraction(1), {a});
    hold(premises(7000), Fraction(1), {b});
    agendaOf(RuleSet::OssMkd, {Threshold::AllMajority});
    const auto r = count({{a, 0, Choice::For}, {b, 0, Choice::Against}});
    EXPECT_EQ(r.items[0].forVotes, Fraction(80));
    EXPECT_TRUE(r.items[0].adopted);  // 80 of 150 > 1/2
}

TEST_F(TallyTest, JointOwnersShareCountsOnceAndAnyOfThemMayCastIt) {
    const auto husband = owner("h"), wife = owner("w"), other = owner("o");
    hold(premises(6000), Fraction(1), {husband, wife});
    hold(premises(4000), Fraction(1), {other});
    agendaOf(RuleSet::OssMkd, {Threshold::ParticipantsMajority});
    auto r = count({{wife, 0, Choice::For}});
    EXPECT_EQ(r.participating, Fraction(60));
    EXPECT_EQ(r.items[0].forVotes, Fraction(60));
    r = count({{wife, 0, Choice::For}, {husband, 0, Choice::For}});
    EXPECT_EQ(r.participating, Fraction(60));
    EXPECT_EQ(r.items[0].forVotes, Fraction(60));
}

TEST_F(TallyTest, JointOwnersWhoDisagreeSpoilThatItemOnly) {
    const auto husband = owner("h"), wife = owner("w");
    hold(premises(6000), Fraction(1), {husband, wife});
    agendaOf(RuleSet::OssMkd, {Threshold::ParticipantsMajority, Threshold::ParticipantsMajority});
    const auto r = count({{husband, 0, Choice::For},
                          {wife, 0, Choice::Against},
                          {husband, 1, Choice::Abstain},
                          {wife, 1, Choice::Abstain}});
    EXPECT_EQ(r.items[0].invalid, Fraction(60));
    EXPECT_EQ(r.items[0].forVotes, Fraction(0));
    EXPECT_EQ(r.items[1].abstain, Fraction(60));
    EXPECT_EQ(r.items[1].invalid, Fraction(0));
}

TEST_F(TallyTest, InvalidAndUnansweredItemsCountAsParticipatingButNotFor) {
    const auto a = owner("a"), b = owner("b"), c = owner("c");
    hold(premises(5000), Fraction(1), {a});
    hold(premises(3000), Fraction(1), {b});
    hold(premises(2000), Fraction(1), {c});
    agendaOf(RuleSet::OssMkd, {Threshold::ParticipantsMajority, Threshold::ParticipantsMajority});
    // b spoils item 1 and leaves item 2 blank; c answers only item 2.
    const auto r = count({{a, 0, Choice::For},
                          {a, 1, Choice::For},
                          {b, 0, Choice::Invalid},
                          {c, 1, Choice::Against}});
    EXPECT_EQ(r.participating, Fraction(100));
    EXPECT_EQ(r.items[0].forVotes, Fraction(50));
    EXPECT_EQ(r.items[0].invalid, Fraction(50));  // b's spoiled 30 + c's blank 20
    EXPECT_FALSE(r.items[0].adopted);             // 50 of 100 participating is exactly half
    EXPECT_EQ(r.items[1].invalid, Fraction(30));
    EXPECT_EQ(r.items[1].against, Fraction(20));
    EXPECT_FALSE(r.items[1].adopted);  // a's 50 of 100 participating is not more than half
}

TEST_F(TallyTest, NothingIsAdoptedWithoutQuorum) {
    const auto a = owner("a"), b = owner("b");
    hold(premises(5000), Fraction(1), {a});
    hold(premises(5000), Fraction(1), {b});
    agendaOf(RuleSet::OssMkd, {Threshold::ParticipantsMajority});
    const auto r = count({{a, 0, Choice::For}});  // exactly half took part
    EXPECT_FALSE(r.quorum);
    EXPECT_EQ(r.items[0].forVotes, Fraction(50));
    EXPECT_FALSE(r.items[0].adopted);
}

TEST_F(TallyTest, MembersHaveOneVoteEach) {
    const std::vector<Member> members{{"m1", ""}, {"m2", ""}, {"m3", ""},
                                      {"m4", ""}, {"m5", ""}, {"m6", ""}};
    agendaOf(RuleSet::TosMeeting, {Threshold::ParticipantsMajority});
    const Electorate electorate = electorateOf(members);
    BallotBox box(6, 1);
    box.record(0, 0, Choice::For);
    box.record(1, 0, Choice::Against);  // 2 of 6 is exactly 1/3: quorum
    const auto r = tally(agenda, electorate, box);
    EXPECT_EQ(r.total, Fraction(6));
    EXPECT_EQ(r.participating, Fraction(2));
    EXPECT_TRUE(r.quorum);
    EXPECT_FALSE(r.items[0].adopted);  // 1 of 2 is not more than half
}

TEST_F(TallyTest, PollIsConsultativeWithoutQuorum) {
    const std::vector<Member> members{{"m1", ""}, {"m2", ""}, {"m3", ""}, {"m4", ""}};
    agendaOf(RuleSet::Poll, {Threshold::ParticipantsMajority});
    BallotBox box(4, 1);
    box.record(2, 0, Choice::For);
    const auto r = tally(agenda, electorateOf(members), box);
    EXPECT_TRUE(r.quorum);
    EXPECT_TRUE(r.consultative);
    EXPECT_TRUE(r.items[0].adopted);
}

TEST_F(TallyTest, RefusesABallotBoxOfAnotherShape) {
    owner("a");
    hold(premises(100), Fraction(1), {0});
    agendaOf(RuleSet::OssMkd, {Threshold::ParticipantsMajority});
    EXPECT_THROW(tally(agenda, electorateOf(registry), BallotBox(1, 2)), std::invalid_argument);
}

TEST(BallotBox, KeepsTheFirstAnswerAndRefusesASecond) {
    BallotBox box(2, 2);
    EXPECT_FALSE(box.participated(0));
    EXPECT_EQ(box.answer(0, 0), Choice::Unanswered);
    EXPECT_TRUE(box.record(0, 1, Choice::Against));
    EXPECT_FALSE(box.record(0, 1, Choice::For));
    EXPECT_EQ(box.answer(0, 1), Choice::Against);
    EXPECT_EQ(box.answer(0, 0), Choice::Invalid);
    EXPECT_THROW(box.record(2, 0, Choice::For), std::out_of_range);
}

}  // namespace
}  // namespace veche::core
