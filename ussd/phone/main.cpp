// veche-ussd-phone: a handset for the hub's USSD endpoint, typed at or
// replaying a transcript (veche/ussd/transcript.h).

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>

#include "veche/ussd/handset_view.h"
#include "veche/ussd/phone.h"
#include "veche/ussd/replay.h"

namespace {

constexpr const char* kUsage =
    "usage: veche-ussd-phone --hub URL --msisdn +7... [--code *123#] [--script FILE]\n"
    "  Without --script: dials the code, shows each screen and reads the answer\n"
    "  from stdin. With --script: replays the transcript FILE and compares every\n"
    "  screen; exits 1 when any differs.\n";

using Random = std::function<std::uint64_t()>;

int interactive(veche::ussd::UssdTransport& transport, const std::string& msisdn,
                const std::string& code, const Random& random) {
    veche::ussd::PhoneSession phone(transport, veche::ussd::newSessionId(random), msisdn);
    const bool echo = isatty(STDIN_FILENO) == 0;  // show piped input as if typed
    std::cout << "> " << code << "\n";
    veche::ussd::Screen screen = phone.dial(code);
    while (true) {
        std::cout << veche::ussd::renderScreen(screen);
        if (screen.final) {
            return 0;
        }
        std::cout << "> " << std::flush;
        std::string input;
        if (!std::getline(std::cin, input)) {
            std::cout << "\n(трубка положена)\n";
            return 0;
        }
        if (echo) {
            std::cout << input << "\n";
        }
        screen = phone.answer(input);
    }
}

int scripted(veche::ussd::UssdTransport& transport, const std::string& msisdn,
             const std::string& file, const Random& random) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + file);
    }
    std::ostringstream text;
    text << in.rdbuf();
    const auto sessions = veche::ussd::parseTranscript(text.str());
    const auto report = veche::ussd::replayTranscript(sessions, transport, msisdn, random);
    for (const auto& m : report.mismatches) {
        std::cout << veche::ussd::describeMismatch(m) << "\n";
    }
    const std::string screens = " (" + std::to_string(report.screens) + " screens compared)\n";
    if (report.mismatches.empty()) {
        std::cout << file << ": all " << report.sessions << " sessions match" << screens;
    } else {
        std::cout << file << ": " << report.mismatches.size() << " of " << report.sessions
                  << " sessions differ" << screens;
    }
    return report.mismatches.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> options{{"--code", "*123#"}};
    for (int i = 1; i < argc; i += 2) {
        const std::string name = argv[i];
        if ((name != "--hub" && name != "--msisdn" && name != "--code" && name != "--script") ||
            i + 1 >= argc) {
            std::cerr << kUsage;
            return 2;
        }
        options[name] = argv[i + 1];
    }
    if (options["--hub"].empty() || options["--msisdn"].empty()) {
        std::cerr << kUsage;
        return 2;
    }
    std::random_device device;
    const Random random = [&device] {
        return (static_cast<std::uint64_t>(device()) << 32) | device();
    };
    try {
        veche::ussd::PocoUssdTransport transport(options["--hub"]);
        return options["--script"].empty()
                   ? interactive(transport, options["--msisdn"], options["--code"], random)
                   : scripted(transport, options["--msisdn"], options["--script"], random);
    } catch (const std::exception& e) {
        std::cerr << "veche-ussd-phone: " << e.what() << "\n";
        return 1;
    }
}
