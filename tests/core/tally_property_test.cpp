// Properties of the tally on random registries and ballots.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "veche/core/tally.h"

namespace veche::core {
namespace {

struct RandomMeeting {
    Agenda agenda;
    Registry registry;
    std::vector<std::tuple<std::size_t, std::size_t, Choice>> answers;
};

const Threshold kThresholds[] = {Threshold::ParticipantsMajority, Threshold::ParticipantsTwoThirds,
                                 Threshold::AllMajority, Threshold::AllTwoThirds,
                                 Threshold::AllUnanimous};
const Choice kChoices[] = {Choice::For, Choice::Against, Choice::Abstain, Choice::Invalid};

RandomMeeting randomMeeting(std::mt19937& rng) {
    RandomMeeting m;
    auto pick = [&rng](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const std::size_t itemCount = 1 + pick(5);
    for (std::size_t i = 0; i < itemCount; ++i) {
        m.agenda.items.push_back({std::to_string(i), "item", kThresholds[pick(5)]});
    }
    const std::size_t ownerCount = 2 + pick(30);
    for (std::size_t o = 0; o < ownerCount; ++o) {
        m.registry.owners.push_back({"o" + std::to_string(o), ""});
    }
    const std::size_t premisesCount = 1 + pick(25);
    for (std::size_t p = 0; p < premisesCount; ++p) {
        m.registry.premises.push_back({std::to_string(p), PremisesKind::Residential,
                                       static_cast<std::int64_t>(1 + pick(15000))});
        switch (pick(4)) {
            case 0:  // shared ownership in thirds
                m.registry.holdings.push_back({p, Fraction(1, 3), {pick(ownerCount)}, ""});
                m.registry.holdings.push_back({p, Fraction(2, 3), {pick(ownerCount)}, ""});
                break;
            case 1:  // joint ownership of the whole premises
                m.registry.holdings.push_back(
                    {p, Fraction(1), {pick(ownerCount), pick(ownerCount)}, ""});
                break;
            case 2:  // part of the premises has no known owner
                m.registry.holdings.push_back({p, Fraction(3, 7), {pick(ownerCount)}, ""});
                break;
            default:
                m.registry.holdings.push_back({p, Fraction(1), {pick(ownerCount)}, ""});
        }
    }
    for (std::size_t o = 0; o < ownerCount; ++o) {
        if (pick(3) == 0) {
            continue;  // does not vote
        }
        for (std::size_t i = 0; i < itemCount; ++i) {
            if (pick(8) != 0) {
                m.answers.emplace_back(o, i, kChoices[pick(4)]);
            }
        }
    }
    return m;
}

TallyResult countOf(const RandomMeeting& m) {
    const Electorate electorate = electorateOf(m.registry);
    BallotBox box(electorate.voterIds.size(), m.agenda.items.size());
    for (const auto& [voter, item, choice] : m.answers) {
        box.record(voter, item, choice);
    }
    return tally(m.agenda, electorate, box);
}

constexpr unsigned kSeeds = 300;

// Runs `check` on kSeeds random meetings, naming the seed of any failure.
template <typename Check>
void forEachSeed(Check check) {
    for (unsigned seed = 1; seed <= kSeeds; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937 rng(seed);
        check(rng);
        if (::testing::Test::HasFailure()) {
            return;
        }
    }
}

TEST(TallyProperty, ChoicesAddUpToParticipatingVotes) {
    forEachSeed([](std::mt19937& rng) {
        const RandomMeeting m = randomMeeting(rng);
        const TallyResult r = countOf(m);
        EXPECT_LE(r.participating, r.total);
        for (const ItemResult& item : r.items) {
            EXPECT_EQ(item.forVotes + item.against + item.abstain + item.invalid, r.participating);
        }
    });
}

TEST(TallyProperty, AnotherForNeverUndoesAnAdoption) {
    forEachSeed([](std::mt19937& rng) {
        RandomMeeting m = randomMeeting(rng);
        const TallyResult before = countOf(m);
        const std::size_t voter = rng() % m.registry.owners.size();
        const std::size_t item = rng() % m.agenda.items.size();
        std::erase_if(m.answers, [&](const auto& a) {
            return std::get<0>(a) == voter && std::get<1>(a) == item;
        });
        m.answers.emplace_back(voter, item, Choice::For);
        const TallyResult after = countOf(m);
        EXPECT_GE(after.items[item].forVotes, before.items[item].forVotes);
        if (before.items[item].adopted) {
            EXPECT_TRUE(after.items[item].adopted);
        }
    });
}

// The answer one owner gave on one item, the slow way: Unanswered when the
// owner cast no ballot at all, Invalid for an item they skipped.
Choice answerOf(const RandomMeeting& m, std::size_t owner, std::size_t item) {
    bool voted = false;
    Choice found = Choice::Invalid;
    for (const auto& [voter, i, choice] : m.answers) {
        voted = voted || voter == owner;
        if (voter == owner && i == item) {
            found = choice;
        }
    }
    return voted ? found : Choice::Unanswered;
}

TEST(TallyProperty, MatchesAPlainSumOverHoldings) {
    forEachSeed([](std::mt19937& rng) {
        const RandomMeeting m = randomMeeting(rng);
        const TallyResult r = countOf(m);
        const std::size_t items = m.agenda.items.size();
        Fraction participating;
        std::vector<std::map<Choice, Fraction>> sums(items);
        for (const Holding& h : m.registry.holdings) {
            const Fraction weight =
                Fraction(m.registry.premises[h.premises].areaHundredths, 100) * h.share;
            bool counted = false;
            for (std::size_t i = 0; i < items; ++i) {
                std::set<Choice> cast;
                for (std::size_t owner : h.owners) {
                    if (const Choice c = answerOf(m, owner, i); c != Choice::Unanswered) {
                        cast.insert(c);
                    }
                }
                if (cast.empty()) {
                    break;  // no co-owner voted: the holding does not take part
                }
                counted = true;
                sums[i][cast.size() == 1 ? *cast.begin() : Choice::Invalid] += weight;
            }
            if (counted) {
                participating += weight;
            }
        }
        EXPECT_EQ(r.participating, participating);
        for (std::size_t i = 0; i < items; ++i) {
            EXPECT_EQ(r.items[i].forVotes, sums[i][Choice::For]) << "item " << i;
            EXPECT_EQ(r.items[i].against, sums[i][Choice::Against]) << "item " << i;
            EXPECT_EQ(r.items[i].abstain, sums[i][Choice::Abstain]) << "item " << i;
            EXPECT_EQ(r.items[i].invalid, sums[i][Choice::Invalid]) << "item " << i;
            const bool adopted =
                r.quorum && thresholdMet(m.agenda.items[i].threshold, sums[i][Choice::For],
                                         participating, r.total);
            EXPECT_EQ(r.items[i].adopted, adopted) << "item " << i;
        }
    });
}

TEST(TallyProperty, ScalingEveryAreaKeepsEveryDecision) {
    forEachSeed([](std::mt19937& rng) {
        RandomMeeting m = randomMeeting(rng);
        const TallyResult before = countOf(m);
        for (Premises& p : m.registry.premises) {
            p.areaHundredths *= 3;
        }
        const TallyResult after = countOf(m);
        EXPECT_EQ(after.quorum, before.quorum);
        for (std::size_t i = 0; i < before.items.size(); ++i) {
            EXPECT_EQ(after.items[i].adopted, before.items[i].adopted);
            EXPECT_EQ(after.items[i].forVotes, before.items[i].forVotes * Fraction(3));
        }
    });
}

}  // namespace
}  // namespace veche::core
