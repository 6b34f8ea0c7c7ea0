#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// «Мой телефон» after the phone is verified: the registration is recorded,
// the SMS consent is asked on its own screen and recorded as its own act,
// then the resident may give a flat number to link the phone to an owner.
class RegistrationFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RegistrationFlow is owned by KioskController")

    Q_PROPERTY(QString consentText READ consentText NOTIFY consentTextChanged)
    Q_PROPERTY(QString apartment READ apartment NOTIFY apartmentChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool consentGiven READ consentGiven NOTIFY finishedChanged)
    Q_PROPERTY(bool linkRequested READ linkRequested NOTIFY finishedChanged)

public:
    static constexpr int kMaxApartmentChars = 6;

    explicit RegistrationFlow(KioskServices& services, QObject* parent = nullptr);

    QString consentText() const { return consentText_; }
    QString apartment() const { return apartment_; }
    QString message() const { return message_; }
    bool consentGiven() const { return consentGiven_; }
    bool linkRequested() const { return linkRequested_; }

    // Records the registration of the verified `phone` and loads the consent
    // text. Returns false (with `message` set) when it could not be recorded.
    bool begin(const QString& phone);
    // Records «Согласен» (true) or «Не согласен» (false); emits consentAnswered().
    Q_INVOKABLE void answerConsent(bool given);
    // A digit or one of the letters а, б, в, г for «12а»-style flats.
    Q_INVOKABLE void typeApartmentChar(const QString& character);
    Q_INVOKABLE void eraseApartmentChar();
    // Asks the hub to link the phone to the flat; emits finished() or sets
    // `message` when the backend refuses the flat number.
    Q_INVOKABLE void submitApartment();
    // No flat number: emits finished().
    Q_INVOKABLE void skipApartment();

    void reset();

    // For the screenshot tour only: shows the consent text without recording
    // a registration.
    void showConsentForPreview();

signals:
    void consentTextChanged();
    void apartmentChanged();
    void messageChanged();
    void finishedChanged();
    void consentAnswered();
    void finished();

private:
    void setMessage(const QString& message);

    KioskServices& services_;
    std::string phone_;
    QString consentText_;
    QString apartment_;
    QString message_;
    bool consentGiven_ = false;
    bool linkRequested_ = false;
};

}  // namespace veche::kiosk::ui
