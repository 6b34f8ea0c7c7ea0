// The full protocol export (docs/protocol.md) of a 1,000-premise building:
// a synthetic registry of about 1,100 owners, paper ballots from about 70 %
// of them, five agenda items. Times exportProtocol + writeExport (protocol
// and notice as PDF and ODT, the bundle, results, manifest) and prints the
// median of the runs; the goal is under 3 s.
// Run: build/release/bin/protocol_export_bench [RUNS] [OUT_DIR]
// The export of the last run stays in OUT_DIR (default: a temporary folder,
// removed), e.g. to render its first page with pdftoppm.
#include <unistd.h>

#include <QGuiApplication>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>

#include "veche/hub/services/protocol_export.h"
#include "veche/hub/store/database.h"
#include "veche/minutes/protocol.h"

namespace {

namespace fs = std::filesystem;
using namespace veche::hub;

constexpr Millis kDay = 24LL * 60 * 60 * 1000;

class BenchClock : public Clock {
public:
    Millis now() const override { return now_; }
    Millis now_ = 1'780'000'000'000;
};

// Identifiers from a counter, as the tests' fake.
class BenchRandom : public Random {
public:
    std::string hex(std::size_t bytes) override {
        std::string s = std::to_string(++n_);
        return std::string(bytes * 2 - std::min(bytes * 2, s.size()), '0') + s;
    }

private:
    unsigned long long n_ = 0;
};

// 1,000 premises: one in ten shared in halves, a few non-residential.
std::string registryCsv(std::vector<std::string>& owners) {
    std::mt19937 rng(2026);
    std::string csv = "premises,kind,area,owner_id,owner,share,document,joint\n";
    for (int p = 1; p <= 1000; ++p) {
        const int area = std::uniform_int_distribution<int>(2500, 11000)(rng);
        const bool shared = p % 10 == 0;
        const std::string kind = p % 50 == 0 ? "nonresidential" : "residential";
        for (int k = 0; k < (shared ? 2 : 1); ++k) {
            const std::string id = "o" + std::to_string(owners.size() + 1);
            owners.push_back(id);
            csv += std::to_string(p) + "," + kind + ",\"" + std::to_string(area / 100) + "," +
                   std::to_string(area % 100 / 10) + std::to_string(area % 10) + "\"," + id +
                   ",\"Собственник Номер " + id + "\"," + (shared ? "1/2" : "1") +
                   ",\"Выписка из ЕГРН № 50:11:0010101:" + std::to_string(p) + "\",\n";
        }
    }
    return csv;
}

std::string makeAssembly(Hub& hub, BenchClock& clock) {
    std::vector<std::string> owners;
    const Territory t = hub.territories().createTerritory("ТОС");
    const Building b = *hub.territories().createBuilding(t.id, "г. Красногорск, ул. Большая, д. 1");
    if (!hub.territories().replaceRegistry(b.id, registryCsv(owners)).empty()) {
        throw std::runtime_error("the synthetic registry does not read");
    }
    Assembly a;
    a.territoryId = t.id;
    a.buildingId = b.id;
    a.agenda.rules = veche::core::RuleSet::OssMkd;
    for (int i = 1; i <= 5; ++i) {
        a.agenda.items.push_back({std::to_string(i),
                                  "Вопрос повестки дня номер " + std::to_string(i) + " о ремонте",
                                  i == 5 ? veche::core::Threshold::AllTwoThirds
                                         : veche::core::Threshold::ParticipantsMajority});
    }
    a.title = "Годовое собрание";
    a.initiator = "Иванов И. И., кв. 1";
    a.ballotAddress = "ул. Большая, д. 1, кв. 1";
    a.materials = "кв. 1";
    a.opensAt = clock.now_ + 11 * kDay;
    a.closesAt = clock.now_ + 25 * kDay;
    const std::string id = hub.createAssembly(a).id;
    clock.now_ += 12 * kDay;
    std::mt19937 rng(7);
    std::vector<Ballot> ballots;
    for (const std::string& owner : owners) {
        if (std::uniform_int_distribution<int>(0, 99)(rng) >= 70) {
            continue;
        }
        Ballot ballot{"p-" + owner, id, owner, Channel::Paper, clock.now_ - 1000, 0, "bench", {}};
        for (const auto& item : a.agenda.items) {
            ballot.answers.emplace_back(
                item.id,
                static_cast<veche::core::Choice>(std::uniform_int_distribution<int>(1, 4)(rng)));
        }
        ballots.push_back(std::move(ballot));
    }
    hub.submitBallots(ballots);
    std::cout << "building: 1000 premises, " << owners.size() << " owners, " << ballots.size()
              << " paper ballots\n";
    clock.now_ += 14 * kDay;
    return id;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const fs::path scratch =
        fs::temp_directory_path() / ("veche-protocol-" + std::to_string(::getpid()));
    const fs::path out = argc > 2 ? fs::path(argv[2]) : scratch / "export";
    fs::create_directories(scratch);
    {
        auto db = Database::openSqlite((scratch / "hub.sqlite").string());
        db->migrate();
        BenchClock clock;
        BenchRandom random;
        Hub hub(*db, clock, random, {});
        const std::string id = makeAssembly(hub, clock);
        veche::minutes::ProtocolDetails details;
        details.chair = "Петров П. П., кв. 2";
        details.secretary = "Сидорова С. С., кв. 3";
        details.counters = {"Кузнецов К. К., кв. 4"};
        details.storage = "ул. Большая, д. 1, помещение совета дома";
        std::vector<double> seconds;
        std::size_t bytes = 0;
        for (int run = 0; run < runs; ++run) {
            fs::remove_all(out);
            const auto start = std::chrono::steady_clock::now();
            const auto files = exportProtocol(hub, id, details);
            veche::minutes::writeExport(files, out);
            seconds.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            bytes = 0;
            for (const auto& f : files) {
                bytes += f.bytes.size();
            }
            std::cout << "run " << run + 1 << ": " << seconds.back() << " s\n";
        }
        std::sort(seconds.begin(), seconds.end());
        // Where the time goes, once: reading the hub, building the protocol,
        // writing it as PDF and as ODT.
        using Clock = std::chrono::steady_clock;
        const auto since = [](Clock::time_point t) {
            return std::chrono::duration<double>(Clock::now() - t).count();
        };
        auto t = Clock::now();
        const auto record = protocolRecord(hub, id, details);
        std::cout << "  read the hub: " << since(t) << " s\n";
        t = Clock::now();
        const auto count = veche::minutes::countOf(record.binding);
        const auto protocol = veche::minutes::protocolDocument(record, count, nullptr);
        std::cout << "  count and build the protocol: " << since(t) << " s\n";
        t = Clock::now();
        const auto pdf = veche::paperwork::pdfOf(protocol);
        std::cout << "  protocol.pdf: " << since(t) << " s\n";
        t = Clock::now();
        const auto odt = veche::paperwork::odtOf(protocol);
        std::cout << "  protocol.odt: " << since(t) << " s\n";
        std::cout << "export: " << bytes << " bytes in " << out.string() << "\n"
                  << "median of " << runs << " runs: " << seconds[seconds.size() / 2] << " s (min "
                  << seconds.front() << ", max " << seconds.back() << ")\n";
    }
    fs::remove_all(scratch);  // the database; OUT_DIR, when given, is elsewhere
    return 0;
}
