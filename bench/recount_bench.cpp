// Recount of a large building: 10,000 premises, 20,000 owners, 20 agenda
// items, every owner voting (400,000 ballot rows). Run with
//   build/release/bin/recount_bench --benchmark_repetitions=5
// Figures are recorded in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include "veche/core/bundle.h"
#include "veche/core/tally.h"
#include "veche/hub/recount.h"

namespace {

namespace fs = std::filesystem;

constexpr int kPremises = 10'000;
constexpr int kItems = 20;

// Two owners per premises: halves, thirds, or a joint couple; areas 25-125 m².
void writeBundle(const fs::path& dir) {
    std::mt19937 rng(42);
    fs::create_directories(dir);
    std::ofstream agenda(dir / "agenda.json");
    agenda << R"({"rules": "oss-mkd", "items": [)";
    for (int i = 1; i <= kItems; ++i) {
        agenda << (i > 1 ? "," : "") << R"({"id": ")" << i << R"(", "title": "Вопрос )" << i
               << R"(", "threshold": ")"
               << (i % 3 == 0 ? "all_two_thirds" : "participants_majority") << "\"}";
    }
    agenda << "]}\n";
    std::ofstream registry(dir / "registry.csv");
    std::ofstream ballots(dir / "ballots.csv");
    registry << "premises,kind,area,owner_id,owner,share,document,joint\n";
    ballots << "voter_id,item,choice\n";
    const char* choices[] = {"for", "for", "for", "against", "abstain", "invalid"};
    for (int p = 1; p <= kPremises; ++p) {
        const int hundredths = 2500 + static_cast<int>(rng() % 10000);
        const std::string area = std::to_string(hundredths / 100) + "." +
                                 std::to_string(hundredths % 100 / 10) +
                                 std::to_string(hundredths % 10);
        const int kind = p % 3;
        const char* shares[2] = {kind == 0   ? "1/2"
                                 : kind == 1 ? "1/3"
                                             : "1",
                                 kind == 0   ? "1/2"
                                 : kind == 1 ? "2/3"
                                             : "1"};
        for (int k = 0; k < 2; ++k) {
            const std::string owner = "o" + std::to_string(p) + "_" + std::to_string(k);
            registry << p << ",residential," << area << "," << owner << ",Собственник " << owner
                     << "," << shares[k] << ",ЕГРН," << (kind == 2 ? "J" : "") << "\n";
            for (int i = 1; i <= kItems; ++i) {
                ballots << owner << "," << i << "," << choices[rng() % 6] << "\n";
            }
        }
    }
}

// The bundle, written once per run into a fresh folder and removed at exit.
struct TemporaryBundle {
    TemporaryBundle()
        : dir(fs::temp_directory_path() / ("veche-recount-bench-" + std::to_string(::getpid()))) {
        writeBundle(dir);
    }
    ~TemporaryBundle() { fs::remove_all(dir); }
    fs::path dir;
};

class Bundle : public benchmark::Fixture {
public:
    void SetUp(const benchmark::State&) override {
        static const TemporaryBundle bundle;
        dir = bundle.dir;
    }
    fs::path dir;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The whole command: read the files, validate, count, print.
BENCHMARK_DEFINE_F(Bundle, RecountCommand)(benchmark::State& state) {
    for (auto _ : state) {
        std::ostringstream out, err;
        if (veche::hub::recount(dir, out, err) != 0) {
            state.SkipWithError(err.str().c_str());
            break;
        }
        benchmark::DoNotOptimize(out.str());
    }
}

// Parsing and validating the bundle alone.
BENCHMARK_DEFINE_F(Bundle, ReadBundle)(benchmark::State& state) {
    const veche::core::BundleFiles files{slurp(dir / "agenda.json"), slurp(dir / "registry.csv"),
                                         std::nullopt, slurp(dir / "ballots.csv")};
    for (auto _ : state) {
        auto reading = veche::core::readBundle(files);
        benchmark::DoNotOptimize(reading);
    }
}

// The exact tally alone.
BENCHMARK_DEFINE_F(Bundle, Tally)(benchmark::State& state) {
    const auto reading =
        veche::core::readBundle({slurp(dir / "agenda.json"), slurp(dir / "registry.csv"),
                                 std::nullopt, slurp(dir / "ballots.csv")});
    const veche::core::Meeting& m = *reading.meeting;
    for (auto _ : state) {
        auto result = veche::core::tally(m.agenda, m.electorate, m.ballots);
        benchmark::DoNotOptimize(result);
    }
}

BENCHMARK_REGISTER_F(Bundle, RecountCommand)->Unit(benchmark::kMillisecond);
BENCHMARK_REGISTER_F(Bundle, ReadBundle)->Unit(benchmark::kMillisecond);
BENCHMARK_REGISTER_F(Bundle, Tally)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
