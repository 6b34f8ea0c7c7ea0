// The personal ballots' PDF as the operator API gives it: its text read back
// with pdftotext, its QR codes read back from the rendered pages (pdftoppm,
// zbarimg) and looked up.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "paper_ballot_test_support.h"
#include "veche/paperwork/typography.h"

namespace veche::hub {
namespace {

namespace fs = std::filesystem;
using testing::jsonOf;

std::string run(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            out.append(buffer, n);
        }
        ::pclose(pipe);
    }
    return out;
}

// Whitespace (including no-break spaces and line ends) made single spaces.
std::string flattened(std::string text) {
    text = std::regex_replace(text, std::regex("\u00A0"), " ");
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

class BallotPdfTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("veche-ballots-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        const auto reply = meeting.operatorClient.get(meeting.path("/ballots.pdf"));
        ASSERT_EQ(reply.status, 200) << reply.body;
        ASSERT_EQ(reply.contentType, "application/pdf");
        ASSERT_EQ(reply.body.substr(0, 5), "%PDF-");
        pdf = dir / "ballots.pdf";
        std::ofstream(pdf, std::ios::binary) << reply.body;
    }
    void TearDown() override { fs::remove_all(dir); }

    // The pages' text, in order.
    std::vector<std::string> pages() {
        const std::string text =
            run(std::string(VECHE_PDFTOTEXT) + " -layout " + pdf.string() + " -");
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t ff = text.find('\f'); ff != std::string::npos;
             start = ff + 1, ff = text.find('\f', start)) {
            out.push_back(text.substr(start, ff - start));
        }
        return out;
    }

    testing::PaperMeeting meeting;
    fs::path dir, pdf;
};

TEST_F(BallotPdfTest, EveryQrCodeDecodesBackToItsBallotAndALookupAcceptsIt) {
    run(std::string(VECHE_PDFTOPPM) + " -png -r 150 " + pdf.string() + " " +
        (dir / "page").string());
    std::set<std::string> decoded;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".png") {
            std::istringstream lines(
                run(std::string(VECHE_ZBARIMG) + " -q --raw " + entry.path().string()));
            for (std::string line; std::getline(lines, line);) {
                decoded.insert(line);
            }
        }
    }
    const std::vector<std::string> voters = {"a", "b", "c", "h", "d"};
    ASSERT_EQ(decoded.size(), voters.size());
    for (const std::string& voter : voters) {
        const paper::BallotCode code = meeting.ballotOf(voter).code;
        const std::string text = paper::qrTextOf(code);
        ASSERT_EQ(decoded.count(text), 1u) << text;
        const auto found = meeting.staff2.post(meeting.path("/paper-ballots/lookup"),
                                               R"({"code": ")" + text + R"("})");
        ASSERT_EQ(found.status, 200) << found.body;
        EXPECT_EQ(jsonOf(found)->getValue<std::string>("voter_id"), voter);

        std::string changed = text;
        changed[changed.size() - 2] = changed[changed.size() - 2] == '7' ? '8' : '7';
        const auto refused = meeting.staff2.post(meeting.path("/paper-ballots/lookup"),
                                                 R"({"code": ")" + changed + R"("})");
        EXPECT_EQ(refused.status, 400) << refused.body;
        EXPECT_EQ(jsonOf(refused)->getObject("error")->getValue<std::string>("field"), "check")
            << refused.body;
    }
}

TEST_F(BallotPdfTest, TheTextHoldsEverythingTheLawAsksOfABallot) {
    const std::vector<std::string> text = pages();
    ASSERT_EQ(text.size(), 5u) << "one page a ballot";
    const std::string first = flattened(text[0]);
    for (const std::string& expected : {
             std::string("РЕШЕНИЕ СОБСТВЕННИКА ПОМЕЩЕНИЯ"),
             std::string("Антонова Анна Андреевна"),
             std::string("г. Тверь, ул. Садовая, д. 12"),
             std::string("Выписка из ЕГРН № 1"),
             std::string("Выписка из ЕГРН № 5"),
             std::string("Количество голосов: 90,00"),
             std::string("1. Избрание председателя собрания"),
             std::string("2. Капитальный ремонт крыши"),
             std::string("г. Тверь, ул. Садовая, д. 12, кв. 1"),
             flattened(paper::formatDeadline(meeting.hub.hub->assembly(meeting.assemblyId).closesAt,
                                             180)),
             std::string("(подпись)"),
             std::string("Бюллетень № " + paper::printedId(meeting.ballotOf("a").code.ballotId)),
             std::string("Контрольный код: " + meeting.ballotOf("a").code.check),
         }) {
        EXPECT_NE(first.find(expected), std::string::npos) << expected << "\n" << first;
    }
    // Each item in a row under the three choices, in order.
    EXPECT_TRUE(std::regex_search(first, std::regex("За Против Воздержался 1\\. Избрание "
                                                    "председателя собрания 2\\. Капитальный "
                                                    "ремонт крыши")))
        << first;
    // The joint holding: both co-owners on one ballot.
    const std::string joint = flattened(text[3]);
    EXPECT_NE(joint.find("Муж Михаил Михайлович, Жена Женя Евгеньевна"), std::string::npos)
        << joint;
    EXPECT_NE(joint.find("Количество голосов: 50,00"), std::string::npos) << joint;
}

TEST_F(BallotPdfTest, TheServiceWritesThePdfAndTheRouteGuardsIt) {
    // What printBallotsCommand calls, on the fixture's database.
    const std::string direct =
        paper::PaperBallotService(*meeting.hub.hub, meeting.hub.database->db())
            .ballotsPdf(meeting.assemblyId);
    EXPECT_EQ(direct.substr(0, 5), "%PDF-");
    EXPECT_EQ(meeting.operatorClient.get("/api/v1/assemblies/a-none/ballots.pdf").status, 404);
    EXPECT_EQ(meeting.auditor.get(meeting.path("/ballots.pdf")).status, 403);
}

// The PDF carries every ballot's valid check value: operators only.
TEST_F(BallotPdfTest, StaffMayNotFetchTheBallots) {
    const auto reply = meeting.staff1.get(meeting.path("/ballots.pdf"));
    EXPECT_EQ(reply.status, 403) << reply.body.substr(0, 200);
    EXPECT_EQ(jsonOf(reply)->getObject("error")->getValue<std::string>("code"), "forbidden");
}

}  // namespace
}  // namespace veche::hub
