#include "veche/hub/app/export_protocol_command.h"

#include <map>

#include "veche/hub/app/config.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/protocol_export.h"

namespace veche::hub {
namespace {

constexpr int kUsage = 64;
constexpr int kRefused = 2;

int usage(std::ostream& err) {
    err << "usage: veche-hub export-protocol --assembly ID --out DIR [--config FILE]\n"
           "         --chair NAME --secretary NAME --storage TEXT [--counter NAME]...\n"
           "         [--number ID] [--counted-on YYYY-MM-DD] [--place TEXT]\n"
           "         [--initiator-details TEXT] [--invited TEXT]\n"
           "         [--heard ITEM=TEXT]... [--proposed ITEM=TEXT]...\n";
    return kUsage;
}

struct Options {
    std::string assembly, out, config;
    minutes::ProtocolDetails details;
};

// Sets the option `name` to `value`; false for an unknown option or a
// malformed value.
bool apply(Options& o, const std::string& name, const std::string& value) {
    std::map<std::string, std::string*> strings{
        {"--assembly", &o.assembly},
        {"--out", &o.out},
        {"--config", &o.config},
        {"--number", &o.details.number},
        {"--place", &o.details.place},
        {"--chair", &o.details.chair},
        {"--secretary", &o.details.secretary},
        {"--storage", &o.details.storage},
        {"--initiator-details", &o.details.initiatorDetails},
        {"--invited", &o.details.invited}};
    if (const auto it = strings.find(name); it != strings.end()) {
        *it->second = value;
        return true;
    }
    if (name == "--counter") {
        o.details.counters.push_back(value);
        return true;
    }
    if (name == "--counted-on") {
        const auto day = parseDay(value);
        o.details.countedOn = day.value_or(paperwork::CivilDate{});
        return day.has_value();
    }
    if (name == "--heard" || name == "--proposed") {
        const auto eq = value.find('=');
        if (eq == std::string::npos || eq == 0) {
            return false;
        }
        auto& texts = name == "--heard" ? o.details.heard : o.details.proposed;
        texts[value.substr(0, eq)] = value.substr(eq + 1);
        return true;
    }
    return false;
}

}  // namespace

int exportProtocolCommand(const std::vector<std::string>& args, std::ostream& out,
                          std::ostream& err) {
    Options o;
    if (args.size() % 2 != 0) {
        return usage(err);
    }
    for (std::size_t i = 0; i < args.size(); i += 2) {
        if (!apply(o, args[i], args[i + 1])) {
            err << "veche-hub: " << args[i] << " " << args[i + 1] << ": not understood\n";
            return usage(err);
        }
    }
    if (o.assembly.empty() || o.out.empty()) {
        return usage(err);
    }
    const HubConfig config = loadConfig(o.config);
    const auto db = openDatabase(config);
    SystemClock clock;
    SystemRandom random;
    Hub hub(*db, clock, random, config.settings);
    std::vector<minutes::ExportFile> files;
    try {
        minutes::checkExportDirectory(o.out);
        files = exportProtocol(hub, o.assembly, o.details);
        minutes::writeExport(files, o.out);
    } catch (const ApiError& e) {
        err << "veche-hub: " << e.what() << (e.field().empty() ? "" : " (" + e.field() + ")")
            << '\n';
        return kRefused;
    } catch (const std::runtime_error& e) {
        err << "veche-hub: " << e.what() << '\n';
        return kRefused;
    }
    out << "protocol of assembly " << o.assembly << " written to " << o.out << ":\n";
    for (const minutes::ExportFile& f : files) {
        out << "  " << f.path << " (" << f.bytes.size() << " bytes)\n";
    }
    out << "check: (cd " << o.out << " && sha256sum -c manifest.sha256)\n";
    return 0;
}

}  // namespace veche::hub
