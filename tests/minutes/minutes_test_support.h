#pragma once

// Helpers of the protocol export tests: PDF words, zips, and random
// buildings (and those of document_test_support.h).

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../paperwork/document_test_support.h"

namespace veche::minutes::test {

using paperwork::test::CommandResult;
using paperwork::test::inOrder;
using paperwork::test::run;
using paperwork::test::ScratchDir;

// pdftotext -layout of the PDF at `path`, every run of white space (no-break
// spaces and line ends included) made one plain space.
std::string pdfWords(const std::filesystem::path& path);

// Every run of white space, U+00A0 included, made one plain space.
std::string collapsed(std::string text);

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
