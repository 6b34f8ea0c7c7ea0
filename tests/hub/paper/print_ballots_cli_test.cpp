// `veche-hub print-ballots`: the real executable on a SQLite state folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../fakes.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/store/database.h"

namespace veche::hub {
namespace {

namespace fs = std::filesystem;

std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    return {WEXITSTATUS(status), out};
}

// An assembly stored in a fresh state folder, as `veche-hub serve` would keep it.
std::string storeAssembly(const fs::path& stateDir) {
    const auto db = Database::openSqlite((stateDir / "hub.sqlite").string());
    db->migrate();
    testing::ManualClock clock;
    testing::CountingRandom random;
    Hub hub(*db, clock, random, HubSettings{});
    const std::string territory = hub.territories().createTerritory("ТОС").id;
    const std::string building =
        hub.territories().createBuilding(territory, "ул. Лесная, д. 3")->id;
    hub.territories().replaceRegistry(building,
                                      "premises,kind,area,owner_id,owner,share,document,joint\n"
                                      "1,residential,45.5,o1,Петров Пётр Петрович,1,ЕГРН 7,\n"
                                      "2,residential,38,o2,Сидорова Анна Ивановна,1,ЕГРН 8,\n");
    Assembly a;
    a.territoryId = territory;
    a.buildingId = building;
    a.agenda = {core::RuleSet::OssMkd,
                {{"1", "Выбор способа управления", core::Threshold::AllMajority}}};
    a.title = "Способ управления";
    a.initiator = "Петров П. П.";
    a.ballotAddress = "ул. Лесная, д. 3, кв. 1";
    a.materials = "кв. 1";
    a.opensAt = clock.now() + 11LL * 86'400'000;
    a.closesAt = a.opensAt + 14LL * 86'400'000;
    return hub.createAssembly(a).id;
}

TEST(PrintBallotsCli, WritesOnePdfWithEveryBallot) {
    const fs::path dir =
        fs::temp_directory_path() / ("veche-print-ballots-" + std::to_string(::getpid()));
    fs::create_directories(dir / "state");
    const std::string assembly = storeAssembly(dir / "state");
    std::ofstream(dir / "hub.properties") << "state_dir = " << (dir / "state").string() << "\n";
    const fs::path out = dir / "ballots.pdf";

    const auto [code, output] =
        run(std::string(VECHE_HUB_BINARY) + " print-ballots --assembly " + assembly + " --out " +
            out.string() + " --config " + (dir / "hub.properties").string());
    EXPECT_EQ(code, 0) << output;
    const auto [textCode, text] = run(std::string(VECHE_PDFTOTEXT) + " " + out.string() + " -");
    EXPECT_NE(text.find("Петров Пётр Петрович"), std::string::npos) << text;
    EXPECT_NE(text.find("Сидорова Анна Ивановна"), std::string::npos) << text;
    EXPECT_NE(text.find("Выбор способа управления"), std::string::npos) << text;

    EXPECT_EQ(run(std::string(VECHE_HUB_BINARY) + " print-ballots --assembly a-none --out " +
                  out.string() + " --config " + (dir / "hub.properties").string())
                  .first,
              2);
    EXPECT_EQ(run(std::string(VECHE_HUB_BINARY) + " print-ballots --assembly " + assembly).first,
              64);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace veche::hub
