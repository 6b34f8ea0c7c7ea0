#include "veche/hub/services/counting.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace veche::hub {
namespace {

Assembly owners(bool electronicBinding = false) {
    Assembly a;
    a.id = "a1";
    a.agenda = {core::RuleSet::OssMkd, {{"1", "Т", core::Threshold::ParticipantsMajority}}};
    a.electronicBinding = electronicBinding;
    return a;
}

Ballot ballot(std::string id, std::string voter, Channel channel, Millis castAt) {
    return {
        std::move(id), "a1", std::move(voter), channel, castAt, 0, "", {{"1", core::Choice::For}}};
}

std::vector<std::string> idsOf(const CountedBallots& c) {
    std::vector<std::string> ids;
    for (const Ballot* b : c.counted) {
        ids.push_back(b->id);
    }
    return ids;
}

TEST(Counting, PaperBindsAndElectronicIsConsultativeForAnOwnersMeeting) {
    EXPECT_TRUE(isBinding(Channel::Paper, owners()));
    for (Channel c : {Channel::Kiosk, Channel::Ussd, Channel::Sms}) {
        EXPECT_FALSE(isBinding(c, owners()));
        EXPECT_TRUE(isBinding(c, owners(true)));
    }
    Assembly poll = owners();
    poll.agenda.rules = core::RuleSet::Poll;
    EXPECT_FALSE(isBinding(Channel::Paper, poll));
}

TEST(Counting, BindingAndConsultativeBallotsAreCountedApart) {
    const std::vector<Ballot> ballots{ballot("k1", "a", Channel::Kiosk, 10),
                                      ballot("p1", "a", Channel::Paper, 20),
                                      ballot("u1", "b", Channel::Ussd, 15)};
    EXPECT_EQ(idsOf(selectCounted(ballots, owners(), true)), (std::vector<std::string>{"p1"}));
    EXPECT_EQ(idsOf(selectCounted(ballots, owners(), false)),
              (std::vector<std::string>{"k1", "u1"}));
    const auto allBinding = selectCounted(ballots, owners(true), true);
    EXPECT_EQ(idsOf(allBinding), (std::vector<std::string>{"k1", "u1"}));
    EXPECT_EQ(allBinding.repeats, 1u);
}

TEST(Counting, TwoOfflineKiosksGiveTheSameCountWhateverArrivesFirst) {
    std::vector<Ballot> ballots{
        ballot("kiosk2-7", "a", Channel::Kiosk, 500), ballot("kiosk1-3", "a", Channel::Kiosk, 400),
        ballot("kiosk1-4", "b", Channel::Kiosk, 400), ballot("kiosk2-1", "b", Channel::Kiosk, 400),
        ballot("sms-9", "c", Channel::Sms, 100)};
    std::mt19937 rng(1);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(ballots.begin(), ballots.end(), rng);
        const auto counted = selectCounted(ballots, owners(true), true);
        // a: the earlier cast; b: same millisecond, the smaller id.
        EXPECT_EQ(idsOf(counted), (std::vector<std::string>{"kiosk1-3", "kiosk1-4", "sms-9"}));
        EXPECT_EQ(counted.repeats, 2u);
    }
}

}  // namespace
}  // namespace veche::hub
