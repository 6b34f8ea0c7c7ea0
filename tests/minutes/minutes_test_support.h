#pragma once

// Helpers of the protocol export tests: scratch directories, external
// programs, zips, and random buildings.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace veche::minutes::test {

// A fresh directory for one test, removed with the object.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int status = -1;
    std::string out;
};
// Runs `command` through the shell; stdout only.
CommandResult run(const std::string& command);

// pdftotext -layout of the PDF at `path`, every run of white space (no-break
// spaces and line ends included) made one plain space.
std::string pdfWords(const std::filesystem::path& path);

// Every run of white space, U+00A0 included, made one plain space.
std::string collapsed(std::string text);

// Whether each of `needles` occurs in `text` after the one before.
testing::AssertionResult inOrder(const std::string& text, const std::vector<std::string>& needles);

// The entries of a zip, by path.
std::map<std::string, std::string> unzip(const std::string& zip);

// Writes each entry under `dir`, making folders as needed.
void writeAll(const std::map<std::string, std::string>& files, const std::filesystem::path& dir);

std::string readFile(const std::filesystem::path& path);

// A random building's registry.csv: `premises` premises of 20–120 m², some
// shared (1/2, 1/3), some joint (spouses), a few non-residential; owner ids
// o1, o2, … in the order of the rows. Deterministic for a seed.
struct RandomBuilding {
    std::string registryCsv;
    std::vector<std::string> ownerIds;
};
RandomBuilding randomBuilding(std::uint32_t seed, int premises);

}  // namespace veche::minutes::test
