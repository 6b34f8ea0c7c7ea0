#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QQueue>
#include <QString>

#include <memory>

#include "speech_engine.h"

namespace veche::kiosk::ui {

// Reads screens aloud in Russian, one utterance after another (Qt 6.4's
// QTextToSpeech has no queue of its own). Without an available engine every
// call is a harmless no-op.
class Speech : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Speech is owned by KioskController")

    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool speaking READ speaking NOTIFY speakingChanged)
    Q_PROPERTY(double volume READ volume WRITE setVolume NOTIFY volumeChanged)
    // 1 … 10, for the «Громкость: 7 из 10» label.
    Q_PROPERTY(int volumeLevel READ volumeLevel NOTIFY volumeChanged)

public:
    static constexpr double kDefaultVolume = 0.7;
    static constexpr double kVolumeStep = 0.1;
    static constexpr double kMinimumVolume = 0.1;

    explicit Speech(std::unique_ptr<SpeechEngine> engine, QObject* parent = nullptr);
    ~Speech() override;

    bool available() const;
    bool speaking() const { return speaking_; }

    // Stops whatever is being said, forgets the queue and says `text`, one
    // paragraph (line) after another.
    Q_INVOKABLE void say(const QString& text);
    // Adds `text` after what is already queued.
    Q_INVOKABLE void enqueue(const QString& text);
    // Stops speaking and empties the queue.
    Q_INVOKABLE void stop();

    double volume() const { return volume_; }
    // Clamped to kMinimumVolume … 1.0.
    void setVolume(double volume);
    int volumeLevel() const;
    Q_INVOKABLE void louder() { setVolume(volume_ + kVolumeStep); }
    Q_INVOKABLE void quieter() { setVolume(volume_ - kVolumeStep); }

    // Stops speaking and restores the default volume: the end of a visit.
    void reset();

    // Utterances waiting after the current one.
    qsizetype queued() const { return queue_.size(); }

signals:
    void speakingChanged();
    void volumeChanged();

private:
    void sayNext();
    void setSpeaking(bool speaking);

    std::unique_ptr<SpeechEngine> engine_;
    QQueue<QString> queue_;
    bool speaking_ = false;
    double volume_ = kDefaultVolume;
};

}  // namespace veche::kiosk::ui
