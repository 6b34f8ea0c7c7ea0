#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace veche::hardware {

// What the kiosk watches and drives in its cabinet. Inputs are read; relays
// are written (and read back, to notice a module that reset).
enum class Signal {
    Presence,        // someone stands in front of the screen
    Tamper,          // the cabinet's tamper switch tripped
    Door,            // the service door is open
    BacklightRelay,  // the screen's backlight
    HeaterRelay,
    FanRelay,
    Temperature,   // °C inside the cabinet
    Mains,         // mains present (false: running on battery)
    BatteryLevel,  // percent
};

std::string_view nameOf(Signal signal);  // "presence", "backlight_relay", …
std::optional<Signal> parseSignal(std::string_view name);
bool isRelay(Signal signal);
bool isMeasurement(Signal signal);  // temperature, battery level: numbers, not states

// The values a working sensor can give for a measurement; outside them the
// reading is wrong (a sensor's error value, a wrong scale).
struct Plausible {
    double low = 0;
    double high = 0;
};
Plausible plausibleRange(Signal measurement);

// The four Modbus data tables.
enum class Table {
    Coil,             // FC01 read, FC05 write
    DiscreteInput,    // FC02
    HoldingRegister,  // FC03 read, FC06 write
    InputRegister,    // FC04
};
std::string_view nameOf(Table table);  // "coil", "discrete_input", …
std::optional<Table> parseTable(std::string_view name);

// Where one signal lives on its module, and how its raw value reads.
struct SignalMap {
    Table table = Table::DiscreteInput;
    int address = 0;        // zero-based, as on the wire
    int bit = -1;           // 0–15: one bit of a register (a bit-mask module); -1: all of it
    bool inverted = false;  // a state that is active when the contact is open (NC switches)
    bool isSigned = false;  // a register holding an int16
    double scale = 1.0;     // value = raw * scale + offset
    double offset = 0.0;
};

// One module type's register map (a file in hardware/profiles/), independent
// of where the module is installed.
struct DeviceProfile {
    std::string id;          // the file's name without .json
    std::string model;       // what the module is, for people
    bool confirmed = false;  // false: the map is not from the maker's own register table
    std::string source;      // where the map comes from
    int defaultSlave = 1;
    std::map<Signal, SignalMap> signalMaps;
};

// The addresses of one table a profile's signals occupy.
struct AddressRange {
    int first = 0;
    int last = 0;
    int count() const { return last - first + 1; }
};
std::map<Table, AddressRange> addressRanges(const DeviceProfile& profile);

// Parses a profile (JSON, see docs/hardware.md). Throws std::invalid_argument
// naming the profile and the field that is wrong, also when a table's signals
// span more than one request can read (125 registers, 2000 bits).
DeviceProfile parseProfile(const std::string& id, const std::string& json);

// Reads `<dir>/<id>.json`. Throws std::invalid_argument when it cannot be
// read or parsed.
DeviceProfile loadProfile(const std::string& dir, const std::string& id);

}  // namespace veche::hardware
