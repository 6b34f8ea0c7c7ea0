#include <ostream>

#include "veche/hub/app/config.h"
#include "veche/hub/app/serve_app.h"
#include "veche/hub/services/kiosks.h"

namespace veche::hub {

int enrolmentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string building, config;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--building") {
            building = args[i + 1];
        } else if (args[i] == "--config") {
            config = args[i + 1];
        } else {
            building.clear();
            break;
        }
    }
    if (args.empty() || args[0] != "create" || building.empty() || args.size() % 2 == 0) {
        err << "usage: veche-hub enrolment create --building ID [--config FILE]\n";
        return 64;
    }
    const auto db = openDatabase(loadConfig(config));
    SystemClock clock;
    SystemRandom random;
    Hub hub(*db, clock, random, {});
    KioskStore kiosks(*db);
    const auto building_ = hub.territories().building(building);
    if (!building_) {
        err << "veche-hub: no building " << building << '\n';
        return 2;
    }
    const EnrolmentCode code = KioskService(hub, kiosks, clock, random).issueCode(building);
    out << code.code << '\n';
    err << "Код для подключения терминала в здании «" << building_->address
        << "». Действует 24 часа, один раз.\n";
    return 0;
}

}  // namespace veche::hub
