// One poll cycle of the ОВЕН lobby cabinet (four modules on one RS-485 line,
// hardware/cabinets/owen-lobby.json) through the real libmodbus master and
// the simulator on a pseudo-terminal, against the wire-time limit of the
// frames the cycle exchanges (docs/hardware.md).
//
// The simulator paces each reply as a 19200-baud 8N1 line would take to
// carry the request, the reply and the two 3.5-character silences between
// frames; what the cycle takes beyond that limit is the master's own cost
// (libmodbus, the poller, the pty, scheduling). A second run without pacing
// shows that cost alone.
//
//   modbus_poll_bench [--cycles N] [--baud B]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "veche/hardware/bus_poller.h"
#include "veche/hardware/modbus_bus.h"
#include "veche/hardware/sim/modbus_simulator.h"

namespace {

using namespace veche::hardware;
using veche::hardware::sim::ModbusSimulator;
using Clock = std::chrono::steady_clock;

// Characters on the wire of one cycle's reads: per read, an 8-byte request,
// a reply of address, function, count, data and CRC, and two 3.5-character
// silences.
double readCharacters(const CabinetConfig& cabinet) {
    double chars = 0;
    for (const auto& device : cabinet.buses[0].devices) {
        for (const auto& [table, range] : addressRanges(device.profile)) {
            const bool bits = table == Table::Coil || table == Table::DiscreteInput;
            const int data = bits ? (range.count() + 7) / 8 : 2 * range.count();
            chars += 8 + (5 + data) + 7;
        }
    }
    return chars;
}

int transactions(const CabinetConfig& cabinet) {
    int n = 0;
    for (const auto& device : cabinet.buses[0].devices) {
        n += static_cast<int>(addressRanges(device.profile).size());
    }
    return n;
}

struct Timing {
    double median = 0;
    double p90 = 0;
};

// Times `cycles` polls; every other one turns the heater on or off when
// `toggle` (a read-modify-write of the relay module's bit-mask register).
Timing timeCycles(const CabinetConfig& cabinet, int cycles, bool toggle) {
    BusPoller poller(cabinet.buses[0], std::make_unique<ModbusBus>(cabinet.buses[0]));
    poller.poll({}, 0);  // opens the line
    std::vector<double> ms;
    bool heater = false;
    for (int i = 0; i < cycles; ++i) {
        if (toggle) {
            heater = !heater;
        }
        const auto start = Clock::now();
        const auto snapshot = poller.poll({{Signal::HeaterRelay, heater}}, i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        for (const auto& d : snapshot.devices) {
            if (d.failures > 0) {
                std::cerr << d.name << ": " << d.lastError << "\n";
                std::exit(1);
            }
        }
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[ms.size() * 9 / 10]};
}

}  // namespace

int main(int argc, char** argv) {
    int cycles = 101;
    int baud = 19200;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--cycles") {
            cycles = std::atoi(argv[i + 1]);
        } else if (flag == "--baud") {
            baud = std::atoi(argv[i + 1]);
        }
    }
    auto cabinet = loadCabinet(VECHE_CABINET_DIR "/owen-lobby.json", VECHE_PROFILE_DIR);
    const auto dir = std::filesystem::temp_directory_path() /
                     ("veche-modbus-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::get<RtuLine>(cabinet.buses[0].link).device = (dir / "tty").string();

    const double charMs = 10.0 * 1000.0 / baud;
    const double readLimit = readCharacters(cabinet) * charMs;
    const double writeLimit = (8 + 8 + 7) * charMs;  // FC06: request and echo
    std::printf("cabinet: %zu devices, %d reads per cycle, %d baud 8N1 (%.3f ms a character)\n",
                cabinet.buses[0].devices.size(), transactions(cabinet), baud, charMs);
    std::printf("%-34s %10s %10s %12s %8s\n", "cycle", "median ms", "p90 ms", "limit ms", "ratio");
    for (bool paced : {true, false}) {
        ModbusSimulator simulator(cabinet.buses[0].devices);
        simulator.set(Signal::Temperature, 21.5);
        simulator.set(Signal::Mains, 1);
        simulator.set(Signal::BatteryLevel, 90);
        simulator.serveRtu(dir / "tty", paced ? baud : 0);
        for (bool toggle : {false, true}) {
            const Timing t = timeCycles(cabinet, cycles, toggle);
            const double limit = readLimit + (toggle ? writeLimit : 0);
            std::string name = std::string(toggle ? "reads + a relay write" : "reads only") +
                               (paced ? ", paced line" : ", unpaced pty");
            if (paced) {
                std::printf("%-34s %10.2f %10.2f %12.2f %8.3f\n", name.c_str(), t.median, t.p90,
                            limit, t.median / limit);
            } else {
                std::printf("%-34s %10.2f %10.2f %12s %8s\n", name.c_str(), t.median, t.p90, "-",
                            "-");
            }
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
