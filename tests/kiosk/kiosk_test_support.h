#pragma once

#include <atomic>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "veche/kiosk/environment.h"

namespace veche::kiosk::testing {

// A kiosk's clock that moves only when told to, and counting "random" hex.
struct TestEnvironment {
    std::atomic<Millis> clock{1'780'000'000'000};
    std::atomic<unsigned long long> counter{0};

    Environment environment() {
        return {[this] { return clock.load(); },
                [this](std::size_t bytes) {
                    char buffer[40];
                    std::snprintf(buffer, sizeof buffer, "%0*llx", static_cast<int>(bytes * 2),
                                  ++counter);
                    return std::string(buffer).substr(0, bytes * 2);
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
