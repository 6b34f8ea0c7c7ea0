// Durable ingest of ballots into the hub's SQLite store (WAL,
// synchronous=FULL): each transaction is on disk before it returns. Kiosks
// sync in batches, so the interesting figure is ballots per second at a given
// batch size. Run: build/release/bin/ingest_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <filesystem>

#include <unistd.h>

#include "veche/hub/store/ballot_store.h"
#include "veche/hub/store/database.h"

namespace {

namespace fs = std::filesystem;
using namespace veche::hub;

// A fresh database with one assembly, removed at the end of the run.
struct Store {
    Store() : dir(fs::temp_directory_path() / ("veche-ingest-" + std::to_string(::getpid()))) {
        fs::create_directories(dir);
        db = Database::openSqlite((dir / "hub.sqlite").string());
        db->migrate();
        db->session() << "INSERT INTO territories VALUES ('t', 'T', 0)", Poco::Data::Keywords::now;
        db->session() << "INSERT INTO assemblies VALUES ('a', 't', NULL, 'poll', 'absentee', "
                         "'extraordinary', 'A', 'I', '', 'x', 'm', 0, 1, 0, 'open', 0, '')",
            Poco::Data::Keywords::now;
    }
    ~Store() {
        db.reset();
        fs::remove_all(dir);
    }
    fs::path dir;
    std::unique_ptr<Database> db;
};

void Ingest(benchmark::State& state) {
    static Store store;
    BallotStore ballots(*store.db);
    const auto batchSize = static_cast<std::size_t>(state.range(0));
    static long next = 0;
    std::vector<Ballot> batch(batchSize);
    for (auto _ : state) {
        for (Ballot& b : batch) {
            b = {"k1-" + std::to_string(next++),
                 "a",
                 "v" + std::to_string(next % 5000),
                 Channel::Kiosk,
                 1,
                 2,
                 "k1",
                 {{"1", veche::core::Choice::For}, {"2", veche::core::Choice::Against}}};
        }
        benchmark::DoNotOptimize(ballots.submitAll(batch));
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(batchSize));
}

BENCHMARK(Ingest)->Arg(1)->Arg(20)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
