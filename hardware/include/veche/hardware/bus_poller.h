#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "veche/hardware/bus.h"
#include "veche/hardware/cabinet.h"

namespace veche::hardware {

using Millis = std::int64_t;

// A device as its bus master last found it.
struct DeviceStatus {
    std::string name;
    bool online = true;  // presumed until `offlineAfter` polls in a row fail
    int failures = 0;    // polls failed in a row
    std::string lastError;
};

// What one poll cycle of a bus found.
struct BusSnapshot {
    // Each signal of a device that answered: inputs and relays as 0 or 1
    // (after inversion), measurements scaled. A relay written in the cycle
    // has the written state. A measurement outside plausibleRange() fails
    // the device's poll instead.
    std::map<Signal, double> values;
    std::vector<DeviceStatus> devices;  // in the bus's order
};

// Polls the devices of one bus through `bus`: one read per data table a
// device uses (the smallest range holding its signals), then writes of the
// relays whose state differs from the wanted one (coils one by one, each
// bit-mask register once with every changed bit). Not thread-safe: the bus's
// one owner thread calls it.
class BusPoller {
public:
    BusPoller(BusConfig config, std::unique_ptr<Bus> bus);

    // One cycle at `now`: every online device, and each offline one whose
    // retry is due. `wanted` holds the relay states to enforce; relays not
    // in it are only read.
    BusSnapshot poll(const std::map<Signal, bool>& wanted, Millis now);

    const BusConfig& config() const { return config_; }

private:
    struct DeviceState {
        DeviceStatus status;
        Millis nextTry = 0;  // while offline
    };

    // Reads and drives one device; returns the error text, empty on success.
    std::string pollDevice(const DeviceConfig& device, const std::map<Signal, bool>& wanted,
                           std::map<Signal, double>& values);
    void account(DeviceState& state, const std::string& error, Millis now);

    BusConfig config_;
    std::unique_ptr<Bus> bus_;
    std::vector<DeviceState> states_;
};

}  // namespace veche::hardware
