#pragma once

// Helpers of the paperwork tests: scratch directories, external programs, a
// sample protocol.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "veche/paperwork/document.h"

namespace veche::paperwork::test {

// A fresh directory for one test, removed with the object.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int status = -1;  // the exit status; -1 if it did not exit normally
    std::string out;  // its standard output
};

// Runs `command` through the shell.
CommandResult run(const std::string& command);

// The text pdftotext -layout reads from the PDF at `path`, pages separated
// by form feeds, no-break spaces as plain ones.
std::string pdfText(const std::string& path);

// U+00A0 replaced by a plain space.
std::string withPlainSpaces(std::string text);

// Whether each of `needles` occurs in `text` after the one before.
testing::AssertionResult inOrder(const std::string& text, const std::vector<std::string>& needles);

// The full path of `program` on PATH, if it is there.
std::optional<std::string> findOnPath(const std::string& program);

// A small protocol: title, a dated introduction with quotes, the agenda, a
// table of results, a ballot's QR code, two signatures, then after a page
// break an appendix with a registry of `registryRows` owners.
Document sampleProtocol(int registryRows = 5);

}  // namespace veche::paperwork::test
