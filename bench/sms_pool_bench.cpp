// The SMS pool end to end, and its memory with a long outbox (docs/modem-benchmarks.md).
//
//   sms_pool_bench throughput [--modems K] [--rate R] [--seconds D] [--processes 1|0]
//     K ModemSimulator instances (each on its own pty link in a temporary
//     directory, limited to R parts per minute) driven by K WorkerModem (a
//     veche-modem-worker process each, as the hub runs them; --processes 0:
//     K GammuModem threads in this process), libGammu's real `at` driver,
//     through one SmsPool over an SmsStore on a
//     temporary SQLite database. Queues K·R·D/60 single-part messages (Latin
//     and Cyrillic), measures the wall time until every simulator has decoded
//     them all, and compares the parts per minute with the physical limit K·R.
//     Defaults: K = 4, R = 40, D = 180.
//
//   sms_pool_bench memory [--messages N] [--compare M] [--modems K]
//                         [--send-seconds S] [--batch B]
//     Enqueues M, then N messages into SmsStore on SQLite (batches of B via
//     SmsStore::enqueue), and each time lets a pool over K modems that accept
//     at once send for S seconds, sampling the resident set size. Defaults:
//     N = 1,000,000, M = 10,000, K = 4, S = 30, B = 10,000.
//
// Each mode prints plain-text "result:" lines.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/store/database.h"
#include "veche/hub/store/sms_store.h"
#include "veche/modem/gammu_modem.h"
#include "veche/modem/pool.h"
#include "veche/modem/sim/modem_simulator.h"
#include "veche/modem/sms_text.h"
#include "veche/modem/worker_modem.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using veche::hub::Database;
using veche::hub::SmsStore;
using veche::hub::SystemRandom;
using veche::modem::DeliveryReport;
using veche::modem::GammuModem;
using veche::modem::GammuModemOptions;
using veche::modem::IncomingSms;
using veche::modem::Modem;
using veche::modem::ModemInfo;
using veche::modem::ModemListener;
using veche::modem::OutgoingSms;
using veche::modem::PoolOptions;
using veche::modem::QueuedSms;
using veche::modem::SendOutcome;
using veche::modem::SmsPool;
using veche::modem::SmsPriority;
using veche::modem::UssdReply;
using veche::modem::WorkerModem;
using veche::modem::WorkerModemOptions;
using veche::modem::sim::ModemSimulator;
using veche::modem::sim::SimulatorOptions;
using SteadyClock = std::chrono::steady_clock;

// ---- small helpers -------------------------------------------------------

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double secondsSince(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// "--name value" pairs after the mode; a missing name keeps its default.
class Args {
public:
    Args(int argc, char** argv) {
        for (int i = 2; i + 1 < argc; i += 2) {
            values_[std::string(argv[i]).substr(2)] = argv[i + 1];
        }
    }
    long get(const std::string& name, long fallback) const {
        const auto found = values_.find(name);
        return found == values_.end() ? fallback : std::stol(found->second);
    }

private:
    std::map<std::string, std::string> values_;
};

// A fresh directory under /tmp, removed at the end.
class TempDir {
public:
    explicit TempDir(const std::string& prefix) {
        std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// A field of /proc/self/status in kB ("VmRSS", "VmHWM").
long procStatusKb(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) == 0) {
            return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
        }
    }
    return -1;
}

double mb(long kb) {
    return static_cast<double>(kb) / 1024.0;
}

// Message i: a recipient and a single-part text, Latin or Cyrillic (≤ 67 characters).
std::string recipientOf(long i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "+7900%07ld", i % 10'000'000);
    return buf;
}

std::string textOf(long i) {
    const std::string n = std::to_string(i);
    switch (i % 4) {
        case 0:
            return "Meeting #" + n + ": Thursday 19:00, yard of house 12.";
        case 1:
            return "Собрание №" + n + ": четверг, 19:00, двор дома 12.";
        case 2:
            return "Water off #" + n + " on Monday 9-17 (pipes).";
        default:
            return "Отключение воды №" + n + " в понедельник с 9 до 17 ч.";
    }
}

std::vector<QueuedSms> messagesFrom(long first, long count) {
    std::vector<QueuedSms> out;
    out.reserve(static_cast<std::size_t>(count));
    for (long i = first; i < first + count; ++i) {
        out.push_back({0, recipientOf(i), textOf(i), SmsPriority::Broadcast, 0});
    }
    return out;
}

long countWithStatus(SmsStore& store, std::initializer_list<const char*> statuses) {
    long n = 0;
    for (const auto& [status, count] : store.countByStatus()) {
        for (const char* s : statuses) {
            n += status == s ? count : 0;
        }
    }
    return n;
}

// ", queued 3, sending 1, sent 10".
std::string statusSummary(SmsStore& store) {
    std::string out;
    for (const auto& [status, count] : store.countByStatus()) {
        out += ", " + status + " " + std::to_string(count);
    }
    return out;
}

// A database with the current schema in `dir`.
std::unique_ptr<Database> openStore(const fs::path& dir) {
    auto db = Database::openSqlite((dir / "hub.sqlite").string());
    db->migrate();
    return db;
}

// Forwards a modem's reports to the pool while it exists. GammuModem reports
// a lost connection from its destructor, after the pool (which must not
// outlive its modems' runners) is gone; this listener outlives both.
class Relay : public ModemListener {
public:
    void attach(ModemListener* target) {
        std::lock_guard lock(mutex_);
        target_ = target;
    }
    void onReceived(const std::string& id, const IncomingSms& sms) override {
        std::lock_guard lock(mutex_);
        if (target_ != nullptr) {
            target_->onReceived(id, sms);
        }
    }
    void onDeliveryReport(const std::string& id, const DeliveryReport& report) override {
        std::lock_guard lock(mutex_);
        if (target_ != nullptr) {
            target_->onDeliveryReport(id, report);
        }
    }
    void onConnectionChanged(const std::string& id, bool connected) override {
        std::lock_guard lock(mutex_);
        if (target_ != nullptr) {
            target_->onConnectionChanged(id, connected);
        }
    }

private:
    std::mutex mutex_;
    ModemListener* target_ = nullptr;
};

// ---- throughput through libGammu and the simulators ------------------------

struct Rig {
    Rig(int modemCount, int rate, bool processes);
    ~Rig();
    bool waitConnected(std::chrono::seconds timeout) const;
    long decoded() const;

    TempDir dir{"veche-pool-bench"};
    std::unique_ptr<Database> db = openStore(dir.path());
    SystemRandom random;
    SmsStore store{*db, random};
    std::vector<std::unique_ptr<ModemSimulator>> simulators;
    Relay relay;
    std::unique_ptr<SmsPool> pool;
    std::vector<std::unique_ptr<Modem>> modems;
};

Rig::Rig(int modemCount, int rate, bool processes) {
    PoolOptions options;
    options.partsPerMinute = rate;
    pool = std::make_unique<SmsPool>(store, nullptr, options, nowMs);
    relay.attach(pool.get());
    for (int k = 0; k < modemCount; ++k) {
        SimulatorOptions so;
        so.link = dir.path() / ("modem" + std::to_string(k));
        so.partsPerMinute = rate;
        simulators.push_back(std::make_unique<ModemSimulator>(so));
        GammuModemOptions mo;
        mo.id = std::string("m").append(std::to_string(k));
        mo.device = so.link.string();
        if (processes) {
            modems.push_back(std::make_unique<WorkerModem>(
                WorkerModemOptions{mo, VECHE_MODEM_WORKER, 1000ms, 30'000ms, 5'000ms}, relay));
        } else {
            modems.push_back(std::make_unique<GammuModem>(mo, relay));
        }
        pool->addModem(*modems.back());
    }
}

Rig::~Rig() {
    relay.attach(nullptr);
    pool.reset();  // runners finish the send in progress
    modems.clear();
    simulators.clear();
}

bool Rig::waitConnected(std::chrono::seconds timeout) const {
    const auto until = SteadyClock::now() + timeout;
    while (SteadyClock::now() < until) {
        if (std::all_of(modems.begin(), modems.end(),
                        [](const auto& m) { return m->info().connected; })) {
            return true;
        }
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

long Rig::decoded() const {
    long n = 0;
    for (const auto& s : simulators) {
        n += static_cast<long>(s->sent().size());
    }
    return n;
}

// Messages a simulator decoded that were not queued (or arrived twice), plus
// queued ones that never arrived.
long countMismatches(const Rig& rig, long count) {
    std::map<std::string, int> expected;
    for (long i = 0; i < count; ++i) {
        expected[recipientOf(i) + "|" + textOf(i)] += 1;
    }
    long mismatches = 0;
    for (const auto& s : rig.simulators) {
        for (const auto& sms : s->sent()) {
            auto found = expected.find(sms.to + "|" + sms.text);
            if (found == expected.end() || found->second == 0 || sms.parts != 1) {
                ++mismatches;
            } else {
                found->second -= 1;
            }
        }
    }
    for (const auto& [key, left] : expected) {
        mismatches += left;
    }
    return mismatches;
}

int runThroughput(const Args& args) {
    const int k = static_cast<int>(args.get("modems", 4));
    const int r = static_cast<int>(args.get("rate", 40));
    const long seconds = args.get("seconds", 180);
    const long count = k * r * seconds / 60;
    const bool processes = args.get("processes", 1) != 0;
    Rig rig(k, r, processes);
    if (!rig.waitConnected(60s)) {
        std::cerr << "modems did not connect within 60 s\n";
        return 1;
    }
    rig.pool->start();
    std::cout << "queueing " << count << " messages on " << k << " modems ("
              << (processes ? "a worker process each" : "threads of this process") << ") at " << r
              << " parts/min each" << std::endl;
    const auto start = SteadyClock::now();
    rig.store.enqueue(messagesFrom(0, count), "notice", nowMs());
    rig.pool->poke();
    const auto deadline = start + std::chrono::seconds(3 * seconds + 120);
    auto report = start;
    while (rig.decoded() < count && SteadyClock::now() < deadline) {
        std::this_thread::sleep_for(50ms);
        if (SteadyClock::now() - report >= 10s) {
            report = SteadyClock::now();
            std::cout << "  " << static_cast<int>(secondsSince(start)) << " s: " << rig.decoded()
                      << " decoded" << statusSummary(rig.store) << std::endl;
        }
    }
    const double decodedAt = secondsSince(start);
    while (countWithStatus(rig.store, {"sent", "delivered"}) < count &&
           SteadyClock::now() < deadline) {
        std::this_thread::sleep_for(50ms);
    }
    const double markedAt = secondsSince(start);
    const long decoded = rig.decoded(), marked = countWithStatus(rig.store, {"sent", "delivered"});
    const long mismatches = countMismatches(rig, count);
    const double perMinute = static_cast<double>(decoded) / decodedAt * 60.0;
    std::printf(
        "result: pool K=%d r=%d messages=%ld decoded=%ld marked_sent=%ld wall=%.1fs "
        "(marked %.1fs) rate=%.1f parts/min limit=%d ratio=%.1f%% text_mismatches=%ld\n",
        k, r, count, decoded, marked, decodedAt, markedAt, perMinute, k * r,
        100.0 * perMinute / (k * r), mismatches);
    for (const auto& failed : rig.store.list("failed", 10)) {
        std::printf("  failed: %s: %s\n", failed.text.c_str(), failed.reason.c_str());
    }
    for (const auto& [id, c] : rig.pool->counters()) {
        std::printf("  %s: parts=%lld failures=%lld reconnects=%d\n", id.c_str(),
                    static_cast<long long>(c.partsSent), static_cast<long long>(c.failures),
                    c.info.reconnects);
    }
    return decoded == count && mismatches == 0 ? 0 : 1;
}

// ---- memory with a long outbox ---------------------------------------------

// A modem that accepts every message at once.
class InstantModem : public Modem {
public:
    explicit InstantModem(std::string id) : id_(std::move(id)) {}
    const std::string& id() const override { return id_; }
    std::future<SendOutcome> send(OutgoingSms sms) override {
        SendOutcome o;
        o.status = SendOutcome::Status::Sent;
        o.parts = veche::modem::planSms(sms.text).parts;
        for (int p = 0; p < o.parts; ++p) {
            o.references.push_back(static_cast<int>(++parts_ % 255) + 1);
        }
        sent_ += 1;
        std::promise<SendOutcome> promise;
        promise.set_value(std::move(o));
        return promise.get_future();
    }
    std::future<UssdReply> dialUssd(std::string) override {
        std::promise<UssdReply> promise;
        promise.set_value({false, "", "not supported"});
        return promise.get_future();
    }
    ModemInfo info() const override {
        ModemInfo i;
        i.connected = true;
        i.signalPercent = 100;
        i.operatorName = "instant";
        return i;
    }
    long sent() const { return sent_.load(); }

private:
    std::string id_;
    std::atomic<long> parts_{0};
    std::atomic<long> sent_{0};
};

struct MemoryPhase {
    long messages = 0;
    double enqueueSeconds = 0;
    long rssBeforeKb = 0, rssAfterEnqueueKb = 0, rssPeakSendingKb = 0, hwmKb = 0;
    long sent = 0;
    double sendSeconds = 0;
    double firstSendSeconds = -1;  // until the first message was accepted
};

void enqueueAll(SmsStore& store, long count, long batch, MemoryPhase& phase) {
    const auto start = SteadyClock::now();
    for (long first = 0; first < count; first += batch) {
        store.enqueue(messagesFrom(first, std::min(batch, count - first)), "notice", nowMs());
    }
    phase.enqueueSeconds = secondsSince(start);
}

long totalSent(const std::vector<std::unique_ptr<InstantModem>>& modems) {
    long n = 0;
    for (const auto& m : modems) {
        n += m->sent();
    }
    return n;
}

void sendFor(SmsStore& store, int modemCount, long seconds, MemoryPhase& phase) {
    std::vector<std::unique_ptr<InstantModem>> modems;
    PoolOptions options;
    options.partsPerMinute = 60'000'000;  // no pacing: as fast as the outbox allows
    auto pool = std::make_unique<SmsPool>(store, nullptr, options, nowMs);
    for (int k = 0; k < modemCount; ++k) {
        modems.push_back(
            std::make_unique<InstantModem>(std::string("i").append(std::to_string(k))));
        pool->addModem(*modems.back());
    }
    const auto start = SteadyClock::now();
    pool->start();
    while (secondsSince(start) < static_cast<double>(seconds) &&
           totalSent(modems) < phase.messages) {
        phase.rssPeakSendingKb = std::max(phase.rssPeakSendingKb, procStatusKb("VmRSS"));
        if (phase.firstSendSeconds < 0 && totalSent(modems) > 0) {
            phase.firstSendSeconds = secondsSince(start);
        }
        std::this_thread::sleep_for(20ms);
    }
    pool.reset();
    phase.sendSeconds = secondsSince(start);
    phase.sent = totalSent(modems);
    phase.rssPeakSendingKb = std::max(phase.rssPeakSendingKb, procStatusKb("VmRSS"));
}

MemoryPhase runMemoryPhase(long count, const Args& args) {
    MemoryPhase phase;
    phase.messages = count;
    TempDir dir("veche-outbox-bench");
    auto db = openStore(dir.path());
    SystemRandom random;
    SmsStore store(*db, random);
    phase.rssBeforeKb = procStatusKb("VmRSS");
    enqueueAll(store, count, args.get("batch", 10'000), phase);
    phase.rssAfterEnqueueKb = procStatusKb("VmRSS");
    sendFor(store, static_cast<int>(args.get("modems", 4)), args.get("send-seconds", 30), phase);
    phase.hwmKb = procStatusKb("VmHWM");
    return phase;
}

void printPhase(const MemoryPhase& p) {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "result: outbox messages=%ld enqueue=%.1fs (%.0f msg/s) rss_before=%.1fMB "
        "rss_after_enqueue=%.1fMB rss_peak_sending=%.1fMB sent=%ld in %.1fs (%.0f msg/s, "
        "first after %.2fs) VmHWM=%.1fMB ru_maxrss=%.1fMB\n",
        p.messages, p.enqueueSeconds, static_cast<double>(p.messages) / p.enqueueSeconds,
        mb(p.rssBeforeKb), mb(p.rssAfterEnqueueKb), mb(p.rssPeakSendingKb), p.sent, p.sendSeconds,
        static_cast<double>(p.sent) / p.sendSeconds, p.firstSendSeconds, mb(p.hwmKb),
        mb(usage.ru_maxrss));
    std::fflush(stdout);
}

int runMemory(const Args& args) {
    std::printf("start: VmRSS=%.1fMB\n", mb(procStatusKb("VmRSS")));
    printPhase(runMemoryPhase(args.get("compare", 10'000), args));
    printPhase(runMemoryPhase(args.get("messages", 1'000'000), args));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        const Args args(argc, argv);
        if (mode == "throughput") {
            return runThroughput(args);
        }
        if (mode == "memory") {
            return runMemory(args);
        }
    } catch (const std::exception& e) {
        std::cerr << "sms_pool_bench: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "usage: sms_pool_bench throughput [--modems K] [--rate R] [--seconds D]\n"
                 "       sms_pool_bench memory [--messages N] [--compare M] [--modems K]\n"
                 "                             [--send-seconds S] [--batch B]\n";
    return 2;
}
