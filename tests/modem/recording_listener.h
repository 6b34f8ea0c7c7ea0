#pragma once
// What the modem tests share: a listener that records what modems report,
// and a fresh directory per test for the simulators' links.

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "veche/modem/modem.h"

namespace veche::modem::testing {

// Records what modems report, and lets a test wait for it.
class RecordingListener : public ModemListener {
public:
    void onReceived(const std::string&, const IncomingSms& sms) override {
        std::lock_guard lock(mutex_);
        if (refuse_ > 0) {
            --refuse_;
            ++refused_;
            changed_.notify_all();
            throw std::runtime_error("the store is down");
        }
        received_.push_back(sms);
        changed_.notify_all();
    }
    void onDeliveryReport(const std::string&, const DeliveryReport& report) override {
        std::lock_guard lock(mutex_);
        reports_.push_back(report);
        changed_.notify_all();
    }
    void onConnectionChanged(const std::string& id, bool connected) override {
        std::lock_guard lock(mutex_);
        connected_[id] = connected;
        changed_.notify_all();
    }
    bool waitConnected(const std::string& id, bool connected, std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] {
            const auto found = connected_.find(id);
            return found != connected_.end() && found->second == connected;
        });
    }
    std::vector<IncomingSms> waitReceived(std::size_t n, std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return received_.size() >= n; });
        return received_;
    }
    std::vector<DeliveryReport> waitReports(std::size_t n, std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return reports_.size() >= n; });
        return reports_;
    }

    // The next `n` messages are refused, as by a store that is down.
    void refuseNext(int n) {
        std::lock_guard lock(mutex_);
        refuse_ = n;
    }
    bool waitRefused(int n, std::chrono::seconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return refused_ >= n; });
    }

private:
    int refuse_ = 0;
    int refused_ = 0;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<IncomingSms> received_;
    std::vector<DeliveryReport> reports_;
    std::map<std::string, bool> connected_;
};

inline std::filesystem::path freshDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto dir =
        std::filesystem::temp_directory_path() / ("veche-modem-" + std::string(info->name()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace veche::modem::testing
