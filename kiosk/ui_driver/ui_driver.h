#pragma once

#include <QString>

#include <chrono>

class QQuickItem;
class QQuickWindow;

namespace veche::kiosk::ui {

// Drives the kiosk's screens as a finger would, by the objectNames the QML
// gives its items: for end-to-end tests and benchmarks, never the kiosk
// itself. Waits process Qt events, so the screens keep running meanwhile.
class UiDriver {
public:
    using Timeout = std::chrono::milliseconds;

    // The application's one QQuickWindow; nullptr before the screens show.
    static QQuickWindow* kioskWindow();

    explicit UiDriver(QQuickWindow& window) : window_(window) {}

    // A visible item named `objectName`, or nullptr.
    QQuickItem* find(const QString& objectName) const;
    // Waits until such an item is visible; false after `timeout`.
    bool waitFor(const QString& objectName, Timeout timeout = Timeout(10'000)) const;
    // waitFor(), and a warning naming the item when it never showed.
    bool expect(const QString& objectName, Timeout timeout = Timeout(10'000)) const;
    // Waits for the item (and for it to be enabled), then taps its centre;
    // false if it never showed.
    bool tap(const QString& objectName, Timeout timeout = Timeout(10'000));
    // Taps key0…key9 on the on-screen keypad, one per digit of `digits`.
    bool typeDigits(const QString& digits);
    // Types `text` into whatever has the keyboard focus.
    void typeText(const QString& text);
    // Enter, as a keyboard-wedge scanner ends what it types.
    void pressEnter();
    // A long press: presses the item's centre until `shown` is visible, then
    // lets go; false if either never showed.
    bool holdUntil(const QString& objectName, const QString& shown,
                   Timeout timeout = Timeout(10'000));
    // The item's "text" property; empty when there is no such item.
    QString text(const QString& objectName) const;

private:
    QQuickWindow& window_;
};

}  // namespace veche::kiosk::ui
