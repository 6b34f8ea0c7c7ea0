#pragma once

#include <QObject>
#include <QString>

namespace veche::kiosk::ui {

// What Speech needs from a text-to-speech engine: one utterance at a time.
// The kiosk uses QtSpeechEngine; tests inject a recording fake.
class SpeechEngine : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~SpeechEngine() override = default;

    // False when no engine or no voice could be opened: say() is then never
    // called.
    virtual bool available() const = 0;
    // Starts speaking `text`. The engine emits finished() exactly once when
    // the utterance ends, fails or is stopped.
    virtual void say(const QString& text) = 0;
    // Stops the current utterance, if any.
    virtual void stop() = 0;
    // 0.0 … 1.0.
    virtual void setVolume(double volume) = 0;

signals:
    void finished();
};

}  // namespace veche::kiosk::ui
