#include "registration_flow.h"

#include <stdexcept>

#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

const QString kStorageFailure =
    QStringLiteral("Не удалось сохранить. Попробуйте ещё раз или обратитесь в совет дома.");

}  // namespace

RegistrationFlow::RegistrationFlow(KioskServices& services, QObject* parent)
    : QObject(parent), services_(services) {}

bool RegistrationFlow::begin(const QString& phone) {
    reset();
    phone_ = phone.toStdString();
    try {
        services_.recordRegistration(phone_);
        consentText_ = toQString(services_.smsConsentText());
    } catch (const std::exception&) {
        setMessage(kStorageFailure);
        return false;
    }
    emit consentTextChanged();
    return true;
}

void RegistrationFlow::answerConsent(bool given) {
    try {
        services_.recordSmsConsent(phone_, given);
    } catch (const std::exception&) {
        setMessage(kStorageFailure);
        return;
    }
    consentGiven_ = given;
    setMessage({});
    emit finishedChanged();
    emit consentAnswered();
}

void RegistrationFlow::typeApartmentChar(const QString& character) {
    static const QString kAllowed = QStringLiteral("0123456789абвг");
    if (character.size() != 1 || !kAllowed.contains(character) ||
        apartment_.size() >= kMaxApartmentChars) {
        return;
    }
    apartment_.append(character);
    setMessage({});
    emit apartmentChanged();
}

void RegistrationFlow::eraseApartmentChar() {
    if (apartment_.isEmpty()) {
        return;
    }
    apartment_.chop(1);
    emit apartmentChanged();
}

void RegistrationFlow::submitApartment() {
    try {
        services_.requestLink(phone_, apartment_.toStdString());
    } catch (const std::invalid_argument& refused) {
        setMessage(QString::fromStdString(refused.what()));
        return;
    } catch (const std::exception&) {
        setMessage(kStorageFailure);
        return;
    }
    linkRequested_ = true;
    emit finishedChanged();
    emit finished();
}

void RegistrationFlow::skipApartment() {
    emit finished();
}

void RegistrationFlow::reset() {
    phone_.clear();
    consentText_.clear();
    apartment_.clear();
    consentGiven_ = false;
    linkRequested_ = false;
    setMessage({});
    emit consentTextChanged();
    emit apartmentChanged();
    emit finishedChanged();
}

void RegistrationFlow::showConsentForPreview() {
    consentText_ = toQString(services_.smsConsentText());
    emit consentTextChanged();
}

void RegistrationFlow::setMessage(const QString& message) {
    if (message == message_) {
        return;
    }
    message_ = message;
    emit messageChanged();
}

}  // namespace veche::kiosk::ui
