#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QTimer>

namespace veche::kiosk::ui {

// Ends a visit nobody is attending. While watching, `idleMs` without input
// raises the warning (warningStarted(), `warning` true, a countdown in
// `secondsLeft`); `warningMs` more without input emits expired(). Any touch,
// click or key anywhere in the application (a global event filter) restarts
// the wait; once the warning shows, only keepAlive() (the overlay's
// «Продолжить» or a tap on the overlay) clears it.
class InactivityWatch : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("InactivityWatch is owned by KioskController")

    Q_PROPERTY(int idleMs READ idleMs WRITE setIdleMs NOTIFY durationsChanged)
    Q_PROPERTY(int warningMs READ warningMs WRITE setWarningMs NOTIFY durationsChanged)
    Q_PROPERTY(bool watching READ watching NOTIFY watchingChanged)
    Q_PROPERTY(bool warning READ warning NOTIFY warningChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)

public:
    static constexpr int kDefaultIdleMs = 120'000;
    static constexpr int kDefaultWarningMs = 20'000;

    // Installs the event filter on the running QCoreApplication, if any.
    explicit InactivityWatch(QObject* parent = nullptr);
    ~InactivityWatch() override;

    int idleMs() const { return idleMs_; }
    void setIdleMs(int ms);
    int warningMs() const { return warningMs_; }
    void setWarningMs(int ms);

    bool watching() const { return watching_; }
    bool warning() const { return warning_; }
    int secondsLeft() const { return secondsLeft_; }

    // Starts (or restarts) the idle wait.
    void start();
    // Stops watching: no warning, no expiry.
    void stop();
    // The resident is here: «Продолжить», or any input.
    Q_INVOKABLE void keepAlive();
    // Raises the warning at once, as if `idleMs` had passed (the screenshot
    // tour); watching must be on.
    void warnNow();

signals:
    void durationsChanged();
    void watchingChanged();
    void warningChanged();
    void secondsLeftChanged();
    void warningStarted();
    void expired();
    // Any touch, click or key, watching or not.
    void activity();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void beginWarning();
    void tick();
    void setWarning(bool on);
    void setSecondsLeft(int seconds);

    int idleMs_ = kDefaultIdleMs;
    int warningMs_ = kDefaultWarningMs;
    bool watching_ = false;
    bool warning_ = false;
    int secondsLeft_ = 0;
    QTimer idleTimer_;
    QTimer warningTimer_;
    QTimer countdown_;  // once a second during the warning
};

}  // namespace veche::kiosk::ui
