#pragma once

#include <filesystem>
#include <ostream>

namespace veche::hub {

// Exit codes of `veche-hub recount`.
inline constexpr int kRecountOk = 0;
inline constexpr int kRecountBadInput = 2;

// Recounts the meeting bundle in `dir` (docs/bundle-format.md): on success
// writes the result JSON to `out` and returns kRecountOk; otherwise writes one
// line per problem to `err`, nothing to `out`, and returns kRecountBadInput.
int recount(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

}  // namespace veche::hub
