#include "veche/minutes/export.h"

#include <fstream>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "veche/core/result_json.h"
#include "veche/minutes/protocol.h"
#include "veche/signing/ed25519.h"

namespace veche::minutes {
namespace {

void addBundle(std::vector<ExportFile>& files, const core::BundleFiles& bundle,
               const std::string& prefix) {
    const auto add = [&](const std::optional<std::string>& content, const char* name) {
        if (content) {
            files.push_back({prefix + name, *content});
        }
    };
    add(bundle.agenda, "agenda.json");
    add(bundle.registry, "registry.csv");
    add(bundle.members, "members.csv");
    add(bundle.ballots, "ballots.csv");
}

// Writes `bytes` to `path`; throws naming `name` when it cannot.
void writeFile(const std::filesystem::path& path, const std::string& bytes,
               const std::string& name) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        throw std::runtime_error(name + ": cannot be written to " + path.parent_path().string());
    }
}

}  // namespace

std::vector<ExportFile> exportFiles(const MeetingRecord& record) {
    const Count binding = countOf(record.binding);
    std::optional<Count> consultative;
    if (record.consultative) {
        consultative = countOf(*record.consultative);
    }
    const paperwork::Document protocol =
        protocolDocument(record, binding, consultative ? &*consultative : nullptr);
    const paperwork::Document notice = noticeDocument(record.noticeText);
    std::vector<ExportFile> files{{"protocol.pdf", paperwork::pdfOf(protocol)},
                                  {"protocol.odt", paperwork::odtOf(protocol)},
                                  {"notice.pdf", paperwork::pdfOf(notice)},
                                  {"notice.odt", paperwork::odtOf(notice)}};
    addBundle(files, record.binding, "");
    if (record.consultative) {
        addBundle(files, *record.consultative, "consultative/");
    }
    files.push_back({"results.json", core::resultToJson(binding.meeting.agenda, binding.result)});
    files.push_back({"manifest.sha256", manifestOf(files)});
    return files;
}

std::string manifestOf(const std::vector<ExportFile>& files) {
    std::string manifest;
    for (const ExportFile& f : files) {
        manifest += signing::sha256Hex(f.bytes) + "  " + f.path + "\n";
    }
    return manifest;
}

void writeExport(const std::vector<ExportFile>& files, const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw std::runtime_error(dir.string() + ": cannot be created: " + ec.message());
    }
    std::vector<std::pair<fs::path, fs::path>> staged;  // temporary -> final
    std::vector<fs::path> madeDirs;
    try {
        for (const ExportFile& f : files) {
            const fs::path target = dir / fs::path(f.path);
            if (!fs::exists(target.parent_path())) {
                fs::create_directories(target.parent_path());
                madeDirs.push_back(target.parent_path());
            }
            fs::path temp = target;
            temp += ".partial";
            staged.emplace_back(temp, target);
            writeFile(temp, f.bytes, f.path);
        }
        for (const auto& [temp, target] : staged) {
            fs::rename(temp, target);
        }
    } catch (const std::exception& e) {
        for (const auto& [temp, target] : staged) {
            fs::remove(temp, ec);
        }
        for (const fs::path& made : madeDirs) {
            fs::remove(made, ec);  // only when empty
        }
        if (dynamic_cast<const fs::filesystem_error*>(&e) != nullptr) {
            throw std::runtime_error(std::string("export to ") + dir.string() +
                                     " failed: " + e.what());
        }
        throw;
    }
}

}  // namespace veche::minutes
