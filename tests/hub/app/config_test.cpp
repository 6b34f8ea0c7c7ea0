#include "veche/hub/app/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace veche::hub {
namespace {

class ConfigTest : public ::testing::Test {
protected:
    // Writes `text` to a .properties file of this test's own and returns its path.
    std::string file(const std::string& text) {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                (std::string("veche-config-") + info->name() + ".properties");
        std::ofstream(path_) << text;
        return path_.string();
    }
    void TearDown() override { std::filesystem::remove(path_); }

    // The message loadConfig throws for `text`, or "" when it accepts it.
    std::string errorOf(const std::string& text) {
        try {
            loadConfig(file(text));
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    }

private:
    std::filesystem::path path_;
};

TEST_F(ConfigTest, NoFileGivesTheEmbeddedDefaults) {
    const HubConfig c = loadConfig("");
    EXPECT_EQ(c.server.host, "127.0.0.1");
    EXPECT_EQ(c.server.port, 8080);
    EXPECT_EQ(c.backend, "sqlite");
    EXPECT_EQ(c.sqlitePath, "veche-state/hub.sqlite");
    EXPECT_EQ(c.maxSessions, Database::kDefaultMaxSessions);
    EXPECT_EQ(c.logLevel, "information");
    EXPECT_FALSE(c.server.tls);
}

TEST_F(ConfigTest, ReadsEveryKey) {
    const HubConfig c = loadConfig(
        file("listen.host = 0.0.0.0\nlisten.port = 9443\nlisten.threads = 100\n"
             "store.backend = postgresql\nstore.postgresql = host=db dbname=veche\n"
             "store.max_sessions = 500\nlog.level = warning\n"
             "tls.certificate = /etc/veche/cert.pem\ntls.private_key = /etc/veche/key.pem\n"
             "hub.regional_system = true\nhub.utc_offset_minutes = 420\n"
             "sms.modems = /dev/serial/by-id/a, /dev/serial/by-id/b\nsms.parts_per_minute = 20\n"
             "sms.worker = /usr/lib/veche/veche-modem-worker\n"
             "ussd.service_code = *5050#\nussd.step_timeout_s = 45\n"
             "ussd.session_timeout_s = 240\nussd.gateway_token = s3cret\n"
             "ussd.allow_from = 10.0.0.5, 10.0.0.6\n"));
    EXPECT_EQ(c.server.host, "0.0.0.0");
    EXPECT_EQ(c.server.port, 9443);
    EXPECT_EQ(c.server.maxThreads, 100);
    EXPECT_EQ(c.backend, "postgresql");
    EXPECT_EQ(c.postgres, "host=db dbname=veche");
    EXPECT_EQ(c.maxSessions, 500);
    EXPECT_EQ(c.logLevel, "warning");
    ASSERT_TRUE(c.server.tls);
    EXPECT_EQ(c.server.tls->certificateFile, "/etc/veche/cert.pem");
    EXPECT_TRUE(c.settings.regionalSystem);
    EXPECT_EQ(c.settings.utcOffsetMinutes, 420);
    EXPECT_EQ(c.sms.devices,
              (std::vector<std::string>{"/dev/serial/by-id/a", "/dev/serial/by-id/b"}));
    EXPECT_EQ(c.sms.pool.partsPerMinute, 20);
    EXPECT_EQ(c.sms.worker, "/usr/lib/veche/veche-modem-worker");
    EXPECT_EQ(c.ussd.engine.dialCode, "*5050#");
    EXPECT_EQ(c.ussd.engine.stepTimeout, std::chrono::seconds(45));
    EXPECT_EQ(c.ussd.engine.sessionTimeout, std::chrono::seconds(240));
    EXPECT_EQ(c.ussd.access.gatewayToken, "s3cret");
    EXPECT_EQ(c.ussd.access.allowFrom, (std::vector<std::string>{"10.0.0.5", "10.0.0.6"}));
}

TEST_F(ConfigTest, TheModemWorkerIsBesideTheProgramUnlessSet) {
    const auto self = std::filesystem::read_symlink("/proc/self/exe");
    EXPECT_EQ(loadConfig(file("sms.modems = /dev/ttyUSB0\n")).sms.worker,
              (self.parent_path() / "veche-modem-worker").string());
}

TEST_F(ConfigTest, ThePoolFollowsTheThreadsUnlessSet) {
    EXPECT_EQ(loadConfig(file("listen.threads = 200\n")).maxSessions, 800);
}

TEST_F(ConfigTest, ErrorsNameTheKey) {
    EXPECT_NE(errorOf("listen.port = 70000\n").find("listen.port"), std::string::npos);
    EXPECT_NE(errorOf("store.backend = mysql\n").find("store.backend"), std::string::npos);
    EXPECT_NE(errorOf("store.backend = postgresql\n").find("store.postgresql"), std::string::npos);
    EXPECT_NE(errorOf("listen.threads = 64\nstore.max_sessions = 100\n").find("store.max_sessions"),
              std::string::npos);
    EXPECT_NE(errorOf("log.level = loud\n").find("log.level"), std::string::npos);
    EXPECT_NE(errorOf("ussd.service_code = 123\n").find("ussd.service_code"), std::string::npos);
    EXPECT_NE(errorOf("ussd.step_timeout_s = 60\nussd.session_timeout_s = 30\n")
                  .find("ussd.session_timeout_s"),
              std::string::npos);
    EXPECT_NE(errorOf("sms.parts_per_minute = 0\n").find("sms.parts_per_minute"),
              std::string::npos);
    EXPECT_EQ(errorOf("log.level = debug\n"), "");
}

TEST(ConfigFile, AnUnknownFormatIsRefused) {
    EXPECT_THROW(loadConfig("hub.yaml"), std::runtime_error);
}

}  // namespace
}  // namespace veche::hub
