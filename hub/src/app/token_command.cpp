#include <ostream>

#include "veche/hub/app/config.h"
#include "veche/hub/app/serve_app.h"

namespace veche::hub {
namespace {

constexpr int kUsage = 64;

int usage(std::ostream& err) {
    err << "usage: veche-hub token create --role operator|staff|auditor|service "
           "[--label TEXT] [--config FILE]\n";
    return kUsage;
}

}  // namespace

int tokenCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] != "create") {
        return usage(err);
    }
    std::string role, label = "created on the command line", config;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--role") {
            role = args[i + 1];
        } else if (args[i] == "--label") {
            label = args[i + 1];
        } else if (args[i] == "--config") {
            config = args[i + 1];
        } else {
            return usage(err);
        }
    }
    const auto parsed = parseRole(role);
    if (!parsed || *parsed == Role::Kiosk || args.size() % 2 == 0) {
        return usage(err);
    }
    const auto db = openDatabase(loadConfig(config));
    SystemClock clock;
    SystemRandom random;
    out << TokenStore(*db, clock, random).create(*parsed, label) << '\n';
    return 0;
}

}  // namespace veche::hub
