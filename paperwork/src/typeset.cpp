// typeset(): quotes, dashes and no-break spaces in running text.
#include <algorithm>
#include <array>

#include "utf8.h"
#include "veche/paperwork/typography.h"

namespace veche::paperwork {
namespace {

constexpr char32_t kNoBreakSpace = U'\u00A0';
constexpr char32_t kEmDash = U'\u2014';
constexpr char32_t kGuillemetOpen = U'\u00AB';
constexpr char32_t kGuillemetClose = U'\u00BB';
constexpr char32_t kLowQuoteOpen = U'\u201E';
constexpr char32_t kQuoteClose = U'\u201C';

// Words a no-break space ties to the word after them.
constexpr std::array<std::u32string_view, 21> kShortWords = {
    U"в",  U"во", U"к",  U"ко", U"с",  U"со", U"о",  U"об", U"у",  U"и", U"а",
    U"но", U"на", U"по", U"за", U"от", U"до", U"не", U"ни", U"из", U"да"};

bool isLetter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0x0400 && c <= 0x04FF);
}

bool isDigit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

char32_t lowered(char32_t c) {
    if ((c >= U'A' && c <= U'Z') || (c >= 0x0410 && c <= 0x042F)) {
        return c + 0x20;
    }
    if (c >= 0x0400 && c <= 0x040F) {
        return c + 0x50;
    }
    return c;
}

bool isSpace(char32_t c) {
    return c == U' ' || c == kNoBreakSpace || c == U'\t' || c == U'\n' || c == U'\r' ||
           c == U'\u2028';
}

// A straight quote after `previous` (0 at the start) opens a quotation.
bool opensAfter(char32_t previous) {
    constexpr std::u32string_view kOpeners = U"([{/-\u2013\u2014\u00AB\u201E";
    return previous == 0 || isSpace(previous) || kOpeners.find(previous) != kOpeners.npos;
}

// Straight double quotes to «» and „“ by depth; " - " to an em dash.
std::u32string withQuotesAndDashes(const std::u32string& text) {
    std::u32string out;
    out.reserve(text.size());
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U'"') {
            if (opensAfter(out.empty() ? 0 : out.back())) {
                ++depth;
                out.push_back(depth % 2 == 1 ? kGuillemetOpen : kLowQuoteOpen);
            } else {
                out.push_back(depth > 0 && depth % 2 == 0 ? kQuoteClose : kGuillemetClose);
                depth = std::max(0, depth - 1);
            }
        } else if (c == U'-' && i > 0 && text[i - 1] == U' ' && i + 1 < text.size() &&
                   text[i + 1] == U' ') {
            out.push_back(kEmDash);
        } else {
            depth += c == kGuillemetOpen ? 1 : 0;
            depth = c == kGuillemetClose ? std::max(0, depth - 1) : depth;
            out.push_back(c);
        }
    }
    return out;
}

// The letters (or «№») just before position `end`, if they form a word.
std::u32string wordBefore(const std::u32string& text, std::size_t end) {
    if (end > 0 && text[end - 1] == U'№') {
        return U"№";
    }
    std::size_t start = end;
    while (start > 0 && isLetter(text[start - 1])) {
        --start;
    }
    std::u32string word;
    for (std::size_t i = start; i < end; ++i) {
        word.push_back(lowered(text[i]));
    }
    return (start > 0 && isDigit(text[start - 1])) ? std::u32string() : word;
}

// Whether the space at `i` must not break the line.
bool tiesAcross(const std::u32string& text, std::size_t i) {
    const char32_t next = i + 1 < text.size() ? text[i + 1] : 0;
    const char32_t previous = i > 0 ? text[i - 1] : 0;
    if (next == kEmDash) {
        return true;
    }
    if (isDigit(previous) && (isLetter(next) || next == U'%')) {
        return true;
    }
    const std::u32string word = wordBefore(text, i);
    return word == U"№" ||
           std::find(kShortWords.begin(), kShortWords.end(), word) != kShortWords.end();
}

}  // namespace

std::string typeset(std::string_view text) {
    std::u32string set = withQuotesAndDashes(detail::decodeUtf8(text));
    for (std::size_t i = 0; i < set.size(); ++i) {
        if (set[i] == U' ' && tiesAcross(set, i)) {
            set[i] = kNoBreakSpace;
        }
    }
    return detail::encodeUtf8(set);
}

}  // namespace veche::paperwork
