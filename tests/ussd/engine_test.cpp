// The engine's rules apart from the screens' wording (transcripts_test.cpp):
// timeouts, repeated requests, two hub instances, failures, and every screen
// of random sessions within the handset's budget.
#include "veche/ussd/engine.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>

#include "fake_backend.h"
#include "veche/ussd/pager.h"

namespace veche::ussd {
namespace {

using testing::FakeBackend;
using testing::kKnown;
using testing::kUnknown;
using testing::MemorySessionStore;

class EngineTest : public ::testing::Test {
protected:
    Screen send(const std::string& session, const std::string& text,
                const std::string& msisdn = kKnown) {
        return engine.step({session, "*123#", msisdn, text});
    }

    FakeBackend backend;
    MemorySessionStore store;
    std::int64_t now = 1'800'000'000'000;
    UssdEngine engine{backend, store, [this] { return now; }};
};

TEST_F(EngineTest, InputsComeFromTheCodeAndFromTheText) {
    EXPECT_EQ(inputsOf({"s", "*123*2*1#", kKnown, ""}), (std::vector<std::string>{"2", "1"}));
    EXPECT_EQ(inputsOf({"s", "*123#", kKnown, "2*1*"}), (std::vector<std::string>{"2", "1", ""}));
    EXPECT_TRUE(inputsOf({"s", "*123#", kKnown, ""}).empty());
}

TEST_F(EngineTest, AVoteIsRecordedOnceByItsConfirmationAndARepeatedRequestChangesNothing) {
    send("s1", "");
    send("s1", "2*1*1*2*3");  // the assembly, three answers: the summary
    EXPECT_TRUE(backend.votes.empty());
    const Screen receipt = send("s1", "2*1*1*2*3*1");
    ASSERT_TRUE(receipt.final);
    EXPECT_NE(receipt.text.find("7F3A-01C9"), std::string::npos) << receipt.text;
    ASSERT_EQ(backend.votes.size(), 1u);
    EXPECT_EQ(backend.votes[0].choices,
              (std::vector<Choice>{Choice::For, Choice::Against, Choice::Abstain}));
    EXPECT_NE(backend.votes[0].ballotId.find("|s1|"), std::string::npos);
    EXPECT_NE(backend.votes[0].ballotId.find("|vote-a-1"), std::string::npos);
    // The gateway retries the same request: the same screen, no second vote.
    const Screen again = send("s1", "2*1*1*2*3*1");
    EXPECT_EQ(again.text, receipt.text);
    EXPECT_EQ(backend.votes.size(), 1u);
}

TEST_F(EngineTest, AStepAfterItsTimeoutEndsTheSessionAndRecordsNothing) {
    send("s1", "");
    send("s1", "2*1*1*2*3");
    now += 30'001;
    const Screen late = send("s1", "2*1*1*2*3*1");
    EXPECT_TRUE(late.final);
    EXPECT_NE(late.text.find("Время ожидания истекло"), std::string::npos);
    EXPECT_TRUE(backend.votes.empty());
    EXPECT_TRUE(send("s1", "2*1*1*2*3*1*1").final);  // ended for good
}

TEST_F(EngineTest, ASessionEndsAfterItsTotalTimeEvenWithQuickSteps) {
    std::string text;
    send("s1", text);
    for (int i = 0; i < 9; ++i) {  // 9 × 20 s: every step in time, 180 s in all
        now += 20'000;
        text += text.empty() ? "99" : "*99";
        EXPECT_FALSE(send("s1", text).final) << i;
    }
    now += 20'000;
    EXPECT_TRUE(send("s1", text + "*1").final);
}

TEST_F(EngineTest, TimeoutsAreConfigurable) {
    UssdEngine patient(backend, store, [this] { return now; },
                       {std::chrono::minutes(2), std::chrono::minutes(10), "*123#"});
    patient.step({"s9", "*123#", kKnown, ""});
    now += 90'000;
    EXPECT_FALSE(patient.step({"s9", "*123#", kKnown, "1"}).final);
}

TEST_F(EngineTest, TroubleInTheHubEndsWithAnApologyAndNothingHalfDone) {
    send("s1", "");
    send("s1", "2*1*1*2*3");
    backend.failing = true;
    const Screen sorry = send("s1", "2*1*1*2*3*1");
    EXPECT_TRUE(sorry.final);
    EXPECT_NE(sorry.text.find("Извините"), std::string::npos);
    EXPECT_TRUE(backend.votes.empty());
    EXPECT_EQ(store.sessions.at("s1").inputsSeen, 5);  // the summary, as before
}

TEST_F(EngineTest, ASessionIdReusedAfterItsSessionEndedStartsAnewWithNewActs) {
    send("s1", "");
    send("s1", "2*1*1*2*3*1");
    ASSERT_EQ(backend.votes.size(), 1u);
    now += 86'400'000;  // the gateway's counter started again
    EXPECT_EQ(send("s1", "").text.rfind("Вече\n", 0), 0u);
    EXPECT_TRUE(send("s1", "2*1*1*1*1*1").final);
    ASSERT_EQ(backend.votes.size(), 2u);  // a new act, not the old one repeated
    EXPECT_NE(backend.votes[1].ballotId, backend.votes[0].ballotId);
}

TEST_F(EngineTest, ASessionIdUsedByAnotherNumberIsRefused) {
    send("s1", "");
    EXPECT_TRUE(send("s1", "1", kUnknown).final);
    EXPECT_EQ(store.sessions.at("s1").inputsSeen, 0);
}

// Two hub instances, each with its own cache, over one store: the gateway may
// send each step to either.
TEST_F(EngineTest, TwoInstancesWithCachesTakeTurnsOnOneSession) {
    CachedSessionStore cacheA(store, 100), cacheB(store, 100);
    UssdEngine a(backend, cacheA, [this] { return now; });
    UssdEngine b(backend, cacheB, [this] { return now; });
    const std::vector<std::string> texts = {"", "2", "2*1", "2*1*1", "2*1*1*2", "2*1*1*2*3"};
    for (std::size_t i = 0; i < texts.size(); ++i) {
        UssdEngine& instance = i % 2 == 0 ? a : b;
        EXPECT_FALSE(instance.step({"s1", "*123#", kKnown, texts[i]}).final) << i;
    }
    EXPECT_TRUE(a.step({"s1", "*123#", kKnown, "2*1*1*2*3*1"}).final);
    ASSERT_EQ(backend.votes.size(), 1u);
    EXPECT_EQ(backend.votes[0].choices,
              (std::vector<Choice>{Choice::For, Choice::Against, Choice::Abstain}));
}

TEST(CachedSessionStore, ReadsFromMemoryAfterItsOwnSaveAndDropsAConflict) {
    MemorySessionStore inner;
    CachedSessionStore cache(inner, 2);
    SessionState s;
    s.id = "s1";
    ASSERT_TRUE(cache.save(s, 0));
    inner.sessions.erase("s1");  // the cache answers without the store
    EXPECT_TRUE(cache.load("s1").has_value());
    inner.sessions["s1"] = s;
    inner.sessions["s1"].version = 5;  // another instance moved on
    EXPECT_FALSE(cache.save(s, 1));
    EXPECT_EQ(cache.load("s1")->version, 5);  // read from the store again
}

// Numbers of choices on a screen: "N " at a line's start or after a space,
// navigation (0, 00, 99) aside.
int choicesOn(const std::string& screen) {
    static const std::regex choice(R"((^|\n| )([1-9]\d?) )");
    int n = 0;
    for (auto it = std::sregex_iterator(screen.begin(), screen.end(), choice);
         it != std::sregex_iterator(); ++it) {
        n += (*it)[2] == "99" ? 0 : 1;
    }
    return n;
}

std::string longText(const std::string& word, int words) {
    std::string out;
    for (int i = 0; i < words; ++i) {
        out += (i ? " " : "") + word;
    }
    return out;
}

// Random sessions through every flow, with long titles, texts and lists: no
// screen exceeds the budget or shows more than five choices.
TEST(EveryScreen, FitsTheHandsetWithLongContent) {
    FakeBackend backend;
    backend.noticeList.clear();
    for (int i = 0; i < 12; ++i) {
        backend.noticeList.push_back({longText("Очень-длинный-заголовок", 9),
                                      longText("Текст объявления о работах", 60), i % 4 == 0});
    }
    backend.assemblyList[0].title = longText("Капитальный ремонт", 12);
    backend.assemblyList[0].items[1].wording = longText("Утвердить смету работ", 30);
    backend.assemblyList.push_back(
        {"a-2", longText("Благоустройство", 10), {{"1", longText("Вопрос", 40)}}, false});
    backend.pollList.push_back(
        {"p-3",
         longText("Какой вариант лучше", 15),
         {"Первый", "Второй", "Третий", "Четвёртый", "Пятый", "Шестой", longText("Седьмой", 20)}});
    MemorySessionStore store;
    std::int64_t now = 0;
    UssdEngine engine(backend, store, [&now] { return now += 100; });
    std::mt19937 random(20261126);
    const std::vector<std::string> inputs = {"1", "2", "3",  "4",  "5",  "6",
                                             "7", "0", "00", "99", "99", "слово"};
    int screens = 0;
    for (int session = 0; session < 3000; ++session) {
        const std::string msisdn = session % 5 == 0 ? kUnknown : kKnown;
        std::string text;
        for (int step = 0; step < 14; ++step) {
            const Screen screen =
                engine.step({"p" + std::to_string(session), "*123#", msisdn, text});
            ++screens;
            const ScreenCost cost = screenCost(screen.text);
            ASSERT_TRUE(cost.fits()) << cost.units << "/" << cost.limit << ":\n" << screen.text;
            ASSERT_LE(choicesOn(screen.text), 5) << screen.text;
            if (screen.final) {
                break;
            }
            const std::string& input = inputs[random() % inputs.size()];
            text += (step == 0 ? "" : "*") + input;
        }
    }
    EXPECT_GT(screens, 20'000);
    EXPECT_FALSE(backend.votes.empty());  // the walks reached every corner…
    EXPECT_FALSE(backend.reports.empty());
    EXPECT_FALSE(backend.answers.empty());
}

}  // namespace
}  // namespace veche::ussd
