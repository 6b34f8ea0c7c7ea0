// veche-hub: the central service and its command line.
#include <iostream>
#include <string_view>
#include <vector>

#include "veche/hub/app/serve_app.h"
#include "veche/hub/recount.h"

namespace {

constexpr int kUsageError = 64;
constexpr int kInternalError = 70;

int usage(std::ostream& out, int code) {
    out << "usage: veche-hub COMMAND\n"
           "  serve [--config FILE] [--demo BUNDLE]   run the hub (see veche-hub serve --help)\n"
           "  token create --role R [--label L] [--config FILE]\n"
           "                                          print a new API token\n"
           "  enrolment create --building ID [--cabinet NAME] [--modem DEVICE] [--config FILE]\n"
           "                                          print a one-time kiosk enrolment code\n"
           "  recount DIR                             recount a meeting bundle, print JSON\n";
    return code;
}

int run(int argc, char** argv) {
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "--help" || command == "-h" || command == "help") {
        return usage(std::cout, 0);
    }
    if (command == "recount" && argc == 3) {
        return veche::hub::recount(argv[2], std::cout, std::cerr);
    }
    if (command == "serve") {
        veche::hub::ServeApp app;
        return app.run(argc - 1, argv + 1);
    }
    if (command == "enrolment") {
        return veche::hub::enrolmentCommand(std::vector<std::string>(argv + 2, argv + argc),
                                            std::cout, std::cerr);
    }
    if (command == "token") {
        return veche::hub::tokenCommand(std::vector<std::string>(argv + 2, argv + argc), std::cout,
                                        std::cerr);
    }
    return usage(std::cerr, kUsageError);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "veche-hub: " << e.what() << '\n';
        return kInternalError;
    }
}
