// The sync client's handling of what the hub answers, with a scripted hub:
// acks matched by id, refusals, a bad event in a batch, a revoked kiosk, a
// malformed pull, and its thread.
#include <gtest/gtest.h>

#include <condition_variable>

#include "kiosk_test_support.h"
#include "veche/kiosk/sync.h"

namespace veche::kiosk {
namespace {

using provisioning::HubReply;

std::string acks(const std::vector<std::pair<std::string, std::string>>& idStatus) {
    std::string out = R"({"acks":[)";
    for (const auto& [id, status] : idStatus) {
        out += std::string(out.back() == '[' ? "" : ",") + R"({"id":")" + id + R"(","status":")" +
               status + R"(","error":"why"})";
    }
    return out + "]}";
}

constexpr const char* kEmptyPull =
    R"({"cursor":5,"config":{},"notices":[],"assemblies":[],"polls":[],)"
    R"("eligibility":{"salt":"s","iterations":1,"voters":[]}})";

class SyncUnitTest : public ::testing::Test {
protected:
    void append(const std::string& id) { store.appendEvent({id, "problem_report", 1, "{}", ""}); }

    testing::TempDir dir;
    testing::TestEnvironment env;
    KioskStore store{dir.file("kiosk.sqlite")};
    testing::ScriptedHub hub;
    SyncClient sync{store, hub, env.environment(), SyncOptions{.batch = 4}};
};

TEST_F(SyncUnitTest, SettlesEventsByTheIdsTheHubAcknowledged) {
    append("k-1");
    append("k-2");
    append("k-3");
    // Acks out of order, one for an id never sent, one missing, one unknown status.
    hub.replies.push_back(
        HubReply{200, acks({{"k-3", "stored"}, {"x-9", "stored"}, {"k-1", "rejected"}})});
    EXPECT_FALSE(sync.syncOnce());
    EXPECT_NE(sync.progress().lastError.find("did not acknowledge 1 of 3"), std::string::npos)
        << sync.progress().lastError;
    ASSERT_EQ(store.pendingEvents(10).size(), 1u);
    EXPECT_EQ(store.pendingEvents(10)[0].id, "k-2");
    ASSERT_EQ(store.rejectedEvents(10).size(), 1u);
    EXPECT_EQ(store.rejectedEvents(10)[0].id, "k-1");

    hub.replies.push_back(HubReply{200, acks({{"k-2", "try_later"}})});
    EXPECT_FALSE(sync.syncOnce());
    EXPECT_EQ(store.pendingCount(), 1);  // an unknown status is not a refusal
}

TEST_F(SyncUnitTest, ABadEventIsFoundAndSetAsideSoTheRestGoOn) {
    for (int i = 1; i <= 4; ++i) {
        append("k-" + std::to_string(i));
    }
    // The hub refuses any request that carries k-3: 4 events → 400; halved
    // to 2: k-1, k-2 stored; k-3, k-4 → 400; halved to 1: k-3 → 400 and set
    // aside; k-4 stored; then the pull.
    hub.replies = {HubReply{400, "{}"},
                   HubReply{200, acks({{"k-1", "stored"}, {"k-2", "stored"}})},
                   HubReply{400, "{}"},
                   HubReply{400, "{}"},
                   HubReply{200, acks({{"k-4", "stored"}})},
                   HubReply{200, kEmptyPull}};
    EXPECT_TRUE(sync.syncOnce()) << sync.progress().lastError;
    EXPECT_EQ(store.pendingCount(), 0);
    ASSERT_EQ(store.rejectedEvents(10).size(), 1u);
    EXPECT_EQ(store.rejectedEvents(10)[0].id, "k-3");
}

TEST_F(SyncUnitTest, ARevokedKioskIsMarkedSo) {
    append("k-1");
    hub.replies.push_back(HubReply{401, R"({"error":{"code":"unknown_kiosk"}})"});
    EXPECT_FALSE(sync.syncOnce());
    EXPECT_EQ(store.meta("revoked"), "1");
    EXPECT_EQ(store.pendingCount(), 1);
}

TEST_F(SyncUnitTest, APullWithAMalformedPollIsRefusedAndTheOldContentStays) {
    hub.replies.push_back(HubReply{200, kEmptyPull});
    ASSERT_TRUE(sync.syncOnce());
    hub.replies.push_back(
        HubReply{200, R"({"cursor":9,"notices":[],"assemblies":[],)"
                      R"("polls":[{"id":"p","question":"?","options":["a","b"],"opens_at":1}]})"});
    EXPECT_FALSE(sync.syncOnce());
    EXPECT_EQ(store.meta("cursor"), "5");
    EXPECT_EQ(store.pollsJson(), "[]");
}

TEST_F(SyncUnitTest, ItsThreadSyncsWhenPokedAndStops) {
    // A hub that counts calls and lets the test wait for them.
    struct CountingHub : HubLink {
        std::optional<HubReply> send(const std::string&, const std::string& path,
                                     const std::string&) override {
            std::lock_guard lock(mutex);
            ++pulls;
            changed.notify_all();
            if (path.rfind("/api/v1/kiosk/changes", 0) == 0) {
                return HubReply{200, kEmptyPull};
            }
            return std::nullopt;
        }
        std::mutex mutex;
        std::condition_variable changed;
        int pulls = 0;
    } counting;
    SyncClient threaded(store, counting, env.environment(), SyncOptions{.interval = 3'600'000});
    auto waitFor = [&](int n) {
        std::unique_lock lock(counting.mutex);
        return counting.changed.wait_for(lock, std::chrono::seconds(30),
                                         [&] { return counting.pulls >= n; });
    };
    threaded.start();
    ASSERT_TRUE(waitFor(1));  // the first round runs at once
    threaded.poke();
    ASSERT_TRUE(waitFor(2));  // a poke cuts the hour-long wait short
    threaded.stop();
    EXPECT_TRUE(threaded.progress().lastError.empty());
}

}  // namespace
}  // namespace veche::kiosk
