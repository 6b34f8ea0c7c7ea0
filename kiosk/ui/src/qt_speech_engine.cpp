#include "qt_speech_engine.h"

#include <QLocale>
#include <QTextToSpeech>
#include <QTimer>

namespace veche::kiosk::ui {

QtSpeechEngine::QtSpeechEngine(const QString& engineName, QObject* parent) : SpeechEngine(parent) {
    if (!engineName.isEmpty() && !QTextToSpeech::availableEngines().contains(engineName)) {
        return;
    }
    tts_ = engineName.isEmpty() ? new QTextToSpeech(this) : new QTextToSpeech(engineName, this);
    if (tts_->state() == QTextToSpeech::Error) {
        delete tts_;
        tts_ = nullptr;
        return;
    }
    const QLocale russian(QLocale::Russian, QLocale::Russia);
    if (tts_->availableLocales().contains(russian)) {
        tts_->setLocale(russian);
    }
    connect(tts_, &QTextToSpeech::stateChanged, this, &QtSpeechEngine::onStateChanged);
}

QtSpeechEngine::~QtSpeechEngine() {
    if (tts_) {
        tts_->disconnect(this);
        tts_->stop();
    }
}

bool QtSpeechEngine::available() const {
    return tts_ != nullptr && tts_->state() != QTextToSpeech::Error;
}

void QtSpeechEngine::say(const QString& text) {
    utterancePending_ = true;
    sawSpeaking_ = false;
    if (!available()) {
        QTimer::singleShot(0, this, &QtSpeechEngine::finishUtterance);
        return;
    }
    tts_->say(text);
}

void QtSpeechEngine::stop() {
    if (tts_) {
        tts_->stop();
    }
    if (utterancePending_) {
        QTimer::singleShot(0, this, &QtSpeechEngine::finishUtterance);
    }
}

void QtSpeechEngine::setVolume(double volume) {
    if (tts_) {
        tts_->setVolume(volume);
    }
}

void QtSpeechEngine::onStateChanged() {
    switch (tts_->state()) {
        case QTextToSpeech::Speaking:
            sawSpeaking_ = true;
            break;
        case QTextToSpeech::Ready:
            if (sawSpeaking_) {
                finishUtterance();
            }
            break;
        case QTextToSpeech::Error:
            finishUtterance();
            break;
        case QTextToSpeech::Paused:
            break;
    }
}

void QtSpeechEngine::finishUtterance() {
    if (!utterancePending_) {
        return;
    }
    utterancePending_ = false;
    sawSpeaking_ = false;
    emit finished();
}

}  // namespace veche::kiosk::ui
