#include "minutes_test_support.h"

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>
#include <random>
#include <sstream>

namespace veche::minutes::test {

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
