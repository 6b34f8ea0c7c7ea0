#include "veche/hub/recount.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "veche/core/bundle.h"
#include "veche/core/result_json.h"
#include "veche/core/tally.h"

namespace veche::hub {
namespace {

std::optional<std::string> readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

}  // namespace

int recount(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        err << dir.string() << ": not a meeting bundle folder\n";
        return kRecountBadInput;
    }
    const core::BundleFiles files{readFile(dir / "agenda.json"), readFile(dir / "registry.csv"),
                                  readFile(dir / "members.csv"), readFile(dir / "ballots.csv")};
    const core::BundleReading reading = core::readBundle(files);
    for (const core::Problem& problem : reading.problems) {
        err << core::describe(problem) << '\n';
    }
    if (!reading.meeting) {
        return kRecountBadInput;
    }
    const core::Meeting& meeting = *reading.meeting;
    try {
        const auto result = core::tally(meeting.agenda, meeting.electorate, meeting.ballots);
        out << core::resultToJson(meeting.agenda, result);
    } catch (const core::ArithmeticOverflow& e) {
        err << "registry.csv: the ownership shares have too many different denominators to "
               "count exactly ("
            << e.what() << ")\n";
        return kRecountBadInput;
    }
    return kRecountOk;
}

}  // namespace veche::hub
