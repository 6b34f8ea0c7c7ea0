#include <ostream>

#include "veche/hub/app/config.h"
#include "veche/hub/app/serve_app.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/kiosks.h"

namespace veche::hub {
namespace {

constexpr int kUsage = 64;
constexpr int kRefused = 2;

int usage(std::ostream& err) {
    err << "usage: veche-hub enrolment create --building ID [--cabinet NAME] [--modem DEVICE] "
           "[--config FILE]\n";
    return kUsage;
}

// The code's settings in the operator's words, for the message after the code.
std::string describe(const KioskSettings& settings) {
    std::string text;
    for (const auto& [key, value] : settings) {
        text += (text.empty() ? "" : ", ") + key + " = " + value;
    }
    return text;
}

}  // namespace

int enrolmentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] != "create" || args.size() % 2 == 0) {
        return usage(err);
    }
    std::string building, config;
    KioskSettings settings;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--building") {
            building = args[i + 1];
        } else if (args[i] == "--config") {
            config = args[i + 1];
        } else if (args[i] == "--cabinet" || args[i] == "--modem") {
            settings[args[i].substr(2)] = args[i + 1];
        } else {
            return usage(err);
        }
    }
    if (building.empty()) {
        return usage(err);
    }
    const auto db = openDatabase(loadConfig(config));
    SystemClock clock;
    SystemRandom random;
    Hub hub(*db, clock, random, {});
    KioskStore kiosks(*db);
    const auto found = hub.territories().building(building);
    if (!found) {
        err << "veche-hub: no building " << building << '\n';
        return kRefused;
    }
    try {
        const EnrolmentCode code =
            KioskService(hub, kiosks, clock, random).issueCode(building, settings);
        out << code.code << '\n';
    } catch (const ApiError& e) {
        err << "veche-hub: " << e.what() << '\n';
        return kRefused;
    }
    err << "Код для подключения терминала в здании «" << found->address
        << "». Действует 24 часа, один раз.\n";
    if (!settings.empty()) {
        err << "Терминал получит настройки: " << describe(settings) << ".\n";
    }
    return 0;
}

}  // namespace veche::hub
