#pragma once

#include <QStringList>
#include <QTimer>

#include "speech_engine.h"

namespace veche::kiosk::ui::test {

// A SpeechEngine that only records. With autoFinish each utterance ends on
// the next turn of the event loop; without it the test calls finishOne().
class RecordingSpeechEngine : public SpeechEngine {
    Q_OBJECT

public:
    explicit RecordingSpeechEngine(bool autoFinish = true, bool available = true)
        : autoFinish_(autoFinish), available_(available) {}

    bool available() const override { return available_; }
    void say(const QString& text) override {
        said << text;
        speaking_ = true;
        if (autoFinish_) {
            QTimer::singleShot(0, this, &RecordingSpeechEngine::finishOne);
        }
    }
    void stop() override {
        ++stops;
        if (speaking_) {
            finishOne();
        }
    }
    void setVolume(double v) override { volume = v; }

    void finishOne() {
        if (!speaking_) {
            return;
        }
        speaking_ = false;
        emit finished();
    }

    QStringList said;
    int stops = 0;
    double volume = -1;

private:
    bool autoFinish_;
    bool available_;
    bool speaking_ = false;
};

}  // namespace veche::kiosk::ui::test
