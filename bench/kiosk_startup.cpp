// The kiosk's cold start to its first frame, and its memory (RSS) with many
// notices in its store (docs/kiosk.md). Each run is a new process: the
// parent notes the monotonic time, spawns this program as a child, and the
// child reports when its window first swapped a frame, its RSS then, and its
// RSS once the list of every notice was on screen. Medians of all runs.
//
//   kiosk_startup_bench [--runs N] [--notices N]
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "ui_driver.h"
#include "veche/kiosk/backend.h"
#include "veche/kiosk/sample_content.h"
#include "veche/kiosk/ui/kiosk_ui.h"

extern char** environ;

namespace {

using namespace veche::kiosk;

long monotonicNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

long rssKb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> value;
            return value;
        }
        status.ignore(1 << 12, '\n');
    }
    return -1;
}

class NoHub : public HubLink {
public:
    std::optional<veche::provisioning::HubReply> send(const std::string&, const std::string&,
                                                      const std::string&) override {
        return std::nullopt;
    }
};

// The child: the kiosk's screens on the prepared store, measured.
int child(int argc, char** argv, long startedNs, const std::string& storePath) {
    ui::KioskUi::prepareEnvironment();
    QGuiApplication app(argc, argv);
    const Environment env = systemEnvironment();
    KioskStore store(storePath);
    KioskSmsOutbox outbox(store);
    NoHub hub;
    SyncClient sync(store, hub, env);
    KioskCodes codes(
        store, outbox, hub, env, [] { return true; }, [] {});
    KioskBackend backend(store, codes, sync, outbox, "bench", env, [] { return true; });
    ui::UiOptions options;
    options.windowed = true;
    options.speechEngine = "none";
    ui::KioskUi screens(backend, options);
    long firstFrameNs = 0;
    if (!screens.show()) {
        return 1;
    }
    QQuickWindow* window = ui::UiDriver::kioskWindow();
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (firstFrameNs == 0) {
            firstFrameNs = monotonicNs();
        }
    });
    if (!QTest::qWaitFor([&] { return firstFrameNs != 0; }, 30'000)) {
        return 1;
    }
    const long rssFirstFrame = rssKb();
    ui::UiDriver d(*window);
    if (!d.tap("startButton") || !d.tap("homeNotices") || !d.tap("category_board") ||
        !d.waitFor("notice_0")) {
        std::cerr << "could not open the notice list\n";
        return 1;
    }
    QTest::qWait(200);  // let the list settle before reading memory
    std::printf("%.1f %ld %ld\n", static_cast<double>(firstFrameNs - startedNs) / 1e6,
                rssFirstFrame, rssKb());
    return 0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Measurement {
    double firstFrameMs = 0;
    double rssFirstFrameMb = 0;
    double rssListMb = 0;
};

// One cold start of the kiosk on `storePath`, in a new process.
std::optional<Measurement> startOnce(const char* self, const std::string& storePath) {
    int out[2];
    if (pipe(out) != 0) {
        return std::nullopt;
    }
    posix_spawn_file_actions_t io;
    posix_spawn_file_actions_init(&io);
    posix_spawn_file_actions_adddup2(&io, out[1], 1);
    std::vector<std::string> args = {self, "--child", std::to_string(monotonicNs()), storePath};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const bool spawned =
        posix_spawn(&pid, "/proc/self/exe", &io, nullptr, argv.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&io);
    close(out[1]);
    FILE* in = fdopen(out[0], "r");
    double ms = 0;
    long rss1 = 0, rss2 = 0;
    const bool read = spawned && std::fscanf(in, "%lf %ld %ld", &ms, &rss1, &rss2) == 3;
    fclose(in);
    int status = 0;
    if (spawned) {
        waitpid(pid, &status, 0);
    }
    if (!read || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return std::nullopt;
    }
    return Measurement{ms, static_cast<double>(rss1) / 1024, static_cast<double>(rss2) / 1024};
}

// Runs alternate between a store with only the sample notices and one with
// `notices` more, so that both see the same machine.
int parent(const char* self, int runs, int notices) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("veche-kiosk-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const Millis now = systemEnvironment().now();
    const int sizes[2] = {0, notices};
    std::string stores[2];
    for (int k = 0; k < 2; ++k) {
        stores[k] = (dir / ("kiosk-" + std::to_string(k) + ".sqlite")).string();
        KioskStore store(stores[k]);
        store.applyChanges(sampleChanges(now, "+79001112233", sizes[k]), now);
    }
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    setenv("QT_QUICK_BACKEND", "software", 0);
    std::vector<double> firstFrame[2], rssFirst[2], rssList[2];
    for (int i = 0; i < runs; ++i) {
        for (int k = 0; k < 2; ++k) {
            const auto m = startOnce(self, stores[k]);
            if (!m) {
                std::cerr << "run " << i + 1 << " failed\n";
                return 1;
            }
            std::printf(
                "run %d, %d extra notices: first frame %.1f ms, RSS %.1f MB, %.1f MB "
                "with the notice list\n",
                i + 1, sizes[k], m->firstFrameMs, m->rssFirstFrameMb, m->rssListMb);
            firstFrame[k].push_back(m->firstFrameMs);
            rssFirst[k].push_back(m->rssFirstFrameMb);
            rssList[k].push_back(m->rssListMb);
        }
    }
    std::filesystem::remove_all(dir);
    for (int k = 0; k < 2; ++k) {
        std::printf(
            "median of %d runs, %d extra notices: first frame %.0f ms, RSS %.1f MB at "
            "first frame, %.1f MB with the notice list\n",
            runs, sizes[k], median(firstFrame[k]), median(rssFirst[k]), median(rssList[k]));
    }
    std::printf(
        "with %d notices vs without: first frame x%.2f, RSS with the list x%.2f "
        "(goals: < 1500 ms, < 150 MB)\n",
        notices, median(firstFrame[1]) / median(firstFrame[0]),
        median(rssList[1]) / median(rssList[0]));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--child") {
        return child(argc, argv, std::stol(argv[2]), argv[3]);
    }
    int runs = 7, notices = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--runs") {
            runs = std::stoi(argv[i + 1]);
        } else if (flag == "--notices") {
            notices = std::stoi(argv[i + 1]);
        } else {
            std::cerr << "usage: kiosk_startup_bench [--runs N] [--notices N]\n";
            return 64;
        }
    }
    return parent(argv[0], runs, notices);
}
