// Sustained ingest of signed kiosk ballots: a kiosk pushes batches of ballot
// events over real HTTP on loopback to an in-process hub on SQLite (WAL,
// synchronous=FULL); every request is signed, checked (freshness, nonce,
// signature), validated ballot by ballot, and durable before the answer.
// Run: build/release/bin/sync_ingest_bench --benchmark_repetitions=5
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <benchmark/benchmark.h>

#include <filesystem>

#include <unistd.h>

#include "veche/hub/app/hub_stack.h"
#include "veche/provisioning/hub_client.h"

namespace {

namespace fs = std::filesystem;
using namespace veche::hub;
using veche::provisioning::HubClient;

constexpr int kOwners = 5000;
constexpr Millis kDay = 24LL * 60 * 60 * 1000;

std::string phoneOf(long owner) {
    const std::string digits = std::to_string(1'000'000 + owner);
    return "+7900" + digits;
}

// A hub with one building of kOwners owners, an open assembly, and one
// enrolled kiosk; removed at the end of the run.
struct HubUnderLoad {
    HubUnderLoad() : dir(fs::temp_directory_path() / ("veche-sync-" + std::to_string(::getpid()))) {
        fs::create_directories(dir);
        db = Database::openSqlite((dir / "hub.sqlite").string());
        db->migrate();
        ServerOptions options;
        options.port = 0;
        stack = std::make_unique<HubStack>(*db, clock, random, HubSettings{}, options,
                                           Poco::Logger::get("bench"));
        hub = &stack->hub;
        kiosks = &stack->kiosks;
        server = &stack->server;
        server->start();

        const std::string territory = hub->territories().createTerritory("ТОС").id;
        const std::string building = hub->territories().createBuilding(territory, "д. 1")->id;
        std::string registry = "premises,kind,area,owner_id,owner,share,document,joint\n";
        for (int i = 0; i < kOwners; ++i) {
            registry += std::to_string(i) + ",residential,50,o" + std::to_string(i) + ",O,1,,\n";
        }
        hub->territories().replaceRegistry(building, registry);
        // Every owner votes by a phone linked to them.
        for (int i = 0; i < kOwners; ++i) {
            const std::string phone = phoneOf(i);
            hub->residents().registerPhone(phone, "bench");
            hub->residents().store().addLinkRequest(
                {"l-" + std::to_string(i), phone, building, std::to_string(i), "confirmed",
                 "o" + std::to_string(i), clock.now(), "bench", clock.now(), "bench", ""});
        }
        Assembly a;
        a.territoryId = territory;
        a.buildingId = building;
        a.agenda = {veche::core::RuleSet::OssMkd,
                    {{"1", "Т", veche::core::Threshold::ParticipantsMajority},
                     {"2", "Т", veche::core::Threshold::AllTwoThirds}}};
        a.title = a.initiator = a.ballotAddress = a.materials = "x";
        a.opensAt = clock.now() - kDay;
        a.closesAt = clock.now() + kDay;
        assemblyId = hub->createAssembly(a, clock.now() - 20 * kDay).id;

        const auto key = veche::signing::KeyPair::generate();
        const auto reply = HubClient::enrol({"127.0.0.1", server->port()},
                                            kiosks->issueCode(building).code, key, "bench");
        const auto kioskId = Poco::JSON::Parser()
                                 .parse(reply.body)
                                 .extract<Poco::JSON::Object::Ptr>()
                                 ->getValue<std::string>("kiosk_id");
        client = std::make_unique<HubClient>(
            veche::provisioning::HubAddress{"127.0.0.1", server->port()}, kioskId, key,
            [this] { return clock.now(); }, [this] { return random.hex(16); });
    }
    ~HubUnderLoad() {
        server->stop();
        stack.reset();
        db.reset();
        fs::remove_all(dir);
    }

    fs::path dir;
    SystemClock clock;
    SystemRandom random;
    std::unique_ptr<Database> db;
    std::unique_ptr<HubStack> stack;
    Hub* hub = nullptr;
    KioskService* kiosks = nullptr;
    HttpServer* server = nullptr;
    std::string assemblyId;
    std::unique_ptr<HubClient> client;
};

void SignedKioskBallots(benchmark::State& state) {
    static HubUnderLoad hub;
    static long next = 0;
    const long batch = state.range(0);
    const Millis castAt = hub.clock.now() - 1000;
    for (auto _ : state) {
        std::string body = R"({"events": [)";
        for (long i = 0; i < batch; ++i) {
            const long n = next++;
            body += (i ? "," : "") + std::string(R"({"id": ")") + hub.client->kioskId() + "-" +
                    std::to_string(n) + R"(", "type": "ballot", "at": )" + std::to_string(castAt) +
                    R"(, "data": {"assembly_id": ")" + hub.assemblyId + R"(", "phone": ")" +
                    phoneOf(n % kOwners) + R"(", "answers": {"1": "for", "2": "against"}}})";
        }
        body += "]}";
        const auto reply = hub.client->send("POST", "/api/v1/kiosk/events", body);
        if (reply.status != 200 || reply.body.find("rejected") != std::string::npos) {
            state.SkipWithError(reply.body.substr(0, 200).c_str());
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * batch);
}

BENCHMARK(SignedKioskBallots)
    ->Arg(1)
    ->Arg(50)
    ->Arg(200)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
