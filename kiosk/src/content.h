#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/kiosk/services.h"

namespace veche::kiosk {

// The hub's lists of assemblies and polls (JSON arrays, docs/kiosk-sync.md),
// every entry whole; with `openAt`, only those open then. Throws
// Poco::Exception for an entry that lacks a field or has the wrong type, so
// that the sync client refuses such a pull before storing it.
std::vector<Assembly> assembliesIn(const std::string& json, std::optional<Millis> openAt);
std::vector<Poll> pollsIn(const std::string& json, std::optional<Millis> openAt);

}  // namespace veche::kiosk
