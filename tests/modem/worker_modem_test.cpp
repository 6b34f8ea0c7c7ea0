// WorkerModem: each modem in its own veche-modem-worker process, which runs
// libGammu's real `at` driver against the AT modem simulator on a pty.
#include "veche/modem/worker_modem.h"

#include <signal.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "memory_outbox.h"
#include "recording_listener.h"
#include "veche/modem/pool.h"
#include "veche/modem/sim/modem_simulator.h"
#include "veche/modem/sms_text.h"

namespace veche::modem {
namespace {

using namespace std::chrono_literals;
using sim::ModemSimulator;
using sim::SimulatorOptions;
using testing::freshDir;
using testing::RecordingListener;

WorkerModemOptions optionsFor(const std::string& id, const std::filesystem::path& link) {
    WorkerModemOptions o;
    o.modem.id = id;
    o.modem.device = link.string();
    o.modem.pollInboxEvery = 1s;
    o.modem.reconnectFirst = 100ms;
    o.modem.reconnectMax = 1s;
    o.worker = VECHE_MODEM_WORKER;
    o.restartFirst = 100ms;
    o.restartMax = 1s;
    return o;
}

// The processes this test process started (its workers).
std::vector<pid_t> childProcesses() {
    std::vector<pid_t> out;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream in(task.path() / "children");
        pid_t pid = 0;
        while (in >> pid) {
            out.push_back(pid);
        }
    }
    return out;
}

class WorkerModemTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(listener.waitConnected("w0", true, 30s)); }

    std::filesystem::path dir = freshDir();
    ModemSimulator simulator{SimulatorOptions{dir / "modem0"}};
    RecordingListener listener;
    WorkerModem modem{optionsFor("w0", dir / "modem0"), listener};
};

TEST_F(WorkerModemTest, SendsCyrillicOfSeveralPartsExactlyWithDeliveryReports) {
    const std::string text =
        "Голосование по капремонту\tдо 30 ноября,\nподробности у подъезда. "
        "Собрание во дворе в 19:00, приходите!";
    const SendOutcome o = modem.send({"+79001112233", text, true}).get();
    ASSERT_EQ(o.status, SendOutcome::Status::Sent) << o.error;
    const int parts = planSms(text).parts;
    EXPECT_EQ(parts, 2);
    EXPECT_EQ(o.parts, parts);
    EXPECT_EQ(o.references.size(), 2u);
    ASSERT_TRUE(simulator.waitForSent(1, 10s));
    EXPECT_EQ(simulator.sent().at(0).text, text);
    const auto reports = listener.waitReports(2, 20s);
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].recipient, "+79001112233");
    EXPECT_TRUE(reports[0].delivered);
}

TEST_F(WorkerModemTest, AMessageStaysOnTheSimUntilTheListenerKeepsIt) {
    listener.refuseNext(1);
    simulator.deliver("+79001112233", "СТОП");
    ASSERT_TRUE(listener.waitRefused(1, 30s));
    EXPECT_EQ(simulator.storedParts(), 1);           // refused: still there
    const auto got = listener.waitReceived(1, 30s);  // offered again at the next poll
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].from, "+79001112233");
    EXPECT_EQ(got[0].text, "СТОП");
    simulator.deliver("+79001112233", "СТАРТ");
    ASSERT_EQ(listener.waitReceived(2, 30s).size(), 2u);
    EXPECT_TRUE(simulator.waitForStoredParts(0, 30s));  // kept, so deleted
}

TEST_F(WorkerModemTest, AKilledWorkerIsStartedAgainAndTheModemServesAgain) {
    const auto workers = childProcesses();
    ASSERT_EQ(workers.size(), 1u);
    ASSERT_EQ(::kill(workers[0], SIGKILL), 0);
    ASSERT_TRUE(listener.waitConnected("w0", false, 30s));
    EXPECT_NE(modem.info().lastError.find("signal 9"), std::string::npos) << modem.info().lastError;
    ASSERT_TRUE(listener.waitConnected("w0", true, 30s));
    EXPECT_NE(childProcesses().at(0), workers[0]);
    const SendOutcome o = modem.send({"+79001112233", "снова на связи", false}).get();
    EXPECT_EQ(o.status, SendOutcome::Status::Sent) << o.error;
}

TEST_F(WorkerModemTest, PassesOnSignalSimAndOperator) {
    // Known from the moment the listener heard of the connection (SetUp).
    const ModemInfo info = modem.info();
    EXPECT_EQ(info.sim, "ready");
    EXPECT_EQ(info.imsi, SimulatorOptions{}.imsi);
    EXPECT_GT(info.signalPercent, 0);
    EXPECT_FALSE(info.operatorName.empty());
}

TEST_F(WorkerModemTest, DialsUssd) {
    simulator.setUssdReply("*100#", "Баланс: 42 руб.");
    const UssdReply reply = modem.dialUssd("*100#").get();
    ASSERT_TRUE(reply.ok) << reply.error;
    EXPECT_EQ(reply.text, "Баланс: 42 руб.");
}

TEST(WorkerModemStart, AMissingWorkerProgramIsNamed) {
    RecordingListener listener;
    WorkerModemOptions o = optionsFor("w1", freshDir() / "none");
    o.worker = "/nonexistent/veche-modem-worker";
    try {
        WorkerModem modem(o, listener);
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "w1: /nonexistent/veche-modem-worker is not an executable program");
    }
}

// Four modems at once, each in its own process: every message arrives intact
// (in one process, libGammu's shared state corrupted them, docs/modem.md).
TEST(SmsPoolWithWorkers, FourModemsSendAtOnceAndEveryTextArrivesIntact) {
    const auto dir = freshDir();
    std::vector<std::unique_ptr<ModemSimulator>> sims;
    for (int i = 0; i < 4; ++i) {
        sims.push_back(
            std::make_unique<ModemSimulator>(SimulatorOptions{dir / ("m" + std::to_string(i))}));
    }
    testing::MemoryOutbox outbox;
    std::set<std::string> texts;
    for (int i = 0; i < 40; ++i) {
        const std::string text = "Отключение воды, дом " + std::to_string(i) + ", с 9 до 17.";
        texts.insert(text);
        outbox.add("+7900111" + std::to_string(2200 + i), text, SmsPriority::Broadcast);
    }
    PoolOptions options;
    options.partsPerMinute = 6000;
    SmsPool pool(outbox, nullptr, options, [] { return std::int64_t{0}; });
    std::vector<std::unique_ptr<WorkerModem>> modems;
    for (int i = 0; i < 4; ++i) {
        const std::string id = "m" + std::to_string(i);
        modems.push_back(std::make_unique<WorkerModem>(optionsFor(id, dir / id), pool));
        pool.addModem(*modems.back());
    }
    pool.start();
    ASSERT_TRUE(outbox.waitFor("sent", 40, 120s, "delivered"));
    std::multiset<std::string> arrived;
    int modemsUsed = 0;
    for (const auto& sim : sims) {
        modemsUsed += sim->sent().empty() ? 0 : 1;
        for (const auto& s : sim->sent()) {
            arrived.insert(s.text);
        }
    }
    EXPECT_EQ(arrived, std::multiset<std::string>(texts.begin(), texts.end()));
    EXPECT_EQ(modemsUsed, 4);
    pool.stop();
}

// A broadcast through two modems, each in its worker process as the hub runs
// them; one is unplugged in the middle. Every
// message is sent, none is marked sent twice, and a message reaches a phone
// twice only when its modem accepted it but the confirmation was lost with
// the device.
TEST(SmsPoolWithModems, AModemDroppedMidBroadcastIsFailedOver) {
    const auto dir = freshDir();
    ModemSimulator a{SimulatorOptions{dir / "a"}}, b{SimulatorOptions{dir / "b"}};
    testing::MemoryOutbox outbox;
    std::map<std::string, std::int64_t> idOf;
    for (int i = 0; i < 16; ++i) {
        const std::string text = "Оповещение №" + std::to_string(i);
        idOf[text] =
            outbox.add("+7900111" + std::to_string(2200 + i), text, SmsPriority::Broadcast);
    }
    PoolOptions options;
    options.partsPerMinute = 6000;
    options.retryAfter = 0ms;
    SmsPool pool(outbox, nullptr, options, [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    });
    WorkerModem ma(optionsFor("a", dir / "a"), pool), mb(optionsFor("b", dir / "b"), pool);
    pool.addModem(ma);
    pool.addModem(mb);
    pool.start();
    ASSERT_TRUE(a.waitForSent(3, 60s));
    a.unplug();
    ASSERT_TRUE(outbox.waitFor("sent", 16, 120s, "delivered"))
        << "queued " << outbox.count("queued") << ", failed " << outbox.count("failed");

    for (const auto& [id, times] : outbox.sentTimes()) {
        EXPECT_EQ(times, 1) << id;
    }
    std::map<std::string, int> arrivals;
    for (const auto& s : a.sent()) {
        ++arrivals[s.text];
    }
    for (const auto& s : b.sent()) {
        ++arrivals[s.text];
    }
    ASSERT_EQ(arrivals.size(), 16u);  // none lost
    for (const auto& [text, n] : arrivals) {
        if (n > 1) {  // only a confirmation lost with the device
            EXPECT_EQ(n, 2) << text;
            EXPECT_GT(outbox.entry(idOf[text]).sms.attempts, 1) << text;
        }
    }
    EXPECT_GE(pool.counters().at("a").failures + pool.counters().at("a").messagesSent, 3);
    pool.stop();  // before the modems go
}

}  // namespace
}  // namespace veche::modem
