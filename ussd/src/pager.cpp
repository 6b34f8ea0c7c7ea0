#include "veche/ussd/pager.h"

#include <algorithm>

#include "veche/modem/sms_text.h"

namespace veche::ussd {

namespace {

int unitsOfCodePoints(const std::u32string& text) {
    int units = 0;
    for (const char32_t c : text) {
        units += c > 0xFFFF ? 2 : 1;
    }
    return units;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

// Units of header, lines and footer joined by line feeds.
int costOf(const std::vector<std::string>& parts) {
    return unitsOfCodePoints(modem::utf8ToCodePoints(join(parts)));
}

}  // namespace

int unitsOf(std::string_view utf8) {
    return unitsOfCodePoints(modem::utf8ToCodePoints(utf8));
}

std::string clip(std::string_view text, int units) {
    const std::u32string t = modem::utf8ToCodePoints(text);
    if (unitsOfCodePoints(t) <= units) {
        return std::string(text);
    }
    std::u32string cut;
    for (const char32_t c : t) {
        if (unitsOfCodePoints(cut) + (c > 0xFFFF ? 2 : 1) + 1 > units) {
            break;
        }
        cut.push_back(c);
    }
    if (const auto space = cut.rfind(U' ');
        space != std::u32string::npos && space > cut.size() / 2) {
        cut.resize(space);
    }
    return modem::codePointsToUtf8(cut) + "…";
}

std::vector<std::string> wrap(std::string_view text, int units) {
    std::vector<std::string> out;
    std::u32string rest = modem::utf8ToCodePoints(text);
    while (unitsOfCodePoints(rest) > units) {
        std::size_t cut = 0;
        int used = 0;
        while (cut < rest.size() && used + (rest[cut] > 0xFFFF ? 2 : 1) <= units) {
            used += rest[cut] > 0xFFFF ? 2 : 1;
            ++cut;
        }
        const std::size_t space = rest.rfind(U' ', cut);
        const std::size_t at = space != std::u32string::npos && space > 0 ? space : cut;
        out.push_back(modem::codePointsToUtf8(rest.substr(0, at)));
        rest.erase(0, rest[at] == U' ' ? at + 1 : at);
    }
    if (!rest.empty() || out.empty()) {
        out.push_back(modem::codePointsToUtf8(rest));
    }
    return out;
}

namespace {

// How much of `text` fits in `room` units: up to the last space that fits,
// or mid-word when even the first word does not.
std::size_t fittingPrefix(const std::u32string& text, int room) {
    std::size_t end = 0;
    int used = 0;
    while (end < text.size() && used + (text[end] > 0xFFFF ? 2 : 1) <= room) {
        used += text[end] > 0xFFFF ? 2 : 1;
        ++end;
    }
    if (end == text.size()) {
        return end;
    }
    const std::size_t space = text.rfind(U' ', end);
    return space != std::u32string::npos && space > 0 ? space : std::max<std::size_t>(end, 1);
}

// Builds pages one line at a time, each page within the budget. The header
// heads the first page only; the footer ends every page.
class PageBuilder {
public:
    PageBuilder(const PageRequest& r, std::string header)
        : r_(r), moreUnits_(unitsOf(r.more)), footerUnits_(costOf(r.footer)) {
        if (!header.empty()) {
            add(std::move(header), false);
            bodyLines_ = 0;
        }
    }

    // Room for one more line on this page when `more` will follow it.
    int room(bool more) const {
        return kScreenUnits - units_ - (page_.empty() ? 0 : 1) - (more ? moreUnits_ + 1 : 0) -
               (r_.footer.empty() ? 0 : footerUnits_ + 1);
    }
    bool hasBody() const { return bodyLines_ > 0; }
    int choices() const { return choices_; }
    void add(std::string line, bool choice) {
        units_ += (page_.empty() ? 0 : 1) + unitsOf(line);
        page_.push_back(std::move(line));
        choices_ += choice ? 1 : 0;
        bodyLines_ += 1;
    }
    void nextPage() {
        page_.push_back(r_.more);
        close();
    }
    std::vector<std::string> finish() {
        close();
        return std::move(pages_);
    }

private:
    void close() {
        page_.insert(page_.end(), r_.footer.begin(), r_.footer.end());
        pages_.push_back(join(page_));
        page_.clear();
        units_ = choices_ = bodyLines_ = 0;
    }

    const PageRequest& r_;
    int moreUnits_;
    int footerUnits_;
    std::vector<std::string> page_;
    int units_ = 0;  // of page_ joined
    int choices_ = 0;
    int bodyLines_ = 0;
    std::vector<std::string> pages_;
};

}  // namespace

std::vector<std::string> paginate(const PageRequest& r) {
    const int frame = costOf(r.footer) + unitsOf(r.more) + 2;
    PageBuilder pages(r, clip(r.header, std::max(12, (kScreenUnits - frame) / 2)));
    std::vector<std::string> choices;
    for (const std::string& c : r.choices) {
        choices.push_back(clip(c, pages.room(true)));
    }
    // Text flows: each paragraph fills what is left of a page, then the next.
    for (std::size_t p = 0; p < r.lines.size(); ++p) {
        std::u32string rest = modem::utf8ToCodePoints(r.lines[p]);
        while (!rest.empty()) {
            const bool last = p + 1 == r.lines.size() && choices.empty();
            if (unitsOfCodePoints(rest) <= pages.room(!last)) {
                pages.add(modem::codePointsToUtf8(rest), false);
                break;
            }
            const int room = pages.room(true);
            if (room < 8 && pages.hasBody()) {  // too little left: a new page
                pages.nextPage();
                continue;
            }
            const std::size_t cut = fittingPrefix(rest, std::max(room, 1));
            pages.add(modem::codePointsToUtf8(rest.substr(0, cut)), false);
            rest.erase(0, cut);
            while (!rest.empty() && rest.front() == U' ') {
                rest.erase(0, 1);
            }
            pages.nextPage();
        }
    }
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const bool last = i + 1 == choices.size();
        const bool fits =
            unitsOf(choices[i]) <= pages.room(!last) && pages.choices() < kMaxChoicesPerScreen;
        if (!fits && pages.hasBody()) {
            pages.nextPage();
        }
        pages.add(choices[i], true);
    }
    return pages.finish();
}

}  // namespace veche::ussd
