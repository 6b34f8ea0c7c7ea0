#include <gtest/gtest.h>

#include "recording_speech_engine.h"
#include "speech.h"

namespace veche::kiosk::ui {
namespace {

using test::RecordingSpeechEngine;

struct SpeechFixture : ::testing::Test {
    SpeechFixture() {
        auto owned = std::make_unique<RecordingSpeechEngine>(/*autoFinish=*/false);
        engine = owned.get();
        speech = std::make_unique<Speech>(std::move(owned));
    }
    RecordingSpeechEngine* engine = nullptr;
    std::unique_ptr<Speech> speech;
};

TEST_F(SpeechFixture, SaysOneLineAtATimeInOrder) {
    speech->say(QStringLiteral("Объявления\nВыберите раздел.\n\nЭкстренное"));
    EXPECT_EQ(engine->said, QStringList{QStringLiteral("Объявления")});
    EXPECT_TRUE(speech->speaking());
    EXPECT_EQ(speech->queued(), 2);
    engine->finishOne();
    EXPECT_EQ(engine->said.last(), QStringLiteral("Выберите раздел."));
    engine->finishOne();
    EXPECT_EQ(engine->said.last(), QStringLiteral("Экстренное"));
    engine->finishOne();
    EXPECT_FALSE(speech->speaking());
    EXPECT_EQ(engine->said.size(), 3);
}

TEST_F(SpeechFixture, EnqueueWaitsForTheCurrentUtterance) {
    speech->say(QStringLiteral("Первое"));
    speech->enqueue(QStringLiteral("Второе"));
    EXPECT_EQ(engine->said.size(), 1);
    engine->finishOne();
    EXPECT_EQ(engine->said, (QStringList{QStringLiteral("Первое"), QStringLiteral("Второе")}));
}

TEST_F(SpeechFixture, SayReplacesWhatWasQueued) {
    speech->say(QStringLiteral("Старый экран\nещё строка\nи ещё"));
    speech->say(QStringLiteral("Новый экран"));
    EXPECT_GE(engine->stops, 1);
    EXPECT_EQ(engine->said.last(), QStringLiteral("Новый экран"));
    engine->finishOne();
    EXPECT_FALSE(speech->speaking());
    EXPECT_FALSE(engine->said.contains(QStringLiteral("ещё строка")));
}

TEST_F(SpeechFixture, VolumeIsClampedAndResetAtTheEndOfAVisit) {
    EXPECT_DOUBLE_EQ(engine->volume, Speech::kDefaultVolume);
    for (int i = 0; i < 10; ++i) {
        speech->louder();
    }
    EXPECT_DOUBLE_EQ(speech->volume(), 1.0);
    EXPECT_EQ(speech->volumeLevel(), 10);
    for (int i = 0; i < 20; ++i) {
        speech->quieter();
    }
    EXPECT_DOUBLE_EQ(speech->volume(), Speech::kMinimumVolume);
    speech->say(QStringLiteral("Текст"));
    speech->reset();
    EXPECT_DOUBLE_EQ(speech->volume(), Speech::kDefaultVolume);
    EXPECT_DOUBLE_EQ(engine->volume, Speech::kDefaultVolume);
    EXPECT_FALSE(speech->speaking());
}

TEST(SpeechWithoutEngine, EverythingIsAHarmlessNoOp) {
    Speech none(nullptr);
    EXPECT_FALSE(none.available());
    none.say(QStringLiteral("Текст"));
    none.stop();
    none.louder();
    EXPECT_FALSE(none.speaking());

    auto owned = std::make_unique<RecordingSpeechEngine>(true, /*available=*/false);
    RecordingSpeechEngine* engine = owned.get();
    Speech unavailable(std::move(owned));
    unavailable.say(QStringLiteral("Текст"));
    EXPECT_TRUE(engine->said.isEmpty());
}

}  // namespace
}  // namespace veche::kiosk::ui
