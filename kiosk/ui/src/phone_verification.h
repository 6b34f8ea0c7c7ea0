#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// Proving a phone with an SMS code, shared by «Мой телефон», «Голосование»
// and «Опросы». The resident types the 10 digits after "+7", submitPhone()
// asks for a code (off the GUI thread), codeSent() follows; then the 6-digit
// code (shown masked, never spoken), submitCode() checks it and verified()
// follows. Backend refusals become `message`, in Russian.
class PhoneVerification : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PhoneVerification is owned by KioskController")

    Q_PROPERTY(QString phoneText READ phoneText NOTIFY phoneChanged)
    Q_PROPERTY(int phoneDigitCount READ phoneDigitCount NOTIFY phoneChanged)
    Q_PROPERTY(bool phoneComplete READ phoneComplete NOTIFY phoneChanged)
    Q_PROPERTY(int codeDigitCount READ codeDigitCount NOTIFY codeChanged)
    Q_PROPERTY(int codeLength READ codeLength CONSTANT)
    Q_PROPERTY(bool codeComplete READ codeComplete NOTIFY codeChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString sentText READ sentText NOTIFY sentTextChanged)
    Q_PROPERTY(bool canRequestAgain READ canRequestAgain NOTIFY messageChanged)

public:
    static constexpr int kPhoneDigits = 10;
    static constexpr int kCodeLength = 6;

    PhoneVerification(KioskServices& services, QThreadPool& pool, QObject* parent = nullptr);

    QString phoneText() const;
    int phoneDigitCount() const { return static_cast<int>(phoneDigits_.size()); }
    bool phoneComplete() const { return phoneDigitCount() == kPhoneDigits; }
    int codeDigitCount() const { return static_cast<int>(code_.size()); }
    int codeLength() const { return kCodeLength; }
    bool codeComplete() const { return codeDigitCount() == kCodeLength; }
    bool busy() const { return busy_; }
    QString message() const { return message_; }
    QString sentText() const { return sentText_; }
    // True when the last code is of no further use (expired, no attempts).
    bool canRequestAgain() const { return codeUseless_; }

    Q_INVOKABLE void typePhoneDigit(int digit);
    Q_INVOKABLE void erasePhoneDigit();
    // Asks for a code for the typed number; ignored while busy or incomplete.
    Q_INVOKABLE void submitPhone();
    Q_INVOKABLE void typeCodeDigit(int digit);
    Q_INVOKABLE void eraseCodeDigit();
    // Checks the typed code; ignored while busy or incomplete.
    Q_INVOKABLE void submitCode();

    // Forgets the number, the code, the messages and any call in flight.
    void reset();

signals:
    void phoneChanged();
    void codeChanged();
    void busyChanged();
    void messageChanged();
    void sentTextChanged();
    void codeSent();
    // `phone` as the backend receives it ("+79…").
    void verified(const QString& phone);

private:
    void onCodeRequested(const CodeRequest& result);
    void onCodeChecked(const std::string& phone, const CodeCheck& result);
    void setBusy(bool busy);
    void setMessage(const QString& message, bool codeUseless = false);
    void clearCode();

    KioskServices& services_;
    QThreadPool& pool_;
    QString phoneDigits_;
    QString code_;
    bool busy_ = false;
    bool codeUseless_ = false;
    QString message_;
    QString sentText_;
    int generation_ = 0;  // bumped by reset(): late results of a past visit are dropped
};

}  // namespace veche::kiosk::ui
