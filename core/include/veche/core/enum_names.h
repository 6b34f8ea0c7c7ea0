#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace veche::core {

// A fixed table of an enum's values and their names in files and APIs.
template <typename Enum, std::size_t N>
struct EnumNames {
    std::array<std::pair<Enum, std::string_view>, N> table;

    // The value named `text`, or nullopt for an unknown name.
    constexpr std::optional<Enum> parse(std::string_view text) const {
        for (const auto& [value, name] : table) {
            if (name == text) {
                return value;
            }
        }
        return std::nullopt;
    }

    // The name of `value`; "?" for a value missing from the table.
    constexpr std::string_view name(Enum value) const {
        for (const auto& [candidate, name] : table) {
            if (candidate == value) {
                return name;
            }
        }
        return "?";
    }

    // All names, comma-separated, for messages.
    std::string list() const {
        std::string names;
        for (const auto& [value, name] : table) {
            names += (names.empty() ? "" : ", ") + std::string(name);
        }
        return names;
    }
};

}  // namespace veche::core
