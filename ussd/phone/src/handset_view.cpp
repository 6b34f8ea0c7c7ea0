#include "veche/ussd/handset_view.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace veche::ussd {
namespace {

// Characters on the screen, taken as one per code point.
std::size_t width(const std::string& line) {
    return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

std::string costLine(const std::string& text) {
    try {
        const ScreenCost cost = screenCost(text);
        std::string line = "[" + std::to_string(cost.units) + "/" + std::to_string(cost.limit) +
                           " символов, " + (cost.gsm7 ? "GSM 7-bit" : "UCS-2") + "]";
        return cost.fits() ? line : line + " ВНИМАНИЕ: не помещается на один экран";
    } catch (const std::invalid_argument&) {
        return "[ВНИМАНИЕ: текст не в UTF-8]";
    }
}

}  // namespace

std::string renderScreen(const Screen& screen) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (from <= screen.text.size()) {
        const std::size_t end = std::min(screen.text.find('\n', from), screen.text.size());
        lines.push_back(screen.text.substr(from, end - from));
        from = end + 1;
    }
    std::size_t inner = 0;
    for (const std::string& line : lines) {
        inner = std::max(inner, width(line));
    }
    std::string out = "┌" + repeat("─", inner + 2) + "┐\n";
    for (const std::string& line : lines) {
        out += "│ " + line + repeat(" ", inner - width(line)) + " │\n";
    }
    out += "└" + repeat("─", inner + 2) + "┘\n" + costLine(screen.text) + "\n";
    return screen.final ? out + "(сеанс завершён)\n" : out;
}

}  // namespace veche::ussd
