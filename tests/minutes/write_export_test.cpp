// minutes::writeExport: the export goes into a fresh directory in one rename,
// refuses a directory that holds anything, and leaves nothing on failure.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "minutes_test_support.h"
#include "veche/minutes/export.h"

namespace veche::minutes {
namespace {

using test::readFile;
using test::ScratchDir;

// The names in `dir`, hidden ones included, sorted.
std::vector<std::string> entries(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

const std::vector<ExportFile> kFiles{{"protocol.pdf", "%PDF new"},
                                     {"consultative/ballots.csv", "voter_id,item,choice\n"},
                                     {"manifest.sha256", "sums"}};

TEST(WriteExportTest, WritesANewDirectoryAndItsParentsLeavingNothingElse) {
    ScratchDir scratch;
    const auto dir = scratch.path() / "a" / "b" / "export";
    writeExport(kFiles, dir);
    EXPECT_EQ(readFile(dir / "protocol.pdf"), "%PDF new");
    EXPECT_EQ(readFile(dir / "consultative" / "ballots.csv"), "voter_id,item,choice\n");
    EXPECT_EQ(entries(dir),
              (std::vector<std::string>{"consultative", "manifest.sha256", "protocol.pdf"}));
    EXPECT_EQ(entries(scratch.path() / "a" / "b"), std::vector<std::string>{"export"});
}

TEST(WriteExportTest, AnEmptyDirectoryIsReplacedATrailingSlashIsTheSame) {
    ScratchDir scratch;
    std::filesystem::create_directories(scratch.path() / "export");
    writeExport(kFiles, (scratch.path() / "export").string() + "/");
    EXPECT_EQ(readFile(scratch.path() / "export" / "manifest.sha256"), "sums");
    EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"export"});
}

TEST(WriteExportTest, ADirectoryThatHoldsAnythingIsRefusedNamedAndKept) {
    ScratchDir scratch;
    const auto dir = scratch.path() / "export";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "protocol.pdf") << "%PDF old";
    try {
        writeExport(kFiles, dir);
        FAIL() << "a directory with a file was written into";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(dir.string() + ": exists and is not an empty"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(entries(dir), std::vector<std::string>{"protocol.pdf"});
    EXPECT_EQ(readFile(dir / "protocol.pdf"), "%PDF old");
    EXPECT_EQ(entries(scratch.path()), std::vector<std::string>{"export"});

    const auto file = scratch.path() / "file";
    std::ofstream(file) << "x";
    EXPECT_THROW(writeExport(kFiles, file), std::runtime_error);
    EXPECT_EQ(readFile(file), "x");
}

TEST(WriteExportTest, AFailureHalfWayLeavesNoTemporaryDirectoryOrParents) {
    ScratchDir scratch;
    const auto dir = scratch.path() / "new" / "export";
    // "sub" is written as a file, so "sub/ballots.csv" after it cannot be.
    const std::vector<ExportFile> clash{
        {"protocol.pdf", "%PDF"}, {"sub", "a file"}, {"sub/ballots.csv", "x"}};
    try {
        writeExport(clash, dir);
        FAIL() << "the clash was written";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(
            std::string(e.what()).find("sub/ballots.csv: cannot be written to " + dir.string()),
            std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(entries(scratch.path()).empty());
}

}  // namespace
}  // namespace veche::minutes
