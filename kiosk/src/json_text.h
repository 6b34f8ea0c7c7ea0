#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>
#include <string>

namespace veche::kiosk {

// The JSON text of `value` (an Object or an Array), as sent to the hub or stored.
template <typename Json>
std::string jsonText(const Json& value) {
    std::ostringstream text;
    value.stringify(text);
    return text.str();
}

}  // namespace veche::kiosk
