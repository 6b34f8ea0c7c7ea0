#include "veche/hardware/cabinet.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "json_fields.h"

namespace veche::hardware {
namespace {

using std::chrono::milliseconds;

milliseconds duration(const Poco::JSON::Object& o, const std::string& field, int min, int max,
                      milliseconds fallback, const std::string& where) {
    return milliseconds(
        json::integer(o, field, min, max, static_cast<int>(fallback.count()), where));
}

std::variant<RtuLine, TcpEndpoint> parseLink(const Poco::JSON::Object& o,
                                             const std::string& where) {
    if (o.has("rtu") == o.has("tcp")) {
        throw std::invalid_argument(where + ": needs exactly one of rtu and tcp");
    }
    if (o.has("tcp")) {
        auto tcp = json::object(o, "tcp", where);
        return TcpEndpoint{json::string(*tcp, "host", where + ".tcp"),
                           json::integer(*tcp, "port", 1, 65535, 502, where + ".tcp")};
    }
    auto rtu = json::object(o, "rtu", where);
    const std::string at = where + ".rtu";
    RtuLine line;
    line.device = json::string(*rtu, "device", at);
    line.baud = json::integer(*rtu, "baud", 1200, 921600, 19200, at);
    auto parity = json::optionalString(*rtu, "parity", at).value_or("N");
    if (parity != "N" && parity != "E" && parity != "O") {
        throw std::invalid_argument(at + ": parity: must be N, E or O, not " + parity);
    }
    line.parity = parity[0];
    line.dataBits = json::integer(*rtu, "data_bits", 7, 8, 8, at);
    line.stopBits = json::integer(*rtu, "stop_bits", 1, 2, 1, at);
    return line;
}

BusConfig parseBus(const Poco::JSON::Object& o, const std::string& profileDir,
                   const std::string& where) {
    BusConfig bus;
    bus.name = json::string(o, "name", where);
    bus.link = parseLink(o, where);
    bus.responseTimeout = duration(o, "response_timeout_ms", 10, 5000, bus.responseTimeout, where);
    bus.byteTimeout = duration(o, "byte_timeout_ms", 1, 1000, bus.byteTimeout, where);
    bus.retries = json::integer(o, "retries", 0, 5, bus.retries, where);
    bus.pollInterval = duration(o, "poll_interval_ms", 10, 60000, bus.pollInterval, where);
    bus.offlineAfter = json::integer(o, "offline_after", 1, 100, bus.offlineAfter, where);
    bus.offlineRetry = duration(o, "offline_retry_ms", 100, 600000, bus.offlineRetry, where);
    auto devices = o.getArray("devices");
    if (!devices || devices->size() == 0) {
        throw std::invalid_argument(where + ": devices: must list at least one device");
    }
    for (std::size_t i = 0; i < devices->size(); ++i) {
        const std::string at = where + ".devices[" + std::to_string(i) + "]";
        auto d = devices->getObject(static_cast<unsigned>(i));
        if (!d) {
            throw std::invalid_argument(at + ": must be an object");
        }
        DeviceConfig device;
        device.name = json::string(*d, "name", at);
        device.profile = loadProfile(profileDir, json::string(*d, "profile", at));
        device.slave = json::integer(*d, "slave", 1, 247, device.profile.defaultSlave, at);
        bus.devices.push_back(std::move(device));
    }
    return bus;
}

PolicyConfig parsePolicy(const Poco::JSON::Object& o, const std::string& where) {
    PolicyConfig p;
    p.dimAfter = duration(o, "dim_after_ms", 0, 86'400'000, p.dimAfter, where);
    p.heaterOnBelow = json::number(o, "heater_on_below_c", p.heaterOnBelow, where);
    p.heaterOffAbove = json::number(o, "heater_off_above_c", p.heaterOffAbove, where);
    p.fanOnAbove = json::number(o, "fan_on_above_c", p.fanOnAbove, where);
    p.fanOffBelow = json::number(o, "fan_off_below_c", p.fanOffBelow, where);
    p.shutdownBatteryPercent =
        json::number(o, "shutdown_battery_percent", p.shutdownBatteryPercent, where);
    p.telemetryEvery = duration(o, "telemetry_every_ms", 1000, 86'400'000, p.telemetryEvery, where);
    if (p.heaterOnBelow >= p.heaterOffAbove) {
        throw std::invalid_argument(where + ": heater_on_below_c must be below heater_off_above_c");
    }
    if (p.fanOffBelow >= p.fanOnAbove) {
        throw std::invalid_argument(where + ": fan_off_below_c must be below fan_on_above_c");
    }
    if (p.heaterOffAbove > p.fanOffBelow) {
        throw std::invalid_argument(where +
                                    ": heater_off_above_c must not be above fan_off_below_c");
    }
    if (p.shutdownBatteryPercent < 0 || p.shutdownBatteryPercent > 100) {
        throw std::invalid_argument(where + ": shutdown_battery_percent must be 0–100");
    }
    return p;
}

bool isDeviceName(const std::string& name) {
    return !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Each device name once, each slave id once per bus, each signal from one device.
void checkCabinet(const CabinetConfig& cabinet) {
    std::set<std::string> names;
    std::map<Signal, std::string> suppliers;
    for (const auto& bus : cabinet.buses) {
        std::set<int> slaves;
        for (const auto& device : bus.devices) {
            if (!isDeviceName(device.name)) {
                throw std::invalid_argument("cabinet: device name " + device.name +
                                            " must be 1 to 40 of a-z, 0-9, _ and - (the hub "
                                            "names alarms by it)");
            }
            if (!names.insert(device.name).second) {
                throw std::invalid_argument("cabinet: device name " + device.name + " repeats");
            }
            if (!slaves.insert(device.slave).second) {
                throw std::invalid_argument("cabinet: bus " + bus.name + ": slave id " +
                                            std::to_string(device.slave) + " of " + device.name +
                                            " is taken by another device");
            }
            for (const auto& [signal, map] : device.profile.signalMaps) {
                auto [it, added] = suppliers.emplace(signal, device.name);
                if (!added) {
                    throw std::invalid_argument("cabinet: signal " + std::string(nameOf(signal)) +
                                                " comes from both " + it->second + " and " +
                                                device.name);
                }
            }
        }
    }
}

}  // namespace

CabinetConfig parseCabinet(const std::string& text, const std::string& profileDir) {
    auto o = json::parseObject(text, "cabinet");
    CabinetConfig cabinet;
    auto buses = o->getArray("buses");
    if (!buses || buses->size() == 0) {
        throw std::invalid_argument("cabinet: buses: must list at least one bus");
    }
    for (std::size_t i = 0; i < buses->size(); ++i) {
        const std::string where = "cabinet: buses[" + std::to_string(i) + "]";
        auto b = buses->getObject(static_cast<unsigned>(i));
        if (!b) {
            throw std::invalid_argument(where + ": must be an object");
        }
        cabinet.buses.push_back(parseBus(*b, profileDir, where));
    }
    if (o->has("policy")) {
        cabinet.policy = parsePolicy(*json::object(*o, "policy", "cabinet"), "cabinet: policy");
    }
    checkCabinet(cabinet);
    return cabinet;
}

std::string cabinetFileOf(const std::string& fileOrName, const std::string& cabinetDir) {
    return std::filesystem::exists(fileOrName) ? fileOrName
                                               : cabinetDir + "/" + fileOrName + ".json";
}

CabinetConfig loadCabinet(const std::string& path, const std::string& profileDir) {
    return parseCabinet(json::readFile(path), profileDir);
}

}  // namespace veche::hardware
