#pragma once

#include <string>

namespace veche::kiosk {

// `text` without the spaces, tabs and line ends around it (what a resident
// typed, or what a scanner typed with its Enter).
inline std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return "";
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace veche::kiosk
