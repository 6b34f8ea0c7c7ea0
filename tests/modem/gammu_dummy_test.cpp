// GammuModem through libGammu's real `dummy` driver (model = dummy,
// connection = none): a phone kept as files in a temporary directory, with
// no serial line and no timing. It stores nothing of what is sent, so these
// tests assert on outcomes, on what the listener heard and on the files left.
#include <gtest/gtest.h>

#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "memory_outbox.h"
#include "recording_listener.h"
#include "veche/modem/gammu_modem.h"
#include "veche/modem/pool.h"
#include "veche/modem/sms_text.h"
#include "veche/modem/worker_modem.h"

namespace veche::modem {
namespace {

using namespace std::chrono_literals;
using testing::freshDir;
using testing::RecordingListener;
namespace fs = std::filesystem;

constexpr auto kLongPoll = std::chrono::milliseconds(60'000);  // only the poll on connecting
// A dummy poll opens some 50,000 paths (about 0.1-0.2 s): not much more often.
constexpr auto kShortPoll = std::chrono::milliseconds(500);

GammuModemOptions dummyOptions(const std::string& id, const fs::path& phone,
                               std::chrono::milliseconds pollEvery = kLongPoll) {
    GammuModemOptions o;
    o.id = id;
    o.device = phone.string();
    o.driver = GammuModemOptions::Driver::Dummy;
    o.pollInboxEvery = pollEvery;
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

std::string ucs2Hex(const std::string& utf8) {
    return toHex(utf8ToUcs2Be(utf8));
}

// Places a received SMS (or one part of a long one) in the dummy phone's
// memory, as gammu's SMS-backup file the driver reads
// (libgammu/service/backup/backtext.c, ReadSMSBackupEntry): folder 1 is the
// SIM's inbox, 3 the phone's; the file's name is its location. Written aside
// and renamed, so that the modem never reads half a file.
void placeIncoming(const fs::path& phone, int folder, int location, const std::string& from,
                   const std::string& text, const std::string& udh = "") {
    const fs::path dir = phone / "sms" / std::to_string(folder);
    fs::create_directories(dir);
    const fs::path aside = phone / ("incoming-" + std::to_string(location) + ".tmp");
    {
        std::ofstream out(aside, std::ios::binary);
        out << "[SMSBackup000]\n"
            << "SMSC = \"+79168999100\"\n"
            << "SMSCUnicode = " << ucs2Hex("+79168999100") << "\n"
            << "PDU = Deliver\n"
            << "DateTime = 20240101T120000Z\n"
            << "State = UnRead\n"
            << "Number = \"" << from << "\"\n"  // must be there; the Unicode one is read
            << "NumberUnicode = " << ucs2Hex(from) << "\n";
        if (!udh.empty()) {
            out << "UDH = " << udh << "\n";
        }
        const std::string hex = ucs2Hex(text);
        for (std::size_t at = 0, line = 0; at < hex.size(); at += 200, ++line) {
            out << "Text" << (line < 10 ? "0" : "") << line << " = " << hex.substr(at, 200) << "\n";
        }
        out << "Coding = Unicode_No_Compression\n"
            << "Folder = " << folder << "\n"
            << "Class = -1\n";
    }
    fs::rename(aside, dir / std::to_string(location));
}

// The messages left in the dummy phone's memories (sms/1…5).
std::vector<fs::path> storedMessages(const fs::path& phone) {
    std::vector<fs::path> out;
    for (int folder = 1; folder <= 5; ++folder) {
        const fs::path dir = phone / "sms" / std::to_string(folder);
        if (fs::exists(dir)) {
            for (const auto& entry : fs::directory_iterator(dir)) {
                out.push_back(entry.path());
            }
        }
    }
    return out;
}

class GammuDummyTest : public ::testing::Test {
protected:
    GammuModem& start(std::chrono::milliseconds pollEvery = kLongPoll) {
        modem = std::make_unique<GammuModem>(dummyOptions("d0", phone, pollEvery), listener);
        EXPECT_TRUE(listener.waitConnected("d0", true, 10s));
        return *modem;
    }
    // Returns once the modem's thread has finished what it was doing when
    // this was called (a housekeeping round included): jobs run in order,
    // after the round in progress, and the dummy answers USSD at once.
    void barrier() {
        const UssdReply r = modem->dialUssd("*100#").get();
        ASSERT_TRUE(r.ok) << r.error;
    }

    fs::path phone = freshDir() / "phone";
    RecordingListener listener;
    std::unique_ptr<GammuModem> modem;  // after the listener: destroyed first
};

TEST_F(GammuDummyTest, ConnectsAndKnowsTheDummysSignalSimAndOperator) {
    start();
    const ModemInfo info = modem->info();
    EXPECT_TRUE(info.connected);
    EXPECT_EQ(info.signalPercent, 42);
    EXPECT_EQ(info.sim, "ready");
    EXPECT_EQ(info.imsi, "994299429942994");
    EXPECT_EQ(info.operatorName, "GammuT3l");
    EXPECT_EQ(info.reconnects, 0);
    EXPECT_TRUE(info.lastError.empty()) << info.lastError;
    EXPECT_TRUE(fs::is_directory(phone / "sms" / "1"));  // the dummy made its memories
}

TEST_F(GammuDummyTest, SendsCyrillicOfTwoPartsAndStoresNothing) {
    start();
    const std::string text = repeat("Отключение воды в понедельник. ", 4);  // 124 UCS-2
    ASSERT_EQ(planSms(text).parts, 2);
    auto sent = modem->send({"+79001112233", text, true});
    ASSERT_EQ(sent.wait_for(10s), std::future_status::ready);
    const SendOutcome o = sent.get();
    ASSERT_EQ(o.status, SendOutcome::Status::Sent) << o.error;
    EXPECT_EQ(o.parts, 2);
    EXPECT_EQ(o.references, (std::vector<int>{255, 255}));  // the dummy's one reference
    // Latin fits one GSM 7-bit part.
    const SendOutcome latin = modem->send({"+79001112233", "Meeting at 19:00", false}).get();
    EXPECT_EQ(latin.status, SendOutcome::Status::Sent) << latin.error;
    EXPECT_EQ(latin.parts, 1);
    // Nothing was written to any memory, and no report will ever come.
    EXPECT_TRUE(storedMessages(phone).empty());
    barrier();
    EXPECT_TRUE(listener.waitReports(1, 0s).empty());
}

TEST_F(GammuDummyTest, ReceivesAFilePlacedInTheInboxAndDeletesItOnceHandedOver) {
    placeIncoming(phone, 1, 1, "+79001112233", "СТОП");
    start(kShortPoll);
    auto got = listener.waitReceived(1, 10s);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].from, "+79001112233");
    EXPECT_EQ(got[0].text, "СТОП");
    const std::time_t at = std::chrono::system_clock::to_time_t(got[0].at);
    std::tm utc{};
    gmtime_r(&at, &utc);
    EXPECT_EQ(utc.tm_year + 1900, 2024);  // the file's DateTime, not the time of reading
    barrier();
    EXPECT_TRUE(storedMessages(phone).empty());

    // A later message, in the phone's inbox this time, comes alone.
    placeIncoming(phone, 3, 7, "+79004445566", "СТАРТ");
    got = listener.waitReceived(2, 10s);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[1].from, "+79004445566");
    EXPECT_EQ(got[1].text, "СТАРТ");
    barrier();
    EXPECT_TRUE(storedMessages(phone).empty());
    EXPECT_EQ(listener.waitReceived(3, 0s).size(), 2u);
}

TEST_F(GammuDummyTest, JoinsTheFilesOfALongMessageOnceEveryPartIsThere) {
    const std::string text = repeat("Во дворе не горит фонарь. ", 4);  // 104 UCS-2: two parts
    const std::vector<std::string> parts = splitSms(text);
    ASSERT_EQ(parts.size(), 2u);
    placeIncoming(phone, 1, 2, "+79004445566", parts[0], "0500037A0201");
    start(kShortPoll);
    barrier();
    barrier();  // a poll has run: the lone first part waits for the second
    EXPECT_TRUE(listener.waitReceived(1, 0s).empty());
    EXPECT_EQ(storedMessages(phone).size(), 1u);

    placeIncoming(phone, 3, 5, "+79004445566", parts[1], "0500037A0202");
    const auto got = listener.waitReceived(1, 10s);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].text, text);
    barrier();
    EXPECT_TRUE(storedMessages(phone).empty());
}

TEST_F(GammuDummyTest, AMessageTheListenerRefusesStaysAndComesAgain) {
    listener.refuseNext(1);
    placeIncoming(phone, 1, 1, "+79001112233", "Г 1 2 3");
    start(kShortPoll);
    ASSERT_TRUE(listener.waitRefused(1, 10s));
    // Left in the inbox, so the next poll offers it again.
    const auto got = listener.waitReceived(1, 10s);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].text, "Г 1 2 3");
    barrier();
    EXPECT_TRUE(storedMessages(phone).empty());
}

TEST_F(GammuDummyTest, DialsUssdAndTheDummyRepliesAtOnce) {
    start();
    const UssdReply reply = modem->dialUssd("*100#").get();
    ASSERT_TRUE(reply.ok) << reply.error;
    EXPECT_EQ(reply.text, "Reply for *100#");
    EXPECT_EQ(modem->dialUssd("*102*1#").get().text, "Reply for *102*1#");
}

std::int64_t wallClock() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

TEST(GammuDummyPool, DrainsAQueueThroughTwoDummyModemsAndHearsBoth) {
    const fs::path dir = freshDir();
    placeIncoming(dir / "d1", 1, 1, "+79001112233", "СТОП");  // read on connecting
    testing::MemoryOutbox outbox;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 12; ++i) {
        ids.push_back(outbox.add("+7900000" + std::to_string(1000 + i),
                                 repeat("Собрание собственников " + std::to_string(i) + ". ", 4),
                                 i % 4 == 0 ? SmsPriority::Code : SmsPriority::Broadcast));
    }
    std::mutex mutex;
    std::condition_variable heard;
    std::vector<std::pair<std::string, std::string>> inbound;  // modem, text
    PoolOptions options;
    options.partsPerMinute = 1'200;  // 50 ms a part: both modems get their share
    options.retryAfter = 0ms;
    options.restAfterFailure = 50ms;
    SmsPool pool(
        outbox,
        [&](const std::string& modemId, const IncomingSms& sms) {
            std::lock_guard lock(mutex);
            inbound.emplace_back(modemId, sms.text);
            heard.notify_all();
        },
        options, wallClock);
    GammuModem d0(dummyOptions("d0", dir / "d0"), pool);
    GammuModem d1(dummyOptions("d1", dir / "d1"), pool);
    struct StopFirst {  // the pool stops before the modems go, whatever fails
        SmsPool& pool;
        ~StopFirst() { pool.stop(); }
    } stopFirst{pool};
    pool.addModem(d0);
    pool.addModem(d1);
    pool.start();

    ASSERT_TRUE(outbox.waitFor("sent", 12, 30s));
    std::set<std::string> used;
    for (const std::int64_t id : ids) {
        const auto entry = outbox.entry(id);
        EXPECT_EQ(entry.sms.attempts, 1) << id;
        EXPECT_EQ(entry.references, (std::vector<int>{255, 255})) << id;
        used.insert(entry.modemId);
    }
    for (const auto& [id, times] : outbox.sentTimes()) {
        EXPECT_EQ(times, 1) << id;
    }
    EXPECT_EQ(used, (std::set<std::string>{"d0", "d1"}));
    const auto counters = pool.counters();
    EXPECT_EQ(counters.at("d0").messagesSent + counters.at("d1").messagesSent, 12);
    EXPECT_EQ(counters.at("d0").partsSent + counters.at("d1").partsSent, 24);
    EXPECT_EQ(counters.at("d0").failures + counters.at("d1").failures, 0);

    std::unique_lock lock(mutex);
    ASSERT_TRUE(heard.wait_for(lock, 10s, [&] { return !inbound.empty(); }));
    EXPECT_EQ(inbound, (std::vector<std::pair<std::string, std::string>>{{"d1", "СТОП"}}));
}

// The worker's command line carries the driver: a WorkerModem whose
// veche-modem-worker runs the dummy.
TEST(GammuDummyWorker, AWorkerRunsTheDummyWhenAskedTo) {
    const fs::path phone = freshDir() / "phone";
    placeIncoming(phone, 1, 1, "+79001112233", "СТАРТ");
    RecordingListener listener;
    WorkerModemOptions o;
    o.modem = dummyOptions("w0", phone);
    o.worker = VECHE_MODEM_WORKER;
    o.restartFirst = 100ms;
    o.restartMax = 1s;
    WorkerModem worker(o, listener);
    ASSERT_TRUE(listener.waitConnected("w0", true, 30s));
    const auto got = listener.waitReceived(1, 10s);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].text, "СТАРТ");
    const SendOutcome o2 =
        worker.send({"+79001112233", repeat("Отключение воды в понедельник. ", 4), true}).get();
    ASSERT_EQ(o2.status, SendOutcome::Status::Sent) << o2.error;
    EXPECT_EQ(o2.references, (std::vector<int>{255, 255}));
    EXPECT_EQ(worker.dialUssd("*100#").get().text, "Reply for *100#");
    EXPECT_EQ(worker.info().operatorName, "GammuT3l");
    // Kept by the listener (the driver answered `stored`), so deleted.
    EXPECT_TRUE(storedMessages(phone).empty());
}

}  // namespace
}  // namespace veche::modem
