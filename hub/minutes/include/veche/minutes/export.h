#pragma once

// The files of a protocol export (docs/protocol.md) and writing them to a
// directory all or nothing.

#include <filesystem>
#include <string>
#include <vector>

#include "veche/minutes/record.h"

namespace veche::minutes {

struct ExportFile {
    std::string path;  // relative, '/'-separated: "protocol.pdf", "consultative/ballots.csv"
    std::string bytes;
};

// protocol.pdf, protocol.odt, notice.pdf, notice.odt, the binding recount
// bundle (agenda.json, registry.csv or members.csv, ballots.csv), the
// consultative bundle under consultative/ when there is one, results.json
// (what `veche-hub recount` prints for the binding bundle), and last
// manifest.sha256 over all the others. Needs a QGuiApplication (the
// paperwork writers); throws what they throw, and std::logic_error when a
// bundle does not read.
std::vector<ExportFile> exportFiles(const MeetingRecord& record);

// "<sha256 hex>  <path>\n" for each file, in order: `sha256sum -c` reads it.
std::string manifestOf(const std::vector<ExportFile>& files);

// Writes the files under `dir` (created if missing). Each file goes to a
// temporary name first; only when all are written are they renamed into
// place, so a failure leaves none of them behind. Throws std::runtime_error
// naming the file that could not be written; files of the same names that
// were there before are kept unless all new ones made it.
void writeExport(const std::vector<ExportFile>& files, const std::filesystem::path& dir);

}  // namespace veche::minutes
