// Kill the hub with SIGKILL in the middle of a stream of acknowledged ballots,
// restart it, and find every acknowledged ballot stored.
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <gtest/gtest.h>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include "../fakes.h"
#include "../http_client.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/store/database.h"

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

namespace fs = std::filesystem;
constexpr Millis kDay = 24LL * 60 * 60 * 1000;

// A hub process on a port the OS chose, killed when the object goes.
class HubProcess {
public:
    explicit HubProcess(const fs::path& config) {
        Poco::Pipe err;
        handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
            VECHE_HUB_BINARY, {"serve", "--config", config.string()}, nullptr, nullptr, &err));
        Poco::PipeInputStream log(err);
        const std::regex listening("event=listening address=[0-9.]+:([0-9]+)");
        std::string line;
        while (std::getline(log, line)) {  // blocks until the hub says where it listens
            std::smatch m;
            if (std::regex_search(line, m, listening)) {
                port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
                break;
            }
        }
        errPipe_ = err;
    }
    ~HubProcess() { kill(); }

    void kill() {
        if (handle_) {
            Poco::Process::kill(*handle_);
            handle_->wait();
            handle_.reset();
        }
    }
    std::uint16_t port() const { return port_; }

private:
    std::unique_ptr<Poco::ProcessHandle> handle_;
    Poco::Pipe errPipe_;
    std::uint16_t port_ = 0;
};

class KillTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("veche-kill-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        std::ofstream(dir / "hub.properties")
            << "listen.port = 0\nstore.sqlite_path = " << (dir / "hub.sqlite").string() << "\n";
        auto db = Database::openSqlite((dir / "hub.sqlite").string());
        db->migrate();
        SystemClock clock;
        SystemRandom random;
        Hub hub(*db, clock, random, {});
        const Territory t = hub.territories().createTerritory("ТОС");
        const Building b = *hub.territories().createBuilding(t.id, "д. 1");
        hub.territories().replaceRegistry(b.id,
                                          "premises,kind,area,owner_id,owner,share,document,joint\n"
                                          "1,residential,50,a,A,1,,\n2,residential,50,b,B,1,,\n");
        Assembly a;
        a.territoryId = t.id;
        a.buildingId = b.id;
        a.agenda = {core::RuleSet::OssMkd, {{"1", "Т", core::Threshold::ParticipantsMajority}}};
        a.title = "ОСС";
        a.initiator = "Инициатор";
        a.ballotAddress = "кв. 1";
        a.materials = "кв. 1";
        a.opensAt = clock.now() - kDay;
        a.closesAt = clock.now() + kDay;
        assemblyId = hub.createAssembly(a, clock.now() - 20 * kDay).id;
        token = hub.tokens().create(Role::Operator, "kill test");
        castAt = clock.now() - 1000;
    }
    void TearDown() override { fs::remove_all(dir); }

    std::set<std::string> storedIds() {
        auto db = Database::openSqlite((dir / "hub.sqlite").string());
        std::vector<std::string> ids;
        db->session() << "SELECT id FROM ballots", into(ids), now;
        return {ids.begin(), ids.end()};
    }

    fs::path dir;
    std::string assemblyId;
    std::string token;
    Millis castAt = 0;
};

TEST_F(KillTest, EveryAcknowledgedBallotSurvivesSigkill) {
    std::mt19937 rng(7);
    std::set<std::string> acknowledged;
    std::atomic<int> next{0};
    const std::string castAtIso = Poco::DateTimeFormatter::format(
        Poco::Timestamp(castAt * 1000), Poco::DateTimeFormat::ISO8601_FORMAT);
    for (int round = 0; round < 4; ++round) {
        HubProcess hubProcess(dir / "hub.properties");
        ASSERT_NE(hubProcess.port(), 0);
        std::mutex mutex;
        std::condition_variable acked;
        std::size_t acksThisRound = 0;
        std::atomic<bool> stop{false};
        auto sender = [&] {
            testing::HttpClient client(hubProcess.port());
            client.setToken(token);
            while (!stop) {
                const std::string id = "r" + std::to_string(round) + "-" + std::to_string(next++);
                const std::string body = R"({"id": ")" + id +
                                         R"(", "voter_id": "a", "cast_at": ")" + castAtIso +
                                         R"(", "answers": {"1": "for"}})";
                testing::HttpReply reply;
                try {
                    reply = client.post("/api/v1/assemblies/" + assemblyId + "/ballots", body);
                } catch (const Poco::Exception&) {
                    return;  // the hub died under this request: it was never acknowledged
                }
                if (reply.status != 201) {
                    ADD_FAILURE() << reply.status << " " << reply.body;
                    return;
                }
                std::lock_guard lock(mutex);
                acknowledged.insert(id);
                ++acksThisRound;
                acked.notify_all();
            }
        };
        std::thread first(sender), second(sender);
        const std::size_t killAfter = 30 + rng() % 150;
        {
            std::unique_lock lock(mutex);
            acked.wait(lock, [&] { return acksThisRound >= killAfter || HasFailure(); });
        }
        hubProcess.kill();
        stop = true;
        first.join();
        second.join();
        const std::set<std::string> stored = storedIds();
        for (const std::string& id : acknowledged) {
            ASSERT_TRUE(stored.count(id)) << "acknowledged ballot " << id << " was lost";
        }
    }
    EXPECT_GT(acknowledged.size(), 100u);
}

}  // namespace
}  // namespace veche::hub
