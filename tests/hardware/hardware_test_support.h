#pragma once

// Cabinets for the hardware tests, made from the shipped profiles.
#include <string>

#include "veche/hardware/cabinet.h"

namespace veche::hardware::testing {

inline std::string profileDir() {
    return VECHE_PROFILE_DIR;
}

inline std::string cabinetDir() {
    return VECHE_CABINET_DIR;
}

// The ОВЕН lobby cabinet (four devices on one line) with its line replaced:
// RTU on `device` or TCP to 127.0.0.1:`port`, fast timeouts for tests.
CabinetConfig lobbyCabinet(const std::string& device, int port = 0);

}  // namespace veche::hardware::testing
