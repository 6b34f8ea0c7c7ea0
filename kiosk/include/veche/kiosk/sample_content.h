#pragma once

#include <string>

#include "veche/kiosk/store.h"

namespace veche::kiosk {

// A building's worth of made-up content, as a pull from the hub would bring
// it: notices in every category (an emergency among them), an owners'
// meeting and a TOS meeting open for voting, two polls, and `phone` on the
// voter list. For screenshots and for measuring the kiosk without a hub;
// `extraNotices` more board notices make a heavy store.
Changes sampleChanges(Millis now, const std::string& phone, int extraNotices = 0);

}  // namespace veche::kiosk
