// veche-modem-sim: one simulated GSM modem on a pty, driven from stdin.
//
// Usage: veche-modem-sim --link PATH [--parts-per-minute R] [--log FILE]
// Commands on stdin, one a line: deliver <from> <text...> | unplug | replug | quit.
// Prints the device path when ready; SIGTERM / SIGINT exit cleanly.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>

#include "veche/modem/sim/modem_simulator.h"
#include "veche/sim/command_loop.h"

namespace {

using veche::modem::sim::ModemSimulator;
using veche::modem::sim::SentSms;
using veche::modem::sim::SimulatorOptions;

struct Args {
    SimulatorOptions options;
    std::string logPath;
};

void usage() {
    std::cerr << "usage: veche-modem-sim --link PATH [--parts-per-minute R] [--log FILE]\n"
                 "stdin commands: deliver <from> <text...> | unplug | replug | quit\n";
}

bool parseArgs(int argc, char** argv, Args& args) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) {
            return false;
        }
        const std::string value = argv[++i];
        if (a == "--link") {
            args.options.link = value;
        } else if (a == "--parts-per-minute") {
            args.options.partsPerMinute = std::stoi(value);
        } else if (a == "--log") {
            args.logPath = value;
        } else {
            return false;
        }
    }
    return !args.options.link.empty();
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Appends one JSON line per completed message; called on the simulator thread.
class SentLog {
public:
    explicit SentLog(const std::string& path) : out_(path, std::ios::app) {
        if (!out_) {
            throw std::runtime_error("cannot open log file " + path);
        }
    }

    void append(const SentSms& sms) {
        std::lock_guard lock(mutex_);
        out_ << "{\"to\":" << jsonString(sms.to) << ",\"text\":" << jsonString(sms.text)
             << ",\"parts\":" << sms.parts << ",\"at\":" << jsonString(utcNow()) << "}\n";
        out_.flush();
    }

private:
    std::mutex mutex_;
    std::ofstream out_;
};

// Executes one stdin command; false when the program should exit.
bool runCommand(ModemSimulator& sim, const std::string& line) {
    std::istringstream in(line);
    std::string verb;
    in >> verb;
    if (verb.empty()) {
        return true;
    }
    if (verb == "quit") {
        return false;
    }
    try {
        if (verb == "deliver") {
            std::string from;
            in >> from;
            std::string text;
            std::getline(in >> std::ws, text);
            sim.deliver(from, text);
        } else if (verb == "unplug") {
            sim.unplug();
        } else if (verb == "replug") {
            sim.replug();
        } else {
            std::cerr << "unknown command: " << verb << "\n";
            return true;
        }
        std::cout << "ok " << verb << std::endl;
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
        std::unique_ptr<SentLog> log;
        if (!args.logPath.empty()) {
            log = std::make_unique<SentLog>(args.logPath);
        }
        ModemSimulator sim(args.options);
        if (log) {
            sim.setOnSent([&log](const SentSms& sms) { log->append(sms); });
        }
        std::cout << sim.link().string() << std::endl;
        commands.run([&sim](const std::string& line) { return runCommand(sim, line); });
    } catch (const std::exception& e) {
        std::cerr << "veche-modem-sim: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
