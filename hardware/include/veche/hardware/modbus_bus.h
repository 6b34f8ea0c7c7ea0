#pragma once

#include <memory>
#include <string>

#include "veche/hardware/bus.h"
#include "veche/hardware/cabinet.h"

struct _modbus;

namespace veche::hardware {

// The Bus over libmodbus: RTU on a serial port or TCP. Connects on first use
// and again after the link fails (a closed socket, an unplugged adapter);
// flushes the line after a timeout or a corrupt frame so that a late reply
// is not taken for the next one. A request that times out or arrives corrupt
// is tried `retries` more times; an exception reply is not retried (the
// device answered). Not thread-safe (Bus).
class ModbusBus : public Bus {
public:
    explicit ModbusBus(const BusConfig& config);
    ~ModbusBus() override;
    ModbusBus(const ModbusBus&) = delete;
    ModbusBus& operator=(const ModbusBus&) = delete;

    BusResult read(int slave, Table table, int address, int count,
                   std::vector<std::uint16_t>& out) override;
    BusResult write(int slave, Table table, int address, std::uint16_t value) override;

private:
    template <typename Call>
    BusResult run(int slave, Call call);
    bool connect(std::string& error);
    void disconnect();

    BusConfig config_;
    std::string description_;  // "rtu:/dev/ttyUSB0@19200" or "tcp:127.0.0.1:1502"
    _modbus* context_ = nullptr;
    bool connected_ = false;
};

}  // namespace veche::hardware
