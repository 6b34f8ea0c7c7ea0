#pragma once

#include <string>

#include "veche/core/agenda.h"
#include "veche/core/tally.h"

namespace veche::core {

// The recount's JSON (docs/bundle-format.md): amounts and percentages as
// decimal strings rounded half-up to 2 places; decisions come from the exact
// values in `result`, never from these strings.
std::string resultToJson(const Agenda& agenda, const TallyResult& result);

// `text` as a JSON string literal, with quotes.
std::string jsonString(std::string_view text);

}  // namespace veche::core
