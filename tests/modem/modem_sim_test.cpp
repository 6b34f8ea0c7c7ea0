// The simulator against the real gammu CLI (libGammu's `at` driver) over a pty.

#include "veche/modem/sim/modem_simulator.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "veche/modem/sms_text.h"

namespace veche::modem::sim {
namespace {

using namespace std::chrono_literals;

struct ProcessResult {
    int exitCode = -1;   // -1 when killed after the timeout
    std::string output;  // stdout and stderr interleaved
};

// Runs argv with LC_ALL=C.UTF-8, collecting its output until it exits; kills
// it after `timeout`.
ProcessResult run(const std::vector<std::string>& argv, std::chrono::seconds timeout) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return {};
    }
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        setenv("LC_ALL", "C.UTF-8", 1);
        std::vector<char*> args;
        for (const auto& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    ProcessResult result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fds[0], POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            kill(pid, SIGKILL);
            break;
        }
        char buf[4096];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) {
            break;  // EOF: the process closed its output
        }
        result.output.append(buf, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
    }
    return result;
}

std::string repeatTo(std::string_view unit, std::size_t codePoints) {
    std::u32string text;
    const std::u32string u = utf8ToCodePoints(unit);
    while (text.size() < codePoints) {
        text += u;
    }
    text.resize(codePoints);
    return codePointsToUtf8(text);
}

class ModemSimTest : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/veche-modem-sim-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        dir_ = pattern;
        SimulatorOptions options;
        options.link = dir_ / "modem0";
        options.ussdDelay = 200ms;
        sim_ = std::make_unique<ModemSimulator>(options);
        std::ofstream rc(dir_ / "gammurc");
        rc << "[gammu]\ndevice = " << options.link.string()
           << "\nconnection = at\nmodel = at\nlogfile = " << (dir_ / "gammu.log").string()
           << "\nlogformat = textall\n";
    }

    void TearDown() override {
        sim_.reset();
        if (!HasFailure()) {
            std::filesystem::remove_all(dir_);
        } else {
            std::cerr << "kept " << dir_ << " (gammu.log) for inspection\n";
        }
    }

    ProcessResult gammu(std::vector<std::string> args) {
        args.insert(args.begin(), {VECHE_GAMMU, "-c", (dir_ / "gammurc").string()});
        return run(args, 90s);
    }

    ProcessResult sendText(const std::string& text, std::vector<std::string> extra = {}) {
        const std::size_t length = utf8ToCodePoints(text).size();
        std::vector<std::string> args{
            "sendsms", "TEXT", "+79001112233", "-autolen", std::to_string(length), "-text", text};
        args.insert(args.end(), extra.begin(), extra.end());
        return gammu(args);
    }

    std::filesystem::path dir_;
    std::unique_ptr<ModemSimulator> sim_;
};

struct SendCase {
    const char* name;
    const char* unit;
    std::size_t length;
    int parts;
};

class ModemSimSendTest : public ModemSimTest, public ::testing::WithParamInterface<SendCase> {};

TEST_P(ModemSimSendTest, GammuSendsAndSimulatorDecodesExactly) {
    const SendCase& c = GetParam();
    const std::string text = repeatTo(c.unit, c.length);
    ASSERT_EQ(planSms(text).parts, c.parts);

    const ProcessResult r = sendText(text);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    ASSERT_TRUE(sim_->waitForSent(1, 5s));
    const auto sent = sim_->sent();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].to, "+79001112233");
    EXPECT_EQ(sent[0].text, text);
    EXPECT_EQ(sent[0].parts, c.parts);
    EXPECT_EQ(sent[0].messageReferences.size(), static_cast<std::size_t>(c.parts));
    EXPECT_FALSE(sent[0].statusReportRequested);
    EXPECT_EQ(sim_->partsAccepted(), c.parts);
}

INSTANTIATE_TEST_SUITE_P(
    Texts, ModemSimSendTest,
    ::testing::Values(SendCase{"Latin1", "Hello, neighbours! Meeting at 19:00. ", 100, 1},
                      SendCase{"Latin2", "Hello, neighbours! Meeting {room 5}. ", 200, 2},
                      SendCase{"Latin5", "Vote yes or no by Friday, 12 May. ", 700, 5},
                      SendCase{"Cyrillic1", "Собрание жильцов в четверг. ", 60, 1},
                      SendCase{"Cyrillic2", "Голосование по ремонту крыши! ", 120, 2},
                      SendCase{"Cyrillic5", "Ёлки, щука, подъезд №3 — съезд. ", 300, 5}),
    [](const ::testing::TestParamInfo<SendCase>& p) { return std::string(p.param.name); });

TEST_F(ModemSimTest, ReportRequestIsSeenAndAnswered) {
    const ProcessResult r = sendText("Отчёт о доставке", {"-report"});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    ASSERT_TRUE(sim_->waitForSent(1, 5s));
    EXPECT_TRUE(sim_->sent()[0].statusReportRequested);
}

TEST_F(ModemSimTest, NetworkErrorFailsTheSend) {
    sim_->failNextSends(1, "+CMS ERROR: 38");
    const ProcessResult r = sendText("Will fail");
    EXPECT_NE(r.exitCode, 0) << r.output;
    EXPECT_TRUE(sim_->sent().empty());
    EXPECT_EQ(sim_->partsAccepted(), 0);
}

TEST_F(ModemSimTest, GammuReadsAndDeletesDeliveredCyrillicMessage) {
    const std::string text = "Здравствуйте! Собрание жильцов в четверг в 19:00.";
    sim_->deliver("+79005556677", text);
    EXPECT_EQ(sim_->storedParts(), 1);

    const ProcessResult list = gammu({"getallsms"});
    ASSERT_EQ(list.exitCode, 0) << list.output;
    EXPECT_NE(list.output.find(text), std::string::npos) << list.output;
    EXPECT_NE(list.output.find("+79005556677"), std::string::npos);

    const ProcessResult del = gammu({"deletesms", "1", "1"});
    ASSERT_EQ(del.exitCode, 0) << del.output;
    EXPECT_EQ(sim_->storedParts(), 0);
}

TEST_F(ModemSimTest, LongDeliveredMessageArrivesInLinkedParts) {
    const std::string text = repeatTo("Длинное сообщение для жильцов. ", 150);
    sim_->deliver("+79005556677", text);
    EXPECT_EQ(sim_->storedParts(), 3);
    const ProcessResult list = gammu({"getallsms"});
    ASSERT_EQ(list.exitCode, 0) << list.output;
    EXPECT_NE(list.output.find("part 3 of 3"), std::string::npos) << list.output;
    EXPECT_NE(list.output.find("3 SMS parts"), std::string::npos) << list.output;
}

TEST_F(ModemSimTest, UssdReplyIsDecodedByGammu) {
    sim_->setUssdReply("*102#", "Ваш номер: +79001112233");
    const ProcessResult def = gammu({"getussd", "*100#"});
    ASSERT_EQ(def.exitCode, 0) << def.output;
    EXPECT_NE(def.output.find("Баланс: 100 руб."), std::string::npos) << def.output;
    const ProcessResult custom = gammu({"getussd", "*102#"});
    ASSERT_EQ(custom.exitCode, 0) << custom.output;
    EXPECT_NE(custom.output.find("Ваш номер: +79001112233"), std::string::npos) << custom.output;
}

TEST_F(ModemSimTest, UnplugMakesTheDeviceDisappearAndReplugRestoresIt) {
    sim_->unplug();
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(dir_ / "modem0")));
    const ProcessResult gone = gammu({"identify"});
    EXPECT_NE(gone.exitCode, 0) << gone.output;

    sim_->replug();
    const ProcessResult back = gammu({"identify"});
    ASSERT_EQ(back.exitCode, 0) << back.output;
    EXPECT_NE(back.output.find("VECHE_SIM"), std::string::npos) << back.output;
}

TEST_F(ModemSimTest, SilentModemMakesGammuTimeOut) {
    sim_->setSilent(true);
    const ProcessResult r = gammu({"identify"});
    EXPECT_NE(r.exitCode, 0) << r.output;
}

TEST_F(ModemSimTest, PartsPerMinuteSpacesTheReplies) {
    sim_->setPartsPerMinute(30);  // one part every 2 s
    const auto start = std::chrono::steady_clock::now();
    const ProcessResult r = sendText(repeatTo("Медленный модем. ", 100));  // 2 parts
    ASSERT_EQ(r.exitCode, 0) << r.output;
    ASSERT_TRUE(sim_->waitForSent(1, 5s));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 2s);
    EXPECT_EQ(sim_->partsAccepted(), 2);
}

}  // namespace
}  // namespace veche::modem::sim
