#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "veche/kiosk/environment.h"

namespace veche::kiosk::testing {

// A kiosk's clock that moves only when told to, and seeded "random" hex:
// the same in every run, different from call to call.
struct TestEnvironment {
    std::atomic<Millis> clock{1'780'000'000'000};
    std::mt19937_64 random{20261127};
    std::mutex randomMutex;

    Environment environment() {
        return {[this] { return clock.load(); },
                [this](std::size_t bytes) {
                    std::lock_guard lock(randomMutex);
                    std::string hex;
                    while (hex.size() < bytes * 2) {
                        char buffer[20];
                        std::snprintf(buffer, sizeof buffer, "%016llx",
                                      static_cast<unsigned long long>(random()));
                        hex += buffer;
                    }
                    return hex.substr(0, bytes * 2);
                }};
    }
};

// A hub that answers from a script, and records what it was asked.
class ScriptedHub : public HubLink {
public:
    struct Call {
        std::string method, path, body;
    };
    std::optional<provisioning::HubReply> send(const std::string& method, const std::string& path,
                                               const std::string& body) override {
        calls.push_back({method, path, body});
        if (replies.empty()) {
            return std::nullopt;
        }
        auto reply = replies.front();
        replies.pop_front();
        return reply;
    }
    std::deque<std::optional<provisioning::HubReply>> replies;  // nullopt: unreachable
    std::vector<Call> calls;
};

// A directory removed with everything in it when the test ends.
// Polls `condition` until it holds or `timeout` passes (for state that has
// no notification of its own).
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "veche-kiosk-XXXXXX");
        path_ = mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace veche::kiosk::testing
