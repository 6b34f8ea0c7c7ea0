#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/provisioning/hub_client.h"

namespace veche::kiosk {

// veche-kiosk's command line (docs/kiosk.md).
struct KioskArgs {
    std::string stateDir = "veche-state/kiosk";
    // --hub URL: where to enrol; once enrolled the kiosk uses the hub it was
    // enrolled with (a label may have named another)
    std::optional<provisioning::HubAddress> hub;
    std::string hubCa;           // --hub-ca FILE: trust only these CAs for the hub
    std::string enrolCode;       // enrol first with this one-time code
    std::string name = "Киоск";  // how staff see the kiosk at the hub
    std::string modem;           // the GSM modem's device; empty: none
    std::string cabinet;         // the cabinet file (Modbus I/O); empty: none
    std::string modbusDevice;    // replaces the serial device of the cabinet's RTU buses
    std::string profiles;        // where the device profiles are; empty: the source tree's
    bool windowed = false;
    bool landscape = false;
    int idleSeconds = 120;
    std::string screenshots;  // render every screen here and exit
};

// The arguments after the program's name; throws std::invalid_argument
// naming the option that is wrong.
KioskArgs parseKioskArgs(const std::vector<std::string>& args);

extern const char* const kKioskUsage;

}  // namespace veche::kiosk
