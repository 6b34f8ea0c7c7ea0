#include "veche/hub/recount.h"

#include <fstream>
#include <optional>
#include <stdexcept>

#include "veche/core/bundle.h"
#include "veche/core/result_json.h"
#include "veche/core/tally.h"

namespace veche::hub {
namespace {

// The file's contents; nullopt when it does not exist. Throws when it exists
// but cannot be read.
std::optional<std::string> readFile(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) {
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        throw std::runtime_error(path.filename().string() + ": cannot be read");
    }
    std::string content(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    if (!in.read(content.data(), static_cast<std::streamsize>(content.size()))) {
        throw std::runtime_error(path.filename().string() + ": cannot be read");
    }
    return content;
}

}  // namespace

int recount(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        err << dir.string() << ": not a meeting bundle folder\n";
        return kRecountBadInput;
    }
    core::BundleFiles files;
    try {
        files = {readFile(dir / "agenda.json"), readFile(dir / "registry.csv"),
                 readFile(dir / "members.csv"), readFile(dir / "ballots.csv")};
    } catch (const std::runtime_error& e) {
        err << e.what() << '\n';
        return kRecountBadInput;
    }
    const core::BundleReading reading = core::readBundle(files);
    for (const core::Problem& problem : reading.problems) {
        err << core::describe(problem) << '\n';
    }
    if (!reading.meeting) {
        return kRecountBadInput;
    }
    const core::Meeting& meeting = *reading.meeting;
    const auto result = core::tally(meeting.agenda, meeting.electorate, meeting.ballots);
    out << core::resultToJson(meeting.agenda, result);
    return kRecountOk;
}

}  // namespace veche::hub
