#include "report_flow.h"

#include <stdexcept>

#include "background.h"
#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

struct SubmitResult {
    QString number;
    QString error;         // Russian, for the resident
    bool refused = false;  // std::invalid_argument: the text or category
};

}  // namespace

ReportFlow::ReportFlow(KioskServices& services, QThreadPool& pool, QObject* parent)
    : QObject(parent), services_(services), pool_(pool) {
    categories_.setChoices({
        {QStringLiteral("housing"), QStringLiteral("ЖКХ"), {}, false},
        {QStringLiteral("improvement"), QStringLiteral("Благоустройство"), {}, false},
        {QStringLiteral("public_order"), QStringLiteral("Правопорядок"), {}, false},
        {QStringLiteral("health"), QStringLiteral("Здравоохранение"), {}, false},
        {QStringLiteral("other"), QStringLiteral("Другое"), {}, false},
    });
}

void ReportFlow::setText(const QString& text) {
    const QString cut = text.left(kMaxTextLength);
    if (cut == text_) {
        return;
    }
    text_ = cut;
    setMessage({});
    emit textChanged();
}

QString ReportFlow::phoneText() const {
    return typedPhoneText(phoneDigits_);
}

void ReportFlow::chooseCategory(const QString& key) {
    if (categories_.titleOf(key).isEmpty()) {
        return;
    }
    category_ = key;
    emit categoryChanged();
    emit categoryChosen();
}

void ReportFlow::acceptText() {
    if (text_.trimmed().isEmpty()) {
        setMessage(QStringLiteral("Напишите, что случилось, хотя бы несколько слов."));
        return;
    }
    setMessage({});
    emit textAccepted();
}

void ReportFlow::typePhoneDigit(int digit) {
    if (busy_ || digit < 0 || digit > 9 || phoneDigits_.size() >= 10) {
        return;
    }
    phoneDigits_.append(QChar(u'0' + digit));
    emit phoneChanged();
}

void ReportFlow::erasePhoneDigit() {
    if (busy_ || phoneDigits_.isEmpty()) {
        return;
    }
    phoneDigits_.chop(1);
    emit phoneChanged();
}

void ReportFlow::submit() {
    if (busy_) {
        return;
    }
    if (!phoneDigits_.isEmpty() && phoneDigits_.size() < 10) {
        setMessage(QStringLiteral("Номер неполный: нужно 10 цифр после +7. Или сотрите его."));
        return;
    }
    setBusy(true);
    setMessage({});
    const std::string phone =
        phoneDigits_.isEmpty() ? std::string() : phoneForBackend(phoneDigits_);
    const int generation = generation_;
    runInBackground<SubmitResult>(
        pool_, this,
        [&services = services_, category = category_.toStdString(), text = text_.toStdString(),
         phone] {
            SubmitResult result;
            try {
                result.number =
                    toQString(services.reportProblem(category, text, phone, nowMillis()));
            } catch (const std::invalid_argument& refused) {
                result.error = QString::fromStdString(refused.what());
                result.refused = true;
            } catch (const std::exception&) {
                result.error =
                    QStringLiteral("Не удалось сохранить обращение. Попробуйте ещё раз.");
            }
            return result;
        },
        [this, generation](const SubmitResult& result) {
            if (generation != generation_) {
                return;
            }
            setBusy(false);
            if (!result.error.isEmpty()) {
                setMessage(result.error);
                if (result.refused) {
                    emit textRejected();
                }
                return;
            }
            reportNumber_ = result.number;
            emit reportNumberChanged();
            emit submitted();
        });
}

void ReportFlow::reset() {
    ++generation_;
    category_.clear();
    text_.clear();
    phoneDigits_.clear();
    reportNumber_.clear();
    setBusy(false);
    setMessage({});
    emit categoryChanged();
    emit textChanged();
    emit phoneChanged();
    emit reportNumberChanged();
}

void ReportFlow::showNumberForPreview(const QString& number) {
    reportNumber_ = number;
    emit reportNumberChanged();
}

void ReportFlow::setBusy(bool busy) {
    if (busy == busy_) {
        return;
    }
    busy_ = busy;
    emit busyChanged();
}

void ReportFlow::setMessage(const QString& message) {
    if (message == message_) {
        return;
    }
    message_ = message;
    emit messageChanged();
}

}  // namespace veche::kiosk::ui
