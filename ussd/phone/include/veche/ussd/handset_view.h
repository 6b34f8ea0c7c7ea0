#pragma once
// How veche-ussd-phone shows a screen: framed as on a handset, with what it
// costs of the USSD limit (screen.h).

#include <string>

#include "veche/ussd/screen.h"

namespace veche::ussd {

// The screen's text in a frame, then a line such as "[57/80 символов, UCS-2]",
// a warning when the text does not fit one screen or is not valid UTF-8,
// and "(сеанс завершён)" after an END screen. Ends with a line break.
std::string renderScreen(const Screen& screen);

}  // namespace veche::ussd
