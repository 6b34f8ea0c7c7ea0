#include "minutes_test_support.h"

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace veche::minutes::test {

ScratchDir::ScratchDir() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "x";
    for (char& c : name) {
        c = c == '/' ? '_' : c;
    }
    path_ = std::filesystem::temp_directory_path() /
            ("veche-minutes-" + std::to_string(::getpid()) + "-" + name);
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

std::string collapsed(std::string text) {
    const std::string nbsp = "\u00A0";
    for (auto at = text.find(nbsp); at != std::string::npos; at = text.find(nbsp, at)) {
        text.replace(at, nbsp.size(), " ");
    }
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) {
            continue;
        }
        out += space ? ' ' : c;
    }
    return out;
}

std::string pdfWords(const std::filesystem::path& path) {
    const auto result =
        run(std::string(VECHE_PDFTOTEXT) + " -layout -enc UTF-8 '" + path.string() + "' -");
    EXPECT_EQ(result.status, 0) << "pdftotext failed on " << path;
    return collapsed(result.out);
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

std::map<std::string, std::string> unzip(const std::string& zip) {
    std::map<std::string, std::string> files;
    std::istringstream in(zip);
    Poco::Zip::ZipArchive archive(in);
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        if (it->second.isDirectory()) {
            continue;
        }
        std::istringstream again(zip);
        Poco::Zip::ZipInputStream entry(again, it->second, true);
        std::ostringstream content;
        content << entry.rdbuf();
        files[it->first] = content.str();
    }
    return files;
}

void writeAll(const std::map<std::string, std::string>& files, const std::filesystem::path& dir) {
    for (const auto& [name, bytes] : files) {
        std::filesystem::create_directories((dir / name).parent_path());
        std::ofstream(dir / name, std::ios::binary) << bytes;
    }
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

RandomBuilding randomBuilding(std::uint32_t seed, int premises) {
    std::mt19937 rng(seed);
    auto pick = [&rng](int from, int to) {
        return std::uniform_int_distribution<int>(from, to)(rng);
    };
    RandomBuilding b;
    b.registryCsv = "premises,kind,area,owner_id,owner,share,document,joint\n";
    int owner = 0;
    auto row = [&](int p, bool nonResidential, int area, const std::string& share,
                   const std::string& joint) {
        const std::string id = "o" + std::to_string(++owner);
        b.ownerIds.push_back(id);
        b.registryCsv += (nonResidential ? "Н" : "") + std::to_string(p) + "," +
                         (nonResidential ? "nonresidential" : "residential") + ",\"" +
                         std::to_string(area / 100) + "," + std::to_string(area % 100 / 10) +
                         std::to_string(area % 10) + "\"," + id + ",\"Собственник " +
                         std::to_string(owner) + "\"," + share +
                         ",\"ЕГРН 50:11:" + std::to_string(p) + "\"," + joint + "\n";
    };
    for (int p = 1; p <= premises; ++p) {
        const bool nonResidential = pick(0, 19) == 0;
        const int area = pick(2000, 12000);
        switch (pick(0, 5)) {
            case 0:  // shared in halves
                row(p, nonResidential, area, "1/2", "");
                row(p, nonResidential, area, "1/2", "");
                break;
            case 1:  // spouses
                row(p, nonResidential, area, "1", "J" + std::to_string(p));
                row(p, nonResidential, area, "1", "J" + std::to_string(p));
                break;
            case 2:  // a third unknown
                row(p, nonResidential, area, "2/3", "");
                break;
            default:
                row(p, nonResidential, area, "1", "");
        }
    }
    return b;
}

}  // namespace veche::minutes::test
