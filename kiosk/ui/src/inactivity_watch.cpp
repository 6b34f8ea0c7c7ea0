#include "inactivity_watch.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace veche::kiosk::ui {

InactivityWatch::InactivityWatch(QObject* parent) : QObject(parent) {
    idleTimer_.setSingleShot(true);
    warningTimer_.setSingleShot(true);
    countdown_.setInterval(1000);
    connect(&idleTimer_, &QTimer::timeout, this, &InactivityWatch::beginWarning);
    connect(&warningTimer_, &QTimer::timeout, this, [this] {
        stop();
        emit expired();
    });
    connect(&countdown_, &QTimer::timeout, this, &InactivityWatch::tick);
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->installEventFilter(this);
    }
}

InactivityWatch::~InactivityWatch() {
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->removeEventFilter(this);
    }
}

void InactivityWatch::setIdleMs(int ms) {
    ms = std::max(ms, 1);
    if (ms == idleMs_) {
        return;
    }
    idleMs_ = ms;
    emit durationsChanged();
}

void InactivityWatch::setWarningMs(int ms) {
    ms = std::max(ms, 1);
    if (ms == warningMs_) {
        return;
    }
    warningMs_ = ms;
    emit durationsChanged();
}

void InactivityWatch::start() {
    if (!watching_) {
        watching_ = true;
        emit watchingChanged();
    }
    keepAlive();
}

void InactivityWatch::stop() {
    idleTimer_.stop();
    warningTimer_.stop();
    countdown_.stop();
    setWarning(false);
    if (watching_) {
        watching_ = false;
        emit watchingChanged();
    }
}

void InactivityWatch::keepAlive() {
    if (!watching_) {
        return;
    }
    warningTimer_.stop();
    countdown_.stop();
    setWarning(false);
    idleTimer_.start(idleMs_);
}

void InactivityWatch::warnNow() {
    if (watching_) {
        idleTimer_.stop();
        beginWarning();
    }
}

bool InactivityWatch::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::KeyPress:
        case QEvent::Wheel:
            // During the warning only its own overlay ends it (on release), so
            // that the touch does not fall through to the screen underneath.
            if (!warning_) {
                keepAlive();
            }
            emit activity();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

void InactivityWatch::beginWarning() {
    setSecondsLeft((warningMs_ + 999) / 1000);
    setWarning(true);
    warningTimer_.start(warningMs_);
    countdown_.start();
    emit warningStarted();
}

void InactivityWatch::tick() {
    setSecondsLeft(std::max(0, secondsLeft_ - 1));
}

void InactivityWatch::setWarning(bool on) {
    if (on == warning_) {
        return;
    }
    warning_ = on;
    emit warningChanged();
}

void InactivityWatch::setSecondsLeft(int seconds) {
    if (seconds == secondsLeft_) {
        return;
    }
    secondsLeft_ = seconds;
    emit secondsLeftChanged();
}

}  // namespace veche::kiosk::ui
