#include "ui_driver.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

namespace veche::kiosk::ui {
namespace {

QQuickItem* findIn(QQuickItem* item, const QString& name) {
    if (item == nullptr || !item->isVisible()) {
        return nullptr;
    }
    if (item->objectName() == name) {
        return item;
    }
    for (QQuickItem* child : item->childItems()) {
        if (QQuickItem* found = findIn(child, name)) {
            return found;
        }
    }
    return nullptr;
}

}  // namespace

QQuickWindow* UiDriver::kioskWindow() {
    for (QWindow* w : QGuiApplication::topLevelWindows()) {
        if (auto* quick = qobject_cast<QQuickWindow*>(w)) {
            return quick;
        }
    }
    return nullptr;
}

QQuickItem* UiDriver::find(const QString& objectName) const {
    return findIn(window_.contentItem(), objectName);
}

bool UiDriver::waitFor(const QString& objectName, Timeout timeout) const {
    return QTest::qWaitFor([&] { return find(objectName) != nullptr; },
                           static_cast<int>(timeout.count()));
}

bool UiDriver::expect(const QString& objectName, Timeout timeout) const {
    if (waitFor(objectName, timeout)) {
        return true;
    }
    qWarning("UiDriver: no visible item \"%s\"", qPrintable(objectName));
    return false;
}

bool UiDriver::tap(const QString& objectName, Timeout timeout) {
    if (!expect(objectName, timeout)) {
        return false;
    }
    QQuickItem* item = find(objectName);
    if (!item->isEnabled() &&
        !QTest::qWaitFor([&] { return find(objectName) && find(objectName)->isEnabled(); },
                         static_cast<int>(timeout.count()))) {
        return false;
    }
    item = find(objectName);
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(&window_, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

bool UiDriver::typeDigits(const QString& digits) {
    for (QChar d : digits) {
        if (d.isDigit() && !tap(QStringLiteral("key") + d)) {
            return false;
        }
    }
    return true;
}

void UiDriver::typeText(const QString& text) {
    // QTest has keyClicks() for widgets only; the window hands these key
    // events to its focused item, as a keyboard would.
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QGuiApplication::sendEvent(&window_, &press);
        QGuiApplication::sendEvent(&window_, &release);
    }
}

void UiDriver::pressEnter() {
    QTest::keyClick(&window_, Qt::Key_Return);
}

bool UiDriver::holdUntil(const QString& objectName, const QString& shown, Timeout timeout) {
    if (!expect(objectName)) {
        return false;
    }
    QQuickItem* item = find(objectName);
    const QPoint centre =
        item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mousePress(&window_, Qt::LeftButton, Qt::NoModifier, centre);
    const bool showed = expect(shown, timeout);
    QTest::mouseRelease(&window_, Qt::LeftButton, Qt::NoModifier, centre);
    return showed;
}

QString UiDriver::text(const QString& objectName) const {
    QQuickItem* item = find(objectName);
    return item == nullptr ? QString() : item->property("text").toString();
}

}  // namespace veche::kiosk::ui
