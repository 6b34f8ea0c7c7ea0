// veche-hub: the central service's command line.
#include <iostream>
#include <string_view>

#include "veche/hub/recount.h"

namespace {

constexpr int kUsageError = 64;
constexpr int kInternalError = 70;

int usage(std::ostream& out, int code) {
    out << "usage: veche-hub recount DIR\n"
           "  recount DIR   recount the meeting bundle in DIR and print the result as JSON\n";
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
    return usage(std::cerr, kUsageError);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "veche-hub: internal error: " << e.what() << '\n';
        return kInternalError;
    }
}
