#pragma once

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "veche/hardware/profile.h"

namespace veche::hardware {

// An RS-485 line through a serial port (RTU).
struct RtuLine {
    std::string device;  // /dev/ttyUSB0
    int baud = 19200;
    char parity = 'N';  // N, E or O
    int dataBits = 8;
    int stopBits = 1;
};

// A Modbus TCP gateway or module.
struct TcpEndpoint {
    std::string host;
    int port = 502;
};

// A module installed on a bus: its profile and the slave id it answers to.
struct DeviceConfig {
    std::string name;  // unique in the cabinet: "inputs", "relays", …
    DeviceProfile profile;
    int slave = 1;
};

// One bus and its master's settings. A failed request is tried `retries`
// more times; a device whose polls fail `offlineAfter` times in a row is
// offline and is then polled every `offlineRetry` until it answers.
struct BusConfig {
    std::string name;
    std::variant<RtuLine, TcpEndpoint> link;
    std::chrono::milliseconds responseTimeout{200};
    std::chrono::milliseconds byteTimeout{50};
    int retries = 1;
    std::chrono::milliseconds pollInterval{500};
    int offlineAfter = 3;
    std::chrono::milliseconds offlineRetry{5000};
    std::vector<DeviceConfig> devices;
};

// How the kiosk reacts to its cabinet (see CabinetPolicy). Temperatures in
// °C: the heater runs from at or below `heaterOnBelow` until `heaterOffAbove`,
// the fan from at or above `fanOnAbove` until `fanOffBelow`.
struct PolicyConfig {
    std::chrono::milliseconds dimAfter{std::chrono::minutes(10)};
    double heaterOnBelow = 5.0;
    double heaterOffAbove = 10.0;
    double fanOnAbove = 35.0;
    double fanOffBelow = 30.0;
    double shutdownBatteryPercent = 20.0;  // on battery at or below: finish and shut down
    std::chrono::milliseconds telemetryEvery{std::chrono::minutes(5)};
};

struct CabinetConfig {
    std::vector<BusConfig> buses;
    PolicyConfig policy;
};

// Parses a cabinet file (JSON, docs/hardware.md), loading each device's
// profile from `profileDir`. Throws std::invalid_argument naming the field
// that is wrong: also when two devices supply one signal, a device's name is
// not 1–40 of a-z, 0-9, _ and - or repeats, two
// devices share a slave id on one bus, or the thresholds overlap.
CabinetConfig parseCabinet(const std::string& json, const std::string& profileDir);
CabinetConfig loadCabinet(const std::string& path, const std::string& profileDir);

// `fileOrName` when it is a file, else the shipped cabinet of that name in
// `cabinetDir` (owen-lobby → <cabinetDir>/owen-lobby.json).
std::string cabinetFileOf(const std::string& fileOrName, const std::string& cabinetDir);

}  // namespace veche::hardware
