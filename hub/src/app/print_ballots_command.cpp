#include <fstream>

#include "veche/hub/app/config.h"
#include "veche/hub/app/print_ballots.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/paper/paper_ballots.h"

namespace veche::hub {
namespace {

constexpr int kUsage = 64;
constexpr int kFailed = 2;

int usage(std::ostream& err) {
    err << "usage: veche-hub print-ballots --assembly ID --out FILE [--config FILE]\n";
    return kUsage;
}

}  // namespace

int printBallotsCommand(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
    std::string assembly, file, config;
    if (args.size() % 2 != 0) {
        return usage(err);
    }
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--assembly") {
            assembly = args[i + 1];
        } else if (args[i] == "--out") {
            file = args[i + 1];
        } else if (args[i] == "--config") {
            config = args[i + 1];
        } else {
            return usage(err);
        }
    }
    if (assembly.empty() || file.empty()) {
        return usage(err);
    }
    const HubConfig hubConfig = loadConfig(config);
    const auto db = openDatabase(hubConfig);
    SystemClock clock;
    SystemRandom random;
    Hub hub(*db, clock, random, hubConfig.settings);
    std::string pdf;
    try {
        pdf = paper::PaperBallotService(hub, *db).ballotsPdf(assembly);
    } catch (const ApiError& e) {
        err << "veche-hub: " << e.what() << '\n';
        return kFailed;
    }
    std::ofstream stream(file, std::ios::binary);
    if (!stream.write(pdf.data(), static_cast<std::streamsize>(pdf.size())) || !stream.flush()) {
        err << "veche-hub: cannot write " << file << '\n';
        return kFailed;
    }
    out << "wrote the ballots of " << assembly << " to " << file << '\n';
    return 0;
}

}  // namespace veche::hub
