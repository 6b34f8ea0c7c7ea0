// The kiosk's own store: what the hub sent, and what waits for the hub.
#include <gtest/gtest.h>

#include "kiosk_test_support.h"
#include "veche/kiosk/store.h"

namespace veche::kiosk {
namespace {

constexpr Millis kT = 1'780'000'000'000;

Notice notice(const std::string& id, const std::string& category, Millis from, Millis until) {
    return {id,
            category,
            category == "emergency" ? "Экстренное" : "Доска объявлений",
            "Заголовок " + id,
            "Текст",
            "ТОС",
            from,
            until};
}

TEST(KioskStore, KeepsEventsInOrderUntilTheHubStoresOrRefusesThem) {
    testing::TempDir dir;
    KioskStore store(dir.file("kiosk.sqlite"));
    store.appendEvent({"k-1", "ballot", kT, R"({"a":1})", ""}, {{"voted", "as-1/v-1"}});
    store.appendEvent({"k-2", "consent", kT + 1, "{}", ""});
    store.appendEvent({"k-3", "poll_answer", kT + 2, "{}", ""});
    ASSERT_EQ(store.pendingEvents(10).size(), 3u);
    EXPECT_EQ(store.pendingEvents(2).back().id, "k-2");
    EXPECT_TRUE(store.hasMark("voted", "as-1/v-1"));
    EXPECT_FALSE(store.hasMark("voted", "as-1/v-2"));

    store.settle({"k-1"}, {{"k-2", "phone is not verified"}});
    const auto pending = store.pendingEvents(10);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].id, "k-3");
    ASSERT_EQ(store.rejectedEvents(10).size(), 1u);
    EXPECT_EQ(store.rejectedEvents(10)[0].error, "phone is not verified");
    EXPECT_EQ(store.pendingCount(), 1);
    EXPECT_EQ(store.rejectedCount(), 1);
}

TEST(KioskStore, AlarmsLeaveAheadOfEverythingElse) {
    testing::TempDir dir;
    KioskStore store(dir.file("kiosk.sqlite"));
    store.appendEvent({"k-1", "ballot", kT, "{}", ""});
    store.appendEvent({"k-2", "telemetry", kT + 1, "{}", ""});
    store.appendEvent({"k-3", "alarm", kT + 2, "{}", ""});
    store.appendEvent({"k-4", "alarm", kT + 3, "{}", ""});
    std::vector<std::string> order;
    for (const auto& e : store.pendingEvents(10)) {
        order.push_back(e.id);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"k-3", "k-4", "k-1", "k-2"}));
    EXPECT_EQ(store.pendingEvents(1).at(0).id, "k-3");
}

TEST(KioskStore, TrimsOnlyTheOldestPendingEventsOfOneType) {
    testing::TempDir dir;
    KioskStore store(dir.file("kiosk.sqlite"));
    for (int i = 0; i < 5; ++i) {
        store.appendEvent({"t-" + std::to_string(i), "telemetry", kT + i, "{}", ""});
        store.appendEvent({"b-" + std::to_string(i), "ballot", kT + i, "{}", ""});
    }
    store.trimPending("telemetry", 2);
    std::vector<std::string> left;
    for (const auto& e : store.pendingEvents(20)) {
        left.push_back(e.id);
    }
    EXPECT_EQ(left, (std::vector<std::string>{"b-0", "b-1", "b-2", "t-3", "b-3", "t-4", "b-4"}));
}

TEST(KioskStore, AnEventIdIsNeverStoredTwiceAndAFailedAppendLeavesNoMark) {
    testing::TempDir dir;
    KioskStore store(dir.file("kiosk.sqlite"));
    store.appendEvent({"k-1", "ballot", kT, "{}", ""});
    EXPECT_ANY_THROW(store.appendEvent({"k-1", "ballot", kT, "{}", ""}, {{"voted", "x"}}));
    EXPECT_FALSE(store.hasMark("voted", "x"));
    EXPECT_EQ(store.pendingCount(), 1);
}

TEST(KioskStore, SurvivesReopeningWithEverythingInIt) {
    testing::TempDir dir;
    {
        KioskStore store(dir.file("kiosk.sqlite"));
        store.appendEvent({"k-1", "ballot", kT, "{}", ""});
        store.setMeta("cursor", "42");
    }
    KioskStore again(dir.file("kiosk.sqlite"));
    EXPECT_EQ(again.pendingCount(), 1);
    EXPECT_EQ(again.meta("cursor"), "42");
}

TEST(KioskStore, ShowsCurrentNoticesEmergencyFirstAndDropsExpiredOnes) {
    testing::TempDir dir;
    KioskStore store(dir.file("kiosk.sqlite"));
    Changes c;
    c.cursor = "1";
    c.notices = {
        notice("old", "board", kT - 100, kT + 10), notice("new", "board", kT - 10, kT + 100),
        notice("fire", "emergency", kT - 200, kT + 100),
        notice("later", "board", kT + 50, kT + 100), notice("gone", "board", kT - 100, kT - 1)};
    c.assembliesJson = "[]";
    c.pollsJson = "[]";
    store.applyChanges(c, kT);
    std::vector<std::string> ids;
    for (const Notice& n : store.notices(kT)) {
        ids.push_back(n.id);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"fire", "new", "old"}));
    EXPECT_EQ(store.notices(kT + 20).size(), 2u);      // "old" ran out; "later" began
    EXPECT_EQ(store.notices(kT + 60)[1].id, "later");  // the newest after the emergency
}

TEST(KioskStore, ReplacesTheVoterListWithEachPull) {
    testing::TempDir dir;
    KioskStore store(dir.file("kiosk.sqlite"));
    Changes c;
    c.assembliesJson = c.pollsJson = "[]";
    c.voters = {{"h1", "owner-1"}, {"h2", "owner-2"}};
    store.applyChanges(c, kT);
    EXPECT_EQ(store.voterOf("h2"), "owner-2");
    c.voters = {{"h1", "owner-1"}};
    store.applyChanges(c, kT);
    EXPECT_EQ(store.voterOf("h2"), std::nullopt);
    EXPECT_EQ(store.voterOf("h1"), "owner-1");
}

}  // namespace
}  // namespace veche::kiosk
