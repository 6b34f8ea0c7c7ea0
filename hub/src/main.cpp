// veche-hub: the central service and its command line.
#include <QGuiApplication>

#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include "veche/hub/app/export_protocol_command.h"
#include "veche/hub/app/print_ballots.h"
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
           "  recount DIR                             recount a meeting bundle, print JSON\n"
           "  export-protocol --assembly A --out DIR [--config FILE] --chair N --secretary N\n"
           "          --storage TEXT [...]           write the protocol export (docs/protocol.md)\n"
           "  print-ballots --assembly A --out FILE [--config FILE]\n"
           "                                          write the personal ballots as PDF\n";
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
    if (command == "print-ballots") {
        return veche::hub::printBallotsCommand(std::vector<std::string>(argv + 2, argv + argc),
                                               std::cout, std::cerr);
    }
    if (command == "export-protocol") {
        return veche::hub::exportProtocolCommand(std::vector<std::string>(argv + 2, argv + argc),
                                                 std::cout, std::cerr);
    }
    if (command == "token") {
        return veche::hub::tokenCommand(std::vector<std::string>(argv + 2, argv + argc), std::cout,
                                        std::cerr);
    }
    return usage(std::cerr, kUsageError);
}

// The commands that write documents (ballots, protocol): the paperwork
// writers need a QGuiApplication (docs/paperwork.md). The others go without,
// so that Qt's start-up messages never reach their output.
bool writesDocuments(int argc, char** argv) {
    const std::string_view command = argc > 1 ? argv[1] : "";
    return command == "serve" || command == "print-ballots" || command == "export-protocol";
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<QGuiApplication> qt;
    if (writesDocuments(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        qt.emplace(argc, argv);
    }
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "veche-hub: " << e.what() << '\n';
        return kInternalError;
    }
}
