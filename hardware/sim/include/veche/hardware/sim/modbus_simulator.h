#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "veche/hardware/cabinet.h"

namespace veche::hardware::sim {

// How a simulated device misbehaves.
enum class Fault {
    None,
    NoReply,    // stays silent: the master times out
    BadCrc,     // replies with a corrupt frame (RTU: a wrong CRC; TCP: a wrong byte count)
    Exception,  // replies with the Modbus exception set with the fault
    Gone,       // unplugged: silent like NoReply, for scripts that mean it for good
};

// Modbus slaves built on libmodbus (modbus_reply() makes the answers) serving
// the given devices' profiles, each at its slave id, over an RTU
// pseudo-terminal and/or Modbus TCP on loopback. Inputs and measurements are
// set by signal; relays are read by signal after the master wrote them.
// Each server runs on its own thread. Thread-safe.
class ModbusSimulator {
public:
    explicit ModbusSimulator(std::vector<DeviceConfig> devices);
    ~ModbusSimulator();  // stops serving
    ModbusSimulator(const ModbusSimulator&) = delete;
    ModbusSimulator& operator=(const ModbusSimulator&) = delete;

    // Serves RTU on a new pseudo-terminal symlinked at `link`: the master
    // opens `link`. With `paceBaud`, each reply waits as long as the request,
    // the reply and two 3.5-character gaps (8N1) would take on such a line.
    void serveRtu(const std::filesystem::path& link, int paceBaud = 0);
    // Serves Modbus TCP on 127.0.0.1:`port` (0: one the OS picks); returns
    // the port. Throws std::system_error when it cannot listen.
    int serveTcp(int port = 0);
    // Stops the TCP server and closes its connections (the link goes away).
    void stopTcp();

    // Sets an input or measurement, in the profile's units (0/1 for states).
    // Throws std::invalid_argument when no device has `signal`.
    void set(Signal signal, double value);
    // A signal's current value as the master would read it.
    double get(Signal signal) const;
    // Waits until `signal` reads `value`; false on timeout.
    bool waitFor(Signal signal, double value, std::chrono::milliseconds timeout) const;
    // Requests addressed to the device so far, answered or not.
    std::uint64_t requestsSeen(const std::string& device) const;
    bool waitForRequests(const std::string& device, std::uint64_t atLeast,
                         std::chrono::milliseconds timeout) const;

    void setFault(const std::string& device, Fault fault, int exceptionCode = 0);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veche::hardware::sim
