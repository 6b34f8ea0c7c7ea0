// `veche-hub export-protocol` as the operator runs it: the directory it
// writes, its transcript, and its refusals, which leave nothing behind.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "../hub/fakes.h"
#include "minutes_test_support.h"
#include "veche/hub/app/config.h"
#include "veche/hub/app/demo.h"
#include "veche/hub/app/export_protocol_command.h"

namespace veche::hub {
namespace {

using minutes::test::ScratchDir;

constexpr Millis kDay = 24LL * 60 * 60 * 1000;

class ExportCommandTest : public ::testing::Test {
protected:
    // A hub on SQLite under the scratch folder whose sample meeting closed
    // weeks ago by the real clock, which the command uses.
    void SetUp() override {
        config = (state.path() / "hub.properties").string();
        std::ofstream(config) << "state_dir = " << state.path().string() << "\n";
        const auto db = openDatabase(loadConfig(config));
        testing::ManualClock clock(SystemClock().now() - 30 * kDay);
        testing::CountingRandom random;
        Hub hub(*db, clock, random, {});
        std::ostringstream log;
        ASSERT_TRUE(seedDemo(hub, VECHE_SAMPLES "/oss-mkd-sadovaya-12", log));
        assembly = hub.assemblies().front().id;
    }

    int run(std::vector<std::string> args) {
        out.str("");
        err.str("");
        return exportProtocolCommand(args, out, err);
    }

    std::vector<std::string> args(const std::filesystem::path& dir) const {
        return {"--assembly",   assembly,
                "--out",        dir.string(),
                "--config",     config,
                "--chair",      "Степанов Ю. С., кв. 1",
                "--secretary",  "Иванова М. П., кв. 12",
                "--counter",    "Петров П. П., кв. 30",
                "--storage",    "помещение совета дома",
                "--counted-on", "2026-11-26",
                "--heard",      "1=Степанова Ю. С., председателя совета дома"};
    }

    ScratchDir state;
    std::string config, assembly;
    std::ostringstream out, err;
};

TEST_F(ExportCommandTest, WritesTheDirectoryAndSaysWhat) {
    const auto dir = state.path() / "export";
    ASSERT_EQ(run(args(dir)), 0) << err.str();
    const std::string transcript =
        std::regex_replace(out.str(), std::regex(R"(\(\d+ bytes\))"), "(N bytes)");
    EXPECT_EQ(transcript, "protocol of assembly " + assembly + " written to " + dir.string() +
                              ":\n"
                              "  protocol.pdf (N bytes)\n"
                              "  protocol.odt (N bytes)\n"
                              "  notice.pdf (N bytes)\n"
                              "  notice.odt (N bytes)\n"
                              "  agenda.json (N bytes)\n"
                              "  registry.csv (N bytes)\n"
                              "  ballots.csv (N bytes)\n"
                              "  results.json (N bytes)\n"
                              "  manifest.sha256 (N bytes)\n"
                              "check: (cd " +
                              dir.string() + " && sha256sum -c manifest.sha256)\n");
    const auto check =
        minutes::test::run("cd '" + dir.string() + "' && sha256sum -c manifest.sha256 2>&1");
    EXPECT_EQ(check.status, 0) << check.out;
    EXPECT_EQ(minutes::test::readFile(dir / "results.json"),
              minutes::test::readFile(VECHE_SAMPLES "/oss-mkd-sadovaya-12/expected.json"));
    EXPECT_TRUE(minutes::test::inOrder(
        minutes::test::pdfWords(dir / "protocol.pdf"),
        {"СЛУШАЛИ: Степанова Ю. С., председателя совета дома", "Член счётной комиссии"}));
    for (const auto& entry : std::filesystem::directory_iterator(state.path())) {
        EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
    }
}

TEST_F(ExportCommandTest, RefusesWithoutARequiredDetailAndWritesNothing) {
    const auto dir = state.path() / "refused";
    auto without = args(dir);
    without.erase(without.begin() + 12, without.begin() + 14);  // --storage
    EXPECT_EQ(run(without), 2);
    EXPECT_NE(err.str().find("storage is required"), std::string::npos) << err.str();
    EXPECT_FALSE(std::filesystem::exists(dir));

    auto unknown = args(dir);
    unknown[1] = "no-such-assembly";
    EXPECT_EQ(run(unknown), 2);
    EXPECT_NE(err.str().find("assembly no-such-assembly not found"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir));

    auto wrong = args(dir);
    wrong[15] = "26.11.2026";  // --counted-on
    EXPECT_EQ(run(wrong), 64);
    EXPECT_NE(err.str().find("--counted-on 26.11.2026: not understood"), std::string::npos);
}

TEST_F(ExportCommandTest, ADirectoryThatIsNotEmptyIsRefusedNamedAndLeftAsItWas) {
    const auto dir = state.path() / "earlier";
    ASSERT_EQ(run(args(dir)), 0) << err.str();
    const std::string earlier = minutes::test::readFile(dir / "protocol.pdf");
    auto again = args(dir);
    again[15] = "2026-11-27";  // another day: another protocol
    EXPECT_EQ(run(again), 2);
    EXPECT_NE(err.str().find(dir.string() + ": exists and is not an empty directory"),
              std::string::npos)
        << err.str();
    EXPECT_EQ(minutes::test::readFile(dir / "protocol.pdf"), earlier);
    const auto check =
        minutes::test::run("cd '" + dir.string() + "' && sha256sum -c manifest.sha256 2>&1");
    EXPECT_EQ(check.status, 0) << check.out;
    for (const auto& entry : std::filesystem::directory_iterator(state.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".earlier.partial"), std::string::npos)
            << entry.path();
    }
}

TEST_F(ExportCommandTest, AnOutDirUnderAFileIsNamedAndLeavesNothing) {
    const auto file = state.path() / "plain-file";
    std::ofstream(file) << "x";
    EXPECT_EQ(run(args(file / "export")), 2);
    EXPECT_NE(err.str().find((file / "export").string()), std::string::npos) << err.str();
    EXPECT_EQ(minutes::test::readFile(file), "x");
}

}  // namespace
}  // namespace veche::hub
