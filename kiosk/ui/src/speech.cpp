#include "speech.h"

#include <algorithm>
#include <cmath>

namespace veche::kiosk::ui {

Speech::Speech(std::unique_ptr<SpeechEngine> engine, QObject* parent)
    : QObject(parent), engine_(std::move(engine)) {
    if (engine_) {
        engine_->setVolume(volume_);
        connect(engine_.get(), &SpeechEngine::finished, this, [this] {
            setSpeaking(false);
            sayNext();
        });
    }
}

Speech::~Speech() {
    if (engine_) {
        engine_->disconnect(this);
    }
}

bool Speech::available() const {
    return engine_ && engine_->available();
}

void Speech::say(const QString& text) {
    stop();
    enqueue(text);
}

void Speech::enqueue(const QString& text) {
    if (!available()) {
        return;
    }
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) {
            queue_.enqueue(trimmed);
        }
    }
    if (!speaking_) {
        sayNext();
    }
}

void Speech::stop() {
    queue_.clear();
    if (speaking_ && engine_) {
        // The engine's finished() then finds the queue empty.
        engine_->stop();
    }
}

void Speech::setVolume(double volume) {
    volume = std::clamp(volume, kMinimumVolume, 1.0);
    if (std::abs(volume - volume_) < 1e-6) {
        return;
    }
    volume_ = volume;
    if (engine_) {
        engine_->setVolume(volume_);
    }
    emit volumeChanged();
}

int Speech::volumeLevel() const {
    return static_cast<int>(std::lround(volume_ * 10));
}

void Speech::reset() {
    stop();
    setVolume(kDefaultVolume);
}

void Speech::sayNext() {
    if (queue_.isEmpty() || !available()) {
        return;
    }
    setSpeaking(true);
    engine_->say(queue_.dequeue());
}

void Speech::setSpeaking(bool speaking) {
    if (speaking == speaking_) {
        return;
    }
    speaking_ = speaking;
    emit speakingChanged();
}

}  // namespace veche::kiosk::ui
