// libGammu's real `at` driver (through GammuModem) against the AT modem
// simulator on a pseudo-terminal.
#include "veche/modem/gammu_modem.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>

#include "recording_listener.h"
#include "veche/modem/sim/modem_simulator.h"

namespace veche::modem {
namespace {

using namespace std::chrono_literals;
using sim::ModemSimulator;
using sim::SimulatorOptions;
using testing::freshDir;
using testing::RecordingListener;

GammuModemOptions optionsFor(const std::string& id, const std::filesystem::path& link) {
    GammuModemOptions o;
    o.id = id;
    o.device = link.string();
    o.pollInboxEvery = 1s;
    o.reconnectFirst = 100ms;
    o.reconnectMax = 1s;
    return o;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

class GammuModemTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(listener.waitConnected("m0", true, 30s)); }

    std::filesystem::path dir = freshDir();
    ModemSimulator simulator{SimulatorOptions{dir / "modem0"}};
    RecordingListener listener;
    GammuModem modem{optionsFor("m0", dir / "modem0"), listener};
};

TEST_F(GammuModemTest, LatinAndCyrillicOfOneTwoAndFivePartsArriveExactly) {
    const std::vector<std::pair<std::string, int>> cases = {
        {repeat("Meeting at 19:00, yard. ", 4), 1},         // 96 GSM-7 characters
        {repeat("Water off on Monday 9-17. ", 11), 2},      // 286
        {repeat("Notice {board} [vote] ~ ok. ", 22), 5},    // 726 septets: escapes count twice
        {repeat("Собрание во дворе. ", 3), 1},              // 57 UCS-2 characters
        {repeat("Отключение воды в понедельник. ", 4), 2},  // 124
        {repeat("Голосование по капремонту, ёлка, «кавычки». ", 7), 5},  // 308
    };
    std::size_t sent = 0;
    for (const auto& [text, parts] : cases) {
        const SendOutcome o = modem.send({"+79001112233", text, true}).get();
        ASSERT_EQ(o.status, SendOutcome::Status::Sent) << o.error;
        EXPECT_EQ(o.parts, parts) << text;
        EXPECT_EQ(o.references.size(), static_cast<std::size_t>(parts));
        ASSERT_TRUE(simulator.waitForSent(++sent, 10s));
        const auto got = simulator.sent().back();
        EXPECT_EQ(got.text, text);
        EXPECT_EQ(got.parts, parts);
        EXPECT_EQ(got.to, "+79001112233");
        EXPECT_TRUE(got.statusReportRequested);
    }
    // Each part asked for a delivery report, and the simulator gave one.
    EXPECT_GE(listener.waitReports(16, 20s).size(), 16u);
}

TEST_F(GammuModemTest, ReceivesCyrillicJoinedAndDeletesWhatItHandedOver) {
    simulator.deliver("+79001112233", "СТОП");
    const std::string longText = repeat("Во дворе не горит фонарь. ", 4);  // two parts
    simulator.deliver("+79004445566", longText);
    const auto got = listener.waitReceived(2, 30s);
    ASSERT_EQ(got.size(), 2u);
    std::set<std::pair<std::string, std::string>> texts;
    for (const IncomingSms& sms : got) {
        texts.insert({sms.from, sms.text});
    }
    EXPECT_EQ(texts, (std::set<std::pair<std::string, std::string>>{{"+79001112233", "СТОП"},
                                                                    {"+79004445566", longText}}));
    // Deleted once handed over: a later message comes alone.
    simulator.deliver("+79001112233", "СТАРТ");
    const auto after = listener.waitReceived(3, 30s);
    ASSERT_EQ(after.size(), 3u);
    EXPECT_EQ(after[2].text, "СТАРТ");
}

TEST_F(GammuModemTest, AnUnpluggedModemAnswersNotSentAndReconnectsByItself) {
    simulator.unplug();
    const SendOutcome lost = modem.send({"+79001112233", "hello", false}).get();
    EXPECT_NE(lost.status, SendOutcome::Status::Sent);
    ASSERT_TRUE(listener.waitConnected("m0", false, 60s));
    simulator.replug();
    ASSERT_TRUE(listener.waitConnected("m0", true, 60s));
    EXPECT_EQ(modem.info().reconnects, 1);
    const SendOutcome o = modem.send({"+79001112233", "снова на связи", false}).get();
    EXPECT_EQ(o.status, SendOutcome::Status::Sent) << o.error;
}

TEST_F(GammuModemTest, KnowsSignalSimAndOperatorOnceConnected) {
    const ModemInfo info = modem.info();
    EXPECT_TRUE(info.connected);
    EXPECT_GT(info.signalPercent, 0);
    EXPECT_EQ(info.sim, "ready");
    EXPECT_EQ(info.imsi, SimulatorOptions{}.imsi);
    EXPECT_FALSE(info.operatorName.empty());
}

TEST_F(GammuModemTest, DialsUssd) {
    simulator.setUssdReply("*100#", "Баланс: 42 руб.");
    const UssdReply reply = modem.dialUssd("*100#").get();
    ASSERT_TRUE(reply.ok) << reply.error;
    EXPECT_EQ(reply.text, "Баланс: 42 руб.");
}

}  // namespace
}  // namespace veche::modem
