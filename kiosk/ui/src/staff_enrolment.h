#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// The staff screen's «Подключить заново»: a one-time code typed on the
// on-screen keyboard, or an enrolment label read by a keyboard-wedge scanner
// (it types the label's text and Enter into the focused field). The hub is
// asked off the GUI thread; enrolledAgain() follows success, and whoever
// runs the kiosk restarts it with its new identity. From then on it stays
// busy: nothing more is taken before the restart.
class StaffEnrolment : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StaffEnrolment is owned by KioskController")

    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    StaffEnrolment(QThreadPool& pool, QObject* parent = nullptr);

    // What enrols; none (the default): the screen offers no re-enrolment.
    // It must outlive the controller.
    void setReenrolment(KioskReenrolment* reenrolment);
    bool available() const { return reenrolment_ != nullptr; }
    QString text() const { return text_; }
    void setText(const QString& text);
    bool busy() const { return busy_; }
    QString message() const { return message_; }

    // Enrols with the code or label text typed; `message` says how it went.
    Q_INVOKABLE void submit();
    // Forgets the text and the message (not while the hub is being asked).
    void reset();

signals:
    void availableChanged();
    void textChanged();
    void busyChanged();
    void messageChanged();
    void enrolledAgain(const QString& kioskId);

private:
    void setMessage(const QString& message);

    QThreadPool& pool_;
    KioskReenrolment* reenrolment_ = nullptr;
    QString text_;
    bool busy_ = false;
    QString message_;
};

}  // namespace veche::kiosk::ui
