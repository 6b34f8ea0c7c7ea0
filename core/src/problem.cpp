#include "veche/core/problem.h"

namespace veche::core {

std::string describe(const Problem& problem) {
    if (problem.line == 0) {
        return problem.file + ": " + problem.message;
    }
    return problem.file + ":" + std::to_string(problem.line) + ": " + problem.message;
}

}  // namespace veche::core
