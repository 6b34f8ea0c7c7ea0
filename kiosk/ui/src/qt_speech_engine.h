#pragma once

#include <QString>

#include "speech_engine.h"

class QTextToSpeech;

namespace veche::kiosk::ui {

// SpeechEngine over Qt 6.4's QTextToSpeech with a Russian voice. When the
// engine plugin, the speech service or a voice is missing (a headless CI
// box), available() is false and nothing is ever said.
class QtSpeechEngine : public SpeechEngine {
    Q_OBJECT

public:
    // `engineName`: "speechd" on the kiosk; empty for Qt's default engine.
    explicit QtSpeechEngine(const QString& engineName, QObject* parent = nullptr);
    ~QtSpeechEngine() override;

    bool available() const override;
    void say(const QString& text) override;
    void stop() override;
    void setVolume(double volume) override;

private:
    void onStateChanged();
    void finishUtterance();

    QTextToSpeech* tts_ = nullptr;   // null when no engine could be created
    bool utterancePending_ = false;  // say() was called, finished() not yet emitted
    bool sawSpeaking_ = false;       // the engine reported Speaking since say()
};

}  // namespace veche::kiosk::ui
