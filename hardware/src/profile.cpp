#include "veche/hardware/profile.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "json_fields.h"

namespace veche::hardware {
namespace {

constexpr std::array<std::pair<Signal, std::string_view>, 9> kSignalNames{{
    {Signal::Presence, "presence"},
    {Signal::Tamper, "tamper"},
    {Signal::Door, "door"},
    {Signal::BacklightRelay, "backlight_relay"},
    {Signal::HeaterRelay, "heater_relay"},
    {Signal::FanRelay, "fan_relay"},
    {Signal::Temperature, "temperature"},
    {Signal::Mains, "mains"},
    {Signal::BatteryLevel, "battery_level"},
}};

constexpr std::array<std::pair<Table, std::string_view>, 4> kTableNames{{
    {Table::Coil, "coil"},
    {Table::DiscreteInput, "discrete_input"},
    {Table::HoldingRegister, "holding_register"},
    {Table::InputRegister, "input_register"},
}};

bool isRegister(Table table) {
    return table == Table::HoldingRegister || table == Table::InputRegister;
}

SignalMap parseSignalMap(Signal signal, const Poco::JSON::Object& o, const std::string& where) {
    SignalMap map;
    auto tableName = json::string(o, "table", where);
    auto table = parseTable(tableName);
    if (!table) {
        throw std::invalid_argument(where +
                                    ": table: must be coil, discrete_input, "
                                    "holding_register or input_register, not " +
                                    tableName);
    }
    map.table = *table;
    map.address = json::integer(o, "address", 0, 65535, std::nullopt, where);
    map.bit = json::integer(o, "bit", -1, 15, -1, where);
    map.inverted = json::boolean(o, "inverted", false, where);
    map.isSigned = json::boolean(o, "signed", false, where);
    map.scale = json::number(o, "scale", 1.0, where);
    map.offset = json::number(o, "offset", 0.0, where);
    if (map.bit >= 0 && !isRegister(map.table)) {
        throw std::invalid_argument(where + ": bit: only a register has bits");
    }
    if (isRelay(signal) && map.table != Table::Coil && map.table != Table::HoldingRegister) {
        throw std::invalid_argument(where +
                                    ": table: a relay must be a coil or a holding "
                                    "register, which can be written");
    }
    if (isMeasurement(signal) && (!isRegister(map.table) || map.bit >= 0)) {
        throw std::invalid_argument(where + ": table: a measurement must be a whole register");
    }
    if (map.scale == 0.0) {
        throw std::invalid_argument(where + ": scale: must not be 0");
    }
    return map;
}

}  // namespace

std::string_view nameOf(Signal signal) {
    for (const auto& [s, name] : kSignalNames) {
        if (s == signal) {
            return name;
        }
    }
    return "?";
}

std::optional<Signal> parseSignal(std::string_view name) {
    for (const auto& [s, n] : kSignalNames) {
        if (n == name) {
            return s;
        }
    }
    return std::nullopt;
}

bool isRelay(Signal signal) {
    return signal == Signal::BacklightRelay || signal == Signal::HeaterRelay ||
           signal == Signal::FanRelay;
}

bool isMeasurement(Signal signal) {
    return signal == Signal::Temperature || signal == Signal::BatteryLevel;
}

Plausible plausibleRange(Signal measurement) {
    return measurement == Signal::Temperature ? Plausible{-60, 100} : Plausible{0, 100};
}

std::string_view nameOf(Table table) {
    for (const auto& [t, name] : kTableNames) {
        if (t == table) {
            return name;
        }
    }
    return "?";
}

std::optional<Table> parseTable(std::string_view name) {
    for (const auto& [t, n] : kTableNames) {
        if (n == name) {
            return t;
        }
    }
    return std::nullopt;
}

std::map<Table, AddressRange> addressRanges(const DeviceProfile& profile) {
    std::map<Table, AddressRange> ranges;
    for (const auto& [signal, map] : profile.signalMaps) {
        auto [it, added] = ranges.try_emplace(map.table, AddressRange{map.address, map.address});
        if (!added) {
            it->second.first = std::min(it->second.first, map.address);
            it->second.last = std::max(it->second.last, map.address);
        }
    }
    return ranges;
}

DeviceProfile parseProfile(const std::string& id, const std::string& text) {
    const std::string where = "profile " + id;
    auto o = json::parseObject(text, where);
    DeviceProfile profile;
    profile.id = id;
    profile.model = json::string(*o, "model", where);
    profile.confirmed = json::boolean(*o, "confirmed", false, where);
    profile.source = json::string(*o, "source", where);
    profile.defaultSlave = json::integer(*o, "default_slave", 1, 247, 1, where);
    auto signalObjects = json::object(*o, "signals", where);
    for (const auto& name : signalObjects->getNames()) {
        auto signal = parseSignal(name);
        if (!signal) {
            throw std::invalid_argument(where + ": signals: unknown signal " + name);
        }
        auto map = json::object(*signalObjects, name, where + ": signals");
        profile.signalMaps[*signal] = parseSignalMap(*signal, *map, where + ": signals." + name);
    }
    if (profile.signalMaps.empty()) {
        throw std::invalid_argument(where + ": signals: names no signal");
    }
    for (const auto& [table, range] : addressRanges(profile)) {
        const bool bits = table == Table::Coil || table == Table::DiscreteInput;
        if (range.count() > (bits ? 2000 : 125)) {
            throw std::invalid_argument(where + ": signals: the " + std::string(nameOf(table)) +
                                        "s span " + std::to_string(range.count()) +
                                        ", more than one request reads (" +
                                        (bits ? "2000" : "125") + ")");
        }
    }
    return profile;
}

DeviceProfile loadProfile(const std::string& dir, const std::string& id) {
    return parseProfile(id, json::readFile(dir + "/" + id + ".json"));
}

}  // namespace veche::hardware
