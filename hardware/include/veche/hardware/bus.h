#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "veche/hardware/profile.h"

namespace veche::hardware {

// The outcome of one Modbus transaction (after its retries).
struct BusResult {
    bool ok = true;
    bool answered = false;  // the device replied (with an exception) rather than stayed silent
    std::string error;      // what went wrong, for people and logs

    static BusResult success() { return {}; }
};

// A Modbus master on one line. Not thread-safe: one thread owns it and
// nobody else touches the connection behind it.
class Bus {
public:
    virtual ~Bus() = default;

    // Reads `count` items of `table` from `slave` starting at `address`
    // into `out` (bits as 0 or 1).
    virtual BusResult read(int slave, Table table, int address, int count,
                           std::vector<std::uint16_t>& out) = 0;
    // Writes one coil (0 or 1) or one holding register.
    virtual BusResult write(int slave, Table table, int address, std::uint16_t value) = 0;
};

}  // namespace veche::hardware
