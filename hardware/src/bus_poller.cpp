#include "veche/hardware/bus_poller.h"

namespace veche::hardware {
namespace {

using Words = std::vector<std::uint16_t>;

// The raw state bit or register of `map` in the words read for its table.
std::uint16_t rawOf(const SignalMap& map, const Words& words, int first) {
    const auto word = words[static_cast<std::size_t>(map.address - first)];
    return map.bit >= 0 ? static_cast<std::uint16_t>((static_cast<unsigned>(word) >> map.bit) & 1U)
                        : word;
}

double valueOf(Signal signal, const SignalMap& map, std::uint16_t raw) {
    if (!isMeasurement(signal)) {
        const bool active = raw != 0;
        return active != map.inverted ? 1.0 : 0.0;
    }
    const double number = map.isSigned ? static_cast<double>(static_cast<std::int16_t>(raw))
                                       : static_cast<double>(raw);
    return number * map.scale + map.offset;
}

}  // namespace

BusPoller::BusPoller(BusConfig config, std::unique_ptr<Bus> bus)
    : config_(std::move(config)), bus_(std::move(bus)) {
    for (const auto& device : config_.devices) {
        states_.push_back({DeviceStatus{device.name, true, 0, {}}, 0});
    }
}

BusSnapshot BusPoller::poll(const std::map<Signal, bool>& wanted, Millis now) {
    BusSnapshot snapshot;
    for (std::size_t i = 0; i < config_.devices.size(); ++i) {
        auto& state = states_[i];
        if (!state.status.online && now < state.nextTry) {
            snapshot.devices.push_back(state.status);
            continue;
        }
        std::map<Signal, double> values;  // kept only when the whole poll succeeds
        const auto error = pollDevice(config_.devices[i], wanted, values);
        if (error.empty()) {
            snapshot.values.merge(values);
        }
        account(state, error, now);
        snapshot.devices.push_back(state.status);
    }
    return snapshot;
}

void BusPoller::account(DeviceState& state, const std::string& error, Millis now) {
    if (error.empty()) {
        state.status = {state.status.name, true, 0, {}};
        return;
    }
    state.status.failures += 1;
    state.status.lastError = error;
    if (state.status.failures >= config_.offlineAfter) {
        state.status.online = false;
        state.nextTry = now + config_.offlineRetry.count();
    }
}

std::string BusPoller::pollDevice(const DeviceConfig& device, const std::map<Signal, bool>& wanted,
                                  std::map<Signal, double>& values) {
    std::map<Table, std::pair<AddressRange, Words>> read;
    for (const auto& [table, range] : addressRanges(device.profile)) {
        Words words;
        auto result = bus_->read(device.slave, table, range.first, range.count(), words);
        if (!result.ok) {
            return result.error;
        }
        read[table] = {range, std::move(words)};
    }
    std::map<int, std::uint16_t> changedRegisters;  // bit-mask registers to write back
    for (const auto& [signal, map] : device.profile.signalMaps) {
        auto& [range, words] = read[map.table];
        double value = valueOf(signal, map, rawOf(map, words, range.first));
        if (isMeasurement(signal)) {
            const auto [low, high] = plausibleRange(signal);
            if (value < low || value > high) {
                return std::string(nameOf(signal)) + " reads " + std::to_string(value) +
                       ", which no working sensor gives: check the profile's scale";
            }
        }
        auto want = wanted.find(signal);
        if (isRelay(signal) && want != wanted.end() && (value != 0.0) != want->second) {
            const auto raw = static_cast<std::uint16_t>(want->second != map.inverted ? 1 : 0);
            if (map.table == Table::Coil || map.bit < 0) {
                auto result = bus_->write(device.slave, map.table, map.address, raw);
                if (!result.ok) {
                    return result.error;
                }
            } else {
                auto& word = words[static_cast<std::size_t>(map.address - range.first)];
                word = static_cast<std::uint16_t>((word & ~(1U << map.bit)) |
                                                  (static_cast<unsigned>(raw) << map.bit));
                changedRegisters[map.address] = word;
            }
            value = want->second ? 1.0 : 0.0;
        }
        values[signal] = value;
    }
    for (const auto& [address, word] : changedRegisters) {
        auto result = bus_->write(device.slave, Table::HoldingRegister, address, word);
        if (!result.ok) {
            return result.error;
        }
    }
    return {};
}

}  // namespace veche::hardware
