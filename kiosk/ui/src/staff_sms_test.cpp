#include "staff_sms_test.h"

#include "russian_text.h"

namespace veche::kiosk::ui {

StaffSmsTest::StaffSmsTest(KioskServices& services, QObject* parent)
    : QObject(parent), services_(services) {
    poll_.setInterval(1000);
    connect(&poll_, &QTimer::timeout, this, &StaffSmsTest::follow);
}

QString StaffSmsTest::phoneText() const {
    return typedPhoneText(digits_);
}

void StaffSmsTest::typeDigit(int digit) {
    if (digit < 0 || digit > 9 || phoneComplete()) {
        return;
    }
    digits_.append(QChar(u'0' + digit));
    emit phoneChanged();
}

void StaffSmsTest::eraseDigit() {
    if (!digits_.isEmpty()) {
        digits_.chop(1);
        emit phoneChanged();
    }
}

void StaffSmsTest::send() {
    if (!phoneComplete()) {
        return;
    }
    const TestSms sms = services_.sendTestSms(phoneForBackend(digits_));
    if (sms.outcome != TestSms::Outcome::Queued) {
        setMessage(toQString(sms.message));
        return;
    }
    smsId_ = sms.id;
    follow();
    poll_.start();
}

void StaffSmsTest::follow() {
    const TestSmsState state = services_.testSmsState(smsId_);
    setMessage(toQString(state.text));
    if (state.final) {
        poll_.stop();
    }
}

void StaffSmsTest::reset() {
    poll_.stop();
    smsId_ = 0;
    digits_.clear();
    emit phoneChanged();
    setMessage({});
}

void StaffSmsTest::setMessage(const QString& message) {
    if (message != message_) {
        message_ = message;
        emit messageChanged();
    }
}

}  // namespace veche::kiosk::ui
