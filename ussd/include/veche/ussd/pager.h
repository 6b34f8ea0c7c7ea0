#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veche::ussd {

// Every screen is laid out for the smaller budget (80 UCS-2 characters,
// screen.h), whatever its alphabet.
constexpr int kScreenUnits = 80;

// UTF-16 code units of `utf8`.
int unitsOf(std::string_view utf8);

// `text` shortened at a word (or mid-word if it must) to at most `units`,
// ending in "…" when shortened.
std::string clip(std::string_view text, int units);

// `text` cut at spaces (mid-word only for a longer word) into pieces of at
// most `units` each.
std::vector<std::string> wrap(std::string_view text, int units);

constexpr int kMaxChoicesPerScreen = 5;

struct PageRequest {
    std::string header;                // the first page's first line, if any; clipped if long
    std::vector<std::string> lines;    // text, wrapped if long
    std::vector<std::string> choices;  // numbered choices after the text, at most 5 a page
    std::vector<std::string> footer;   // navigation, on every page
    std::string more = "99 Далее";     // added above the footer when more follows
};

// The pages of a screen, each within kScreenUnits; never empty.
std::vector<std::string> paginate(const PageRequest& request);

}  // namespace veche::ussd
