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

// Writes the files into a new directory `dir`, all or nothing: they go into
// a new hidden sibling ".NAME.partial-XXXXXXXX" first, which is renamed to
// `dir` in one step once every file is written. `dir` must not exist or be an
// empty directory (it is then replaced); its missing parents are created.
// Throws std::runtime_error naming `dir` when it exists and is not empty, or
// the file or directory that could not be written; nothing of the export is
// left behind then (no temporary directory, no parents it created).
void writeExport(const std::vector<ExportFile>& files, const std::filesystem::path& dir);

// Throws what writeExport throws when `dir` exists and is not an empty
// directory, to refuse before the export is drawn up.
void checkExportDirectory(const std::filesystem::path& dir);

}  // namespace veche::minutes
