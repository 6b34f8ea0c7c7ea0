#pragma once

#include <filesystem>
#include <ostream>

#include "veche/hub/services/hub.h"

namespace veche::hub {

// Fills an empty hub with a demo: a territory and a building whose owners'
// registry, agenda and paper ballots come from the meeting bundle in
// `bundle`, as an assembly announced two weeks ago and open now. Returns false
// (changing nothing) when the hub already has territories.
// The demo resident's phone: flat 1, SMS consent given.
inline constexpr const char* kDemoPhone = "+79161234567";

bool seedDemo(Hub& hub, const std::filesystem::path& bundle, std::ostream& log);

}  // namespace veche::hub
