#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace veche::core {

// One thing wrong with an input file, for a person to fix.
struct Problem {
    std::string file;      // e.g. "registry.csv"
    std::size_t line = 0;  // 1-based; 0 when the problem concerns the whole file
    std::string message;

    friend bool operator==(const Problem&, const Problem&) = default;
};

using Problems = std::vector<Problem>;

// "registry.csv:12: share \"3/2\" is outside (0, 1]", or "file: message".
std::string describe(const Problem& problem);

}  // namespace veche::core
