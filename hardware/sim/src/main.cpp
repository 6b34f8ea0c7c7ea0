// veche-modbus-sim: the modules of a cabinet as Modbus slaves, driven from stdin.
//
// Usage: veche-modbus-sim --cabinet FILE [--profiles DIR] [--rtu-link PATH]
//                         [--pace BAUD] [--tcp-port N] [--set SIGNAL=VALUE]...
// Serves every device of the cabinet file at its slave id, over an RTU
// pseudo-terminal symlinked at PATH and/or Modbus TCP on 127.0.0.1.
// Commands on stdin, one a line:
//   set <signal> <value> | get <signal> | fault <device> none|no_reply|bad_crc|gone
//   | fault <device> exception <code> | quit
// Prints where it serves when ready; SIGTERM / SIGINT exit cleanly.

#include <exception>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "veche/hardware/sim/modbus_simulator.h"
#include "veche/sim/command_loop.h"

namespace {

using veche::hardware::Signal;
using veche::hardware::sim::Fault;
using veche::hardware::sim::ModbusSimulator;

struct Args {
    std::string cabinet;
    std::string profiles = VECHE_PROFILE_DIR;
    std::string rtuLink;
    int pace = 0;
    int tcpPort = -1;
    std::vector<std::string> settings;  // signal=value
};

void usage() {
    std::cerr << "usage: veche-modbus-sim --cabinet FILE [--profiles DIR] [--rtu-link PATH]\n"
                 "                        [--pace BAUD] [--tcp-port N] [--set SIGNAL=VALUE]...\n"
                 "stdin commands: set <signal> <value> | get <signal> |\n"
                 "  fault <device> none|no_reply|bad_crc|gone|exception <code> | quit\n";
}

bool parseArgs(int argc, char** argv, Args& args) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--cabinet") {
            args.cabinet = value;
        } else if (flag == "--profiles") {
            args.profiles = value;
        } else if (flag == "--rtu-link") {
            args.rtuLink = value;
        } else if (flag == "--pace") {
            args.pace = std::stoi(value);
        } else if (flag == "--tcp-port") {
            args.tcpPort = std::stoi(value);
        } else if (flag == "--set") {
            args.settings.push_back(value);
        } else {
            return false;
        }
    }
    return argc % 2 == 1 && !args.cabinet.empty() && (!args.rtuLink.empty() || args.tcpPort >= 0);
}

Signal signalNamed(const std::string& name) {
    auto signal = veche::hardware::parseSignal(name);
    if (!signal) {
        throw std::invalid_argument("unknown signal " + name);
    }
    return *signal;
}

Fault faultNamed(const std::string& name) {
    if (name == "none")
        return Fault::None;
    if (name == "no_reply")
        return Fault::NoReply;
    if (name == "bad_crc")
        return Fault::BadCrc;
    if (name == "exception")
        return Fault::Exception;
    if (name == "gone")
        return Fault::Gone;
    throw std::invalid_argument("unknown fault " + name);
}

// Executes one stdin command; false when the program should exit.
bool runCommand(ModbusSimulator& sim, const std::string& line) {
    std::istringstream in(line);
    std::string verb;
    in >> verb;
    try {
        if (verb.empty()) {
            return true;
        } else if (verb == "quit") {
            return false;
        } else if (verb == "set") {
            std::string signal;
            double value = 0;
            in >> signal >> value;
            sim.set(signalNamed(signal), value);
            std::cout << "ok set" << std::endl;
        } else if (verb == "get") {
            std::string signal;
            in >> signal;
            std::cout << signal << " " << sim.get(signalNamed(signal)) << std::endl;
        } else if (verb == "fault") {
            std::string device, fault;
            int code = 0;
            in >> device >> fault >> code;
            if (faultNamed(fault) == Fault::Exception && (code < 1 || code > 11)) {
                throw std::invalid_argument("an exception code is 1 to 11");
            }
            sim.setFault(device, faultNamed(fault), code);
            std::cout << "ok fault" << std::endl;
        } else {
            std::cerr << "unknown command: " << verb << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    try {
        if (!parseArgs(argc, argv, args)) {
            usage();
            return 2;
        }
    } catch (const std::exception&) {
        usage();
        return 2;
    }
    veche::sim::CommandLoop commands;  // before any thread starts
    try {
        auto cabinet = veche::hardware::loadCabinet(args.cabinet, args.profiles);
        std::vector<veche::hardware::DeviceConfig> devices;
        for (const auto& bus : cabinet.buses) {
            devices.insert(devices.end(), bus.devices.begin(), bus.devices.end());
        }
        ModbusSimulator sim(devices);
        for (const auto& setting : args.settings) {
            const auto eq = setting.find('=');
            if (eq == std::string::npos) {
                throw std::invalid_argument("--set wants SIGNAL=VALUE, not " + setting);
            }
            sim.set(signalNamed(setting.substr(0, eq)), std::stod(setting.substr(eq + 1)));
        }
        if (!args.rtuLink.empty()) {
            sim.serveRtu(args.rtuLink, args.pace);
            std::cout << "rtu " << args.rtuLink << std::endl;
        }
        if (args.tcpPort >= 0) {
            std::cout << "tcp 127.0.0.1:" << sim.serveTcp(args.tcpPort) << std::endl;
        }
        commands.run([&sim](const std::string& line) { return runCommand(sim, line); });
    } catch (const std::exception& e) {
        std::cerr << "veche-modbus-sim: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
