#include "phone_verification.h"

#include "background.h"
#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

QString requestFailureText(const CodeRequest& result) {
    if (!result.message.empty()) {
        return toQString(result.message);
    }
    switch (result.outcome) {
        case CodeRequest::Outcome::BadNumber:
            return QStringLiteral("Это не номер мобильного телефона. Проверьте цифры.");
        case CodeRequest::Outcome::TooMany:
            return QStringLiteral("Слишком много запросов кода. Попробуйте позже.");
        default:
            return QStringLiteral("Сейчас не удаётся отправить код. Попробуйте позже.");
    }
}

QString checkFailureText(const CodeCheck& result) {
    if (!result.message.empty()) {
        return toQString(result.message);
    }
    switch (result.outcome) {
        case CodeCheck::Outcome::Wrong:
            if (result.attemptsLeft <= 0) {
                return QStringLiteral("Неверный код. Попытки закончились. Запросите новый код.");
            }
            return QStringLiteral("Неверный код. Осталось попыток: %1.").arg(result.attemptsLeft);
        case CodeCheck::Outcome::Expired:
            return QStringLiteral("Код устарел. Запросите новый код.");
        default:
            return QStringLiteral("Сейчас не удаётся проверить код. Попробуйте позже.");
    }
}

}  // namespace

PhoneVerification::PhoneVerification(KioskServices& services, QThreadPool& pool, QObject* parent)
    : QObject(parent), services_(services), pool_(pool) {}

QString PhoneVerification::phoneText() const {
    return typedPhoneText(phoneDigits_);
}

void PhoneVerification::typePhoneDigit(int digit) {
    if (busy_ || digit < 0 || digit > 9 || phoneComplete()) {
        return;
    }
    phoneDigits_.append(QChar(u'0' + digit));
    setMessage({});
    emit phoneChanged();
}

void PhoneVerification::erasePhoneDigit() {
    if (busy_ || phoneDigits_.isEmpty()) {
        return;
    }
    phoneDigits_.chop(1);
    emit phoneChanged();
}

void PhoneVerification::submitPhone() {
    if (busy_ || !phoneComplete()) {
        return;
    }
    setBusy(true);
    setMessage({});
    clearCode();
    const std::string phone = phoneForBackend(phoneDigits_);
    const int generation = generation_;
    runInBackground<CodeRequest>(
        pool_, this, [&services = services_, phone] { return services.requestCode(phone); },
        [this, generation](const CodeRequest& result) {
            if (generation == generation_) {
                onCodeRequested(result);
            }
        });
}

void PhoneVerification::typeCodeDigit(int digit) {
    if (busy_ || digit < 0 || digit > 9 || codeComplete()) {
        return;
    }
    code_.append(QChar(u'0' + digit));
    emit codeChanged();
}

void PhoneVerification::eraseCodeDigit() {
    if (busy_ || code_.isEmpty()) {
        return;
    }
    code_.chop(1);
    emit codeChanged();
}

void PhoneVerification::submitCode() {
    if (busy_ || !codeComplete()) {
        return;
    }
    setBusy(true);
    setMessage({});
    const std::string phone = phoneForBackend(phoneDigits_);
    const std::string code = code_.toStdString();
    const int generation = generation_;
    runInBackground<CodeCheck>(
        pool_, this,
        [&services = services_, phone, code] { return services.checkCode(phone, code); },
        [this, generation, phone](const CodeCheck& result) {
            if (generation == generation_) {
                onCodeChecked(phone, result);
            }
        });
}

void PhoneVerification::reset() {
    ++generation_;
    phoneDigits_.clear();
    code_.clear();
    sentText_.clear();
    setBusy(false);
    setMessage({});
    emit phoneChanged();
    emit codeChanged();
    emit sentTextChanged();
}

void PhoneVerification::onCodeRequested(const CodeRequest& result) {
    setBusy(false);
    const bool sent = result.outcome == CodeRequest::Outcome::Sent ||
                      result.outcome == CodeRequest::Outcome::SentByHub;
    if (!sent) {
        setMessage(requestFailureText(result));
        return;
    }
    // Whether the kiosk's modem or the hub sent it makes no difference to
    // the resident.
    sentText_ = QStringLiteral("Код отправлен в SMS на номер %1.").arg(phoneText());
    emit sentTextChanged();
    emit codeSent();
}

void PhoneVerification::onCodeChecked(const std::string& phone, const CodeCheck& result) {
    setBusy(false);
    clearCode();
    if (result.outcome == CodeCheck::Outcome::Verified) {
        emit verified(toQString(phone));
        return;
    }
    const bool useless = result.outcome == CodeCheck::Outcome::Expired ||
                         (result.outcome == CodeCheck::Outcome::Wrong && result.attemptsLeft <= 0);
    setMessage(checkFailureText(result), useless);
}

void PhoneVerification::setBusy(bool busy) {
    if (busy == busy_) {
        return;
    }
    busy_ = busy;
    emit busyChanged();
}

void PhoneVerification::setMessage(const QString& message, bool codeUseless) {
    if (message == message_ && codeUseless == codeUseless_) {
        return;
    }
    message_ = message;
    codeUseless_ = codeUseless;
    emit messageChanged();
}

void PhoneVerification::clearCode() {
    if (code_.isEmpty()) {
        return;
    }
    code_.clear();
    emit codeChanged();
}

}  // namespace veche::kiosk::ui
