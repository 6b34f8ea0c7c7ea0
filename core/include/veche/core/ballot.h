#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace veche::core {

// A voter's decision on one agenda item. Invalid covers a ballot with no mark
// or several marks on the item (ч. 6 ст. 48 ЖК): it spoils that item only.
enum class Choice : std::uint8_t { Unanswered, For, Against, Abstain, Invalid };

// "for", "against", "abstain", "invalid"; nullopt for anything else.
std::optional<Choice> parseChoice(std::string_view text);

// Every voter's answers, voters and items given by index. A voter who answered
// any item participates in the meeting.
class BallotBox {
public:
    BallotBox(std::size_t voterCount, std::size_t itemCount);

    // Records `choice` (not Unanswered). Returns false and changes nothing when
    // this voter has already answered this item. Throws std::out_of_range for
    // an index outside the box.
    bool record(std::size_t voter, std::size_t item, Choice choice);

    bool participated(std::size_t voter) const { return participated_.at(voter); }

    // Unanswered for a voter who did not participate; Invalid for an item a
    // participant left unanswered; otherwise what was recorded.
    Choice answer(std::size_t voter, std::size_t item) const;

    std::size_t voterCount() const { return participated_.size(); }
    std::size_t itemCount() const { return itemCount_; }

private:
    std::size_t itemCount_;
    std::vector<Choice> answers_;  // voter-major
    std::vector<bool> participated_;
};

}  // namespace veche::core
