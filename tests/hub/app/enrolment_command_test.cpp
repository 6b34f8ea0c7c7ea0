// `veche-hub enrolment create` as an operator runs it: the code it prints
// carries the cabinet and modem given on the command line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fakes.h"
#include "veche/hub/app/config.h"
#include "veche/hub/app/serve_app.h"
#include "veche/hub/services/kiosks.h"
#include "veche/hub/store/kiosk_store.h"
#include "veche/hub/store/territory_store.h"
#include "veche/signing/ed25519.h"

namespace veche::hub {
namespace {

class EnrolmentCommandTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::temp_directory_path() /
               (std::string("veche-enrolment-") + info->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        config_ = (dir_ / "hub.properties").string();
        std::ofstream(config_) << "store.sqlite_path = " << (dir_ / "hub.sqlite").string() << "\n";
        db_ = openDatabase(loadConfig(config_));
        TerritoryStore territories(*db_, clock_, random_);
        building_ = territories.createBuilding(territories.createTerritory("ТОС").id, "д. 1")->id;
    }
    void TearDown() override {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }

    // Runs the command with `args` and --config; returns its exit code.
    int run(std::vector<std::string> args) {
        args.insert(args.end(), {"--config", config_});
        out_.str("");
        err_.str("");
        return enrolmentCommand(args, out_, err_);
    }

    // The terms of the code the command printed, if it is usable now.
    std::optional<EnrolmentTerms> printedCode() {
        std::string code = out_.str();
        code.erase(code.find_last_not_of('\n') + 1);
        return KioskStore(*db_).usableCode(signing::sha256Hex(normaliseCode(code)),
                                           SystemClock().now());
    }

    std::filesystem::path dir_;
    std::string config_;
    testing::ManualClock clock_;
    testing::CountingRandom random_;
    std::unique_ptr<Database> db_;
    std::string building_;
    std::ostringstream out_, err_;
};

TEST_F(EnrolmentCommandTest, TheCodeCarriesTheCabinetAndModemGiven) {
    ASSERT_EQ(run({"create", "--building", building_, "--cabinet", "owen-lobby", "--modem",
                   "/dev/serial/by-id/usb-SIMCOM"}),
              0)
        << err_.str();
    const auto terms = printedCode();
    ASSERT_TRUE(terms) << out_.str();
    EXPECT_EQ(terms->buildingId, building_);
    EXPECT_EQ(terms->settings, (KioskSettings{{"cabinet", "owen-lobby"},
                                              {"modem", "/dev/serial/by-id/usb-SIMCOM"}}));
    EXPECT_NE(err_.str().find("cabinet = owen-lobby"), std::string::npos) << err_.str();

    ASSERT_EQ(run({"create", "--building", building_}), 0) << err_.str();
    ASSERT_TRUE(printedCode());
    EXPECT_TRUE(printedCode()->settings.empty());
}

TEST_F(EnrolmentCommandTest, RefusesWrongUsageAndSettingsTheHubWouldRefuse) {
    EXPECT_EQ(run({"create", "--cabinet", "owen-lobby"}), 64);                   // no building
    EXPECT_EQ(run({"create", "--building", building_, "--colour", "red"}), 64);  // unknown flag
    EXPECT_EQ(run({"create", "--building", building_, "--modem"}), 64);          // no value
    EXPECT_EQ(run({"create", "--building", "b-nowhere"}), 2);
    EXPECT_NE(err_.str().find("no building b-nowhere"), std::string::npos) << err_.str();
    EXPECT_EQ(run({"create", "--building", building_, "--cabinet", std::string(257, 'x')}), 2);
    EXPECT_NE(err_.str().find("settings.cabinet must be at most 256 characters"), std::string::npos)
        << err_.str();
    EXPECT_TRUE(out_.str().empty());
}

}  // namespace
}  // namespace veche::hub
