#include "veche/hardware/modbus_bus.h"

#include <modbus/modbus.h>

#include <cerrno>

namespace veche::hardware {
namespace {

std::string describe(const BusConfig& config) {
    if (const auto* rtu = std::get_if<RtuLine>(&config.link)) {
        return "rtu:" + rtu->device + "@" + std::to_string(rtu->baud);
    }
    const auto& tcp = std::get<TcpEndpoint>(config.link);
    return "tcp:" + tcp.host + ":" + std::to_string(tcp.port);
}

// The device replied with a Modbus exception.
bool isException(int error) {
    return error >= EMBXILFUN && error <= EMBXGTAR;
}

// Nothing (or garbage) came back on a link that still works.
bool isLineNoise(int error) {
    return error == ETIMEDOUT || error == EMBBADCRC || error == EMBBADDATA || error == EMBBADEXC ||
           error == EMBBADSLAVE;
}

void setTimeout(modbus_t* ctx, std::chrono::milliseconds timeout,
                int (*set)(modbus_t*, uint32_t, uint32_t)) {
    const auto ms = static_cast<uint32_t>(timeout.count());
    set(ctx, ms / 1000, (ms % 1000) * 1000);
}

}  // namespace

ModbusBus::ModbusBus(const BusConfig& config) : config_(config), description_(describe(config)) {}

ModbusBus::~ModbusBus() {
    disconnect();
}

bool ModbusBus::connect(std::string& error) {
    if (connected_) {
        return true;
    }
    if (!context_) {
        if (const auto* rtu = std::get_if<RtuLine>(&config_.link)) {
            context_ = modbus_new_rtu(rtu->device.c_str(), rtu->baud, rtu->parity, rtu->dataBits,
                                      rtu->stopBits);
        } else {
            const auto& tcp = std::get<TcpEndpoint>(config_.link);
            context_ = modbus_new_tcp_pi(tcp.host.c_str(), std::to_string(tcp.port).c_str());
        }
        if (!context_) {
            error = description_ + ": " + modbus_strerror(errno);
            return false;
        }
        modbus_set_error_recovery(context_, MODBUS_ERROR_RECOVERY_NONE);
        setTimeout(context_, config_.responseTimeout, modbus_set_response_timeout);
        setTimeout(context_, config_.byteTimeout, modbus_set_byte_timeout);
    }
    if (modbus_connect(context_) == -1) {
        error = "cannot open " + description_ + ": " + modbus_strerror(errno);
        return false;
    }
    connected_ = true;
    return true;
}

void ModbusBus::disconnect() {
    if (context_) {
        if (connected_) {
            modbus_close(context_);
        }
        modbus_free(context_);
        context_ = nullptr;
    }
    connected_ = false;
}

template <typename Call>
BusResult ModbusBus::run(int slave, Call call) {
    BusResult result;
    for (int attempt = 0; attempt <= config_.retries; ++attempt) {
        if (!connect(result.error)) {
            result.ok = false;
            return result;  // the line itself is gone: retrying at once will not help
        }
        modbus_set_slave(context_, slave);
        if (call(context_) != -1) {
            return BusResult::success();
        }
        const int error = errno;
        result = {false, isException(error),
                  description_ + " slave " + std::to_string(slave) + ": " + modbus_strerror(error)};
        if (isException(error) || error == EMBMDATA) {
            return result;  // the device answered, or the request was too big to send
        }
        if (isLineNoise(error)) {
            modbus_flush(context_);
        } else {
            disconnect();  // a socket error, an unplugged adapter: reopen next time
        }
    }
    return result;
}

BusResult ModbusBus::read(int slave, Table table, int address, int count,
                          std::vector<std::uint16_t>& out) {
    out.assign(static_cast<std::size_t>(count), 0);
    std::vector<std::uint8_t> bits(static_cast<std::size_t>(count));
    auto result = run(slave, [&](modbus_t* ctx) {
        switch (table) {
            case Table::Coil:
                return modbus_read_bits(ctx, address, count, bits.data());
            case Table::DiscreteInput:
                return modbus_read_input_bits(ctx, address, count, bits.data());
            case Table::HoldingRegister:
                return modbus_read_registers(ctx, address, count, out.data());
            case Table::InputRegister:
                return modbus_read_input_registers(ctx, address, count, out.data());
        }
        return -1;
    });
    if (result.ok && (table == Table::Coil || table == Table::DiscreteInput)) {
        out.assign(bits.begin(), bits.end());
    }
    return result;
}

BusResult ModbusBus::write(int slave, Table table, int address, std::uint16_t value) {
    if (table != Table::Coil && table != Table::HoldingRegister) {
        return {false, false, description_ + ": " + std::string(nameOf(table)) + " is read-only"};
    }
    return run(slave, [&](modbus_t* ctx) {
        return table == Table::Coil ? modbus_write_bit(ctx, address, value != 0 ? TRUE : FALSE)
                                    : modbus_write_register(ctx, address, value);
    });
}

}  // namespace veche::hardware
