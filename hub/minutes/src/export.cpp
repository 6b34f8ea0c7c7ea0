#include "veche/minutes/export.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>
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

// Flushes `path` (a file or a directory) to the disk; false when it cannot.
bool syncToDisk(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    return synced;
}

// Writes `bytes` to `path`, on the disk when it returns; throws naming
// `name` and `dir` when it cannot.
void writeFile(const std::filesystem::path& path, const std::string& bytes, const std::string& name,
               const std::filesystem::path& dir) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out || !syncToDisk(path)) {
        throw std::runtime_error(name + ": cannot be written to " + dir.string() + ": " +
                                 std::strerror(errno));
    }
}

// `dir` made absolute, without a trailing separator.
std::filesystem::path targetOf(const std::filesystem::path& dir) {
    std::filesystem::path target = std::filesystem::absolute(dir).lexically_normal();
    return target.has_filename() ? target : target.parent_path();
}

// Throws naming `target` unless it is missing or an empty directory.
void checkFresh(const std::filesystem::path& target) {
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(target, ec);
    if (!std::filesystem::exists(status)) {
        return;
    }
    if (!std::filesystem::is_directory(status) || !std::filesystem::is_empty(target, ec)) {
        throw std::runtime_error(target.string() +
                                 ": exists and is not an empty directory; export into a new one");
    }
}

// Creates the missing ancestors of `path`; returns those it made, outermost first.
std::vector<std::filesystem::path> makeParents(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> missing;
    for (auto p = path; !p.empty() && !std::filesystem::exists(p) && p != p.parent_path();
         p = p.parent_path()) {
        missing.insert(missing.begin(), p);
    }
    std::vector<std::filesystem::path> made;
    for (const auto& p : missing) {
        std::error_code ec;
        if (!std::filesystem::create_directory(p, ec) && ec) {
            for (auto it = made.rbegin(); it != made.rend(); ++it) {
                std::filesystem::remove(*it, ec);
            }
            throw std::runtime_error(p.string() + ": cannot be created: " + ec.message());
        }
        made.push_back(p);
    }
    return made;
}

// A new directory ".NAME.partial-XXXXXXXX" next to `target`.
std::filesystem::path makeStaging(const std::filesystem::path& target) {
    std::random_device random;
    for (int attempt = 0; attempt < 16; ++attempt) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
        const auto staging =
            target.parent_path() / ("." + target.filename().string() + ".partial-" + suffix);
        std::error_code ec;
        if (std::filesystem::create_directory(staging, ec)) {
            return staging;
        }
        if (ec) {
            throw std::runtime_error(target.string() + ": cannot be written (" + staging.string() +
                                     "): " + ec.message());
        }
    }
    throw std::runtime_error(target.string() + ": no free name for a temporary directory");
}

// Writes every file under `staging`; throws naming the file.
void writeAll(const std::vector<ExportFile>& files, const std::filesystem::path& staging,
              const std::filesystem::path& target) {
    for (const ExportFile& f : files) {
        const std::filesystem::path path = staging / std::filesystem::path(f.path);
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            throw std::runtime_error(f.path + ": cannot be written to " + target.string() + ": " +
                                     ec.message());
        }
        writeFile(path, f.bytes, f.path, target);
    }
    // The directories' entries too, so that a power cut after the rename
    // cannot leave the export with files missing.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(staging)) {
        if (entry.is_directory() && !syncToDisk(entry.path())) {
            throw std::runtime_error(entry.path().string() + ": cannot be flushed to disk");
        }
    }
    if (!syncToDisk(staging)) {
        throw std::runtime_error(staging.string() + ": cannot be flushed to disk");
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

void checkExportDirectory(const std::filesystem::path& dir) {
    checkFresh(targetOf(dir));
}

void writeExport(const std::vector<ExportFile>& files, const std::filesystem::path& dir) {
    const std::filesystem::path target = targetOf(dir);
    checkFresh(target);
    const std::vector<std::filesystem::path> made = makeParents(target.parent_path());
    std::filesystem::path staging;
    try {
        staging = makeStaging(target);
        writeAll(files, staging, target);
        std::error_code ec;
        std::filesystem::rename(staging, target, ec);  // replaces an empty directory
        if (ec) {
            throw std::runtime_error(target.string() + ": cannot be put in place: " + ec.message());
        }
        syncToDisk(target.parent_path());  // the rename; the export is complete either way
    } catch (...) {
        std::error_code ec;
        if (!staging.empty()) {
            std::filesystem::remove_all(staging, ec);
        }
        for (auto it = made.rbegin(); it != made.rend(); ++it) {
            std::filesystem::remove(*it, ec);  // only when empty
        }
        throw;
    }
}

}  // namespace veche::minutes
