#include "document_test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace veche::paperwork::test {

ScratchDir::ScratchDir() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "x";
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised tests
    path_ = std::filesystem::temp_directory_path() /
            ("veche-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

CommandResult run(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        result.out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

testing::AssertionResult inOrder(const std::string& text, const std::vector<std::string>& needles) {
    std::size_t from = 0;
    for (const auto& needle : needles) {
        const auto at = text.find(needle, from);
        if (at == std::string::npos) {
            return testing::AssertionFailure()
                   << "\"" << needle << "\" is missing after offset " << from
                   << " in what follows it:\n"
                   << text.substr(from, 2000) << "\n…\n"
                   << text.substr(text.size() - std::min<std::size_t>(text.size(), 1000));
        }
        from = at + needle.size();
    }
    return testing::AssertionSuccess();
}

}  // namespace veche::paperwork::test
