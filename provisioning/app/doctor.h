#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "provision_cli.h"

namespace veche::provisioning {

// What `veche-provision doctor` checks on a kiosk. Empty fields fall back
// on what the kiosk keeps from its enrolment (the hub's address, the
// settings "modem" and "cabinet"); a part with no device known is skipped.
struct DoctorOptions {
    std::string stateDir = "veche-state/kiosk";
    std::string hubUrl;
    std::string hubCaFile;  // HubAddress::caFile
    std::string modemDevice;
    std::string cabinetFile;   // a cabinet file, or a shipped cabinet's name
    std::string modbusDevice;  // replaces the cabinet's serial device
    std::string profileDir;
    std::string cabinetDir;  // where shipped cabinets are
    std::chrono::milliseconds modemWait{30'000};
};

// Checks the key file, the hub (reachable, the kiosk known to it, the
// clocks close enough), the GSM modem (registered, SIM, signal) and the
// cabinet's Modbus modules, printing a line for each in plain Russian and,
// for each failure, what to do. Returns the number of problems found.
int runDoctor(const DoctorOptions& options, const ProvisionContext& context, std::ostream& out);

}  // namespace veche::provisioning
