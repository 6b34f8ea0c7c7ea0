#include "veche/core/tally.h"

#include <stdexcept>
#include <utility>

namespace veche::core {
namespace {

// A sum of fractions that defers normalisation: terms are grouped by
// denominator, so adding one costs an integer addition, not a gcd.
class FractionSum {
public:
    void add(const Fraction& f) {
        for (auto& [den, num] : groups_) {
            if (den == f.denominator()) {
                num += f.numerator();
                return;
            }
        }
        groups_.emplace_back(f.denominator(), f.numerator());
    }

    Fraction value() const {
        mpq_class sum;
        for (const auto& [den, num] : groups_) {
            sum += mpq_class(num, den);  // mpq addition keeps lowest terms
        }
        return Fraction(sum);
    }

private:
    std::vector<std::pair<mpz_class, mpz_class>> groups_;
};

// The answer a unit gives on an item, or Unanswered when none of its voters
// participated.
Choice unitAnswer(const VotingUnit& unit, const BallotBox& ballots, std::size_t item) {
    Choice agreed = Choice::Unanswered;
    for (std::size_t voter : unit.voters) {
        const Choice c = ballots.answer(voter, item);
        if (c == Choice::Unanswered) {
            continue;
        }
        if (agreed != Choice::Unanswered && agreed != c) {
            return Choice::Invalid;
        }
        agreed = c;
    }
    return agreed;
}

bool unitParticipates(const VotingUnit& unit, const BallotBox& ballots) {
    for (std::size_t voter : unit.voters) {
        if (ballots.participated(voter)) {
            return true;
        }
    }
    return false;
}

}  // namespace

TallyResult tally(const Agenda& agenda, const Electorate& electorate, const BallotBox& ballots) {
    const std::size_t itemCount = agenda.items.size();
    if (ballots.itemCount() != itemCount || ballots.voterCount() != electorate.voterIds.size()) {
        throw std::invalid_argument("ballot box does not match the agenda and electorate");
    }
    struct Sums {
        FractionSum forVotes, against, abstain, invalid;
    };
    std::vector<Sums> sums(itemCount);
    FractionSum participating;
    for (const VotingUnit& unit : electorate.units) {
        if (!unitParticipates(unit, ballots)) {
            continue;
        }
        participating.add(unit.weight);
        for (std::size_t item = 0; item < itemCount; ++item) {
            Sums& s = sums[item];
            switch (unitAnswer(unit, ballots, item)) {
                case Choice::For:
                    s.forVotes.add(unit.weight);
                    break;
                case Choice::Against:
                    s.against.add(unit.weight);
                    break;
                case Choice::Abstain:
                    s.abstain.add(unit.weight);
                    break;
                case Choice::Invalid:
                case Choice::Unanswered:
                    s.invalid.add(unit.weight);
                    break;
            }
        }
    }

    TallyResult result;
    result.rules = agenda.rules;
    result.total = electorate.total;
    result.participating = participating.value();
    result.quorum = quorumReached(agenda.rules, result.participating, result.total);
    result.consultative = isConsultative(agenda.rules);
    for (std::size_t item = 0; item < itemCount; ++item) {
        ItemResult r{sums[item].forVotes.value(), sums[item].against.value(),
                     sums[item].abstain.value(), sums[item].invalid.value(), false};
        r.adopted = result.quorum && thresholdMet(agenda.items[item].threshold, r.forVotes,
                                                  result.participating, result.total);
        result.items.push_back(r);
    }
    return result;
}

}  // namespace veche::core
