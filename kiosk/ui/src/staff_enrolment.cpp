#include "staff_enrolment.h"

#include "background.h"
#include "russian_text.h"

namespace veche::kiosk::ui {

StaffEnrolment::StaffEnrolment(QThreadPool& pool, QObject* parent) : QObject(parent), pool_(pool) {}

void StaffEnrolment::setReenrolment(KioskReenrolment* reenrolment) {
    reenrolment_ = reenrolment;
    emit availableChanged();
}

void StaffEnrolment::setText(const QString& text) {
    if (!busy_ && text != text_) {
        text_ = text;
        emit textChanged();
    }
}

void StaffEnrolment::submit() {
    if (busy_ || reenrolment_ == nullptr) {
        return;
    }
    busy_ = true;
    emit busyChanged();
    setMessage(QStringLiteral("Подключаем терминал…"));
    KioskReenrolment* reenrolment = reenrolment_;
    const std::string typed = text_.toStdString();
    runInBackground<KioskReenrolment::Outcome>(
        pool_, this, [reenrolment, typed] { return reenrolment->enrolAgain(typed); },
        [this](KioskReenrolment::Outcome outcome) {
            busy_ = outcome.enrolled;  // enrolled: nothing more until the restart
            emit busyChanged();
            setMessage(toQString(outcome.message));
            if (outcome.enrolled) {
                text_.clear();  // the code is used up
                emit textChanged();
                emit enrolledAgain(toQString(outcome.kioskId));
            }
        });
}

void StaffEnrolment::reset() {
    if (busy_) {
        return;
    }
    text_.clear();
    emit textChanged();
    setMessage({});
}

void StaffEnrolment::setMessage(const QString& message) {
    if (message != message_) {
        message_ = message;
        emit messageChanged();
    }
}

}  // namespace veche::kiosk::ui
