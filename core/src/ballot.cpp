#include "veche/core/ballot.h"

#include <stdexcept>

namespace veche::core {

std::optional<Choice> parseChoice(std::string_view text) {
    if (text == "for")
        return Choice::For;
    if (text == "against")
        return Choice::Against;
    if (text == "abstain")
        return Choice::Abstain;
    if (text == "invalid")
        return Choice::Invalid;
    return std::nullopt;
}

BallotBox::BallotBox(std::size_t voterCount, std::size_t itemCount)
    : itemCount_(itemCount),
      answers_(voterCount * itemCount, Choice::Unanswered),
      participated_(voterCount, false) {}

bool BallotBox::record(std::size_t voter, std::size_t item, Choice choice) {
    if (voter >= voterCount() || item >= itemCount_) {
        throw std::out_of_range("ballot for a voter or item outside the box");
    }
    if (choice == Choice::Unanswered) {
        throw std::invalid_argument("an answer cannot be recorded as unanswered");
    }
    Choice& slot = answers_[voter * itemCount_ + item];
    if (slot != Choice::Unanswered) {
        return false;
    }
    slot = choice;
    participated_[voter] = true;
    return true;
}

Choice BallotBox::answer(std::size_t voter, std::size_t item) const {
    if (!participated(voter)) {
        return Choice::Unanswered;
    }
    const Choice choice = answers_.at(voter * itemCount_ + item);
    return choice == Choice::Unanswered ? Choice::Invalid : choice;
}

}  // namespace veche::core
