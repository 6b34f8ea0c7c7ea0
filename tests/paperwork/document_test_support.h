#pragma once

// Helpers shared by the tests that write and read back documents (paperwork
// and the protocol export): scratch directories, external programs, text
// found in order.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

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

// Whether each of `needles` occurs in `text` after the one before.
testing::AssertionResult inOrder(const std::string& text, const std::vector<std::string>& needles);

}  // namespace veche::paperwork::test
