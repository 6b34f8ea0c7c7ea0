#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// The staff screen's test SMS: a mobile number typed on the keypad, then
// «Отправить». What became of the SMS (queued, sent, delivered or why it
// failed) is re-read every `pollIntervalMs` until it is delivered or failed.
class StaffSmsTest : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StaffSmsTest is owned by KioskController")

    Q_PROPERTY(QString phoneText READ phoneText NOTIFY phoneChanged)
    Q_PROPERTY(bool phoneComplete READ phoneComplete NOTIFY phoneChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit StaffSmsTest(KioskServices& services, QObject* parent = nullptr);

    QString phoneText() const;
    bool phoneComplete() const { return digits_.size() == 10; }
    QString message() const { return message_; }
    void setPollIntervalMs(int ms) { poll_.setInterval(ms); }

    Q_INVOKABLE void typeDigit(int digit);
    Q_INVOKABLE void eraseDigit();
    // Queues the test SMS (sendTestSms() does not block) and follows it.
    Q_INVOKABLE void send();
    // Forgets the number and stops following the SMS.
    void reset();

signals:
    void phoneChanged();
    void messageChanged();

private:
    void follow();
    void setMessage(const QString& message);

    KioskServices& services_;
    QString digits_;
    QString message_;
    std::int64_t smsId_ = 0;
    QTimer poll_;
};

}  // namespace veche::kiosk::ui
