#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include "choice_list_model.h"
#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// «Сообщить о проблеме»: a category, a short text typed on the Russian
// on-screen keyboard, an optional phone for the answer, then the report's
// number. The report is stored off the GUI thread; submitted() follows.
class ReportFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ReportFlow is owned by KioskController")

    Q_PROPERTY(veche::kiosk::ui::ChoiceListModel* categories READ categories CONSTANT)
    Q_PROPERTY(QString categoryTitle READ categoryTitle NOTIFY categoryChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int maxTextLength READ maxTextLength CONSTANT)
    Q_PROPERTY(QString phoneText READ phoneText NOTIFY phoneChanged)
    Q_PROPERTY(int phoneDigitCount READ phoneDigitCount NOTIFY phoneChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString reportNumber READ reportNumber NOTIFY reportNumberChanged)

public:
    static constexpr int kMaxTextLength = 1000;

    ReportFlow(KioskServices& services, QThreadPool& pool, QObject* parent = nullptr);

    ChoiceListModel* categories() { return &categories_; }
    QString categoryTitle() const { return categories_.titleOf(category_); }
    QString text() const { return text_; }
    // Cut to maxTextLength.
    void setText(const QString& text);
    int maxTextLength() const { return kMaxTextLength; }
    QString phoneText() const;
    int phoneDigitCount() const { return static_cast<int>(phoneDigits_.size()); }
    bool busy() const { return busy_; }
    QString message() const { return message_; }
    QString reportNumber() const { return reportNumber_; }

    // housing, improvement, public_order, health or other; emits categoryChosen().
    Q_INVOKABLE void chooseCategory(const QString& key);
    // Accepts the text unless it is blank; emits textAccepted().
    Q_INVOKABLE void acceptText();
    Q_INVOKABLE void typePhoneDigit(int digit);
    Q_INVOKABLE void erasePhoneDigit();
    // Stores the report with the phone typed (none when no digit was typed);
    // submitted() follows, or `message` (textRejected() when the backend
    // refused the text, so that it can be corrected).
    Q_INVOKABLE void submit();

    void reset();

    // For the screenshot tour only: shows a number without storing a report.
    void showNumberForPreview(const QString& number);

signals:
    void categoryChanged();
    void textChanged();
    void phoneChanged();
    void busyChanged();
    void messageChanged();
    void reportNumberChanged();
    void categoryChosen();
    void textAccepted();
    void textRejected();
    void submitted();

private:
    void setBusy(bool busy);
    void setMessage(const QString& message);

    KioskServices& services_;
    QThreadPool& pool_;
    ChoiceListModel categories_;
    QString category_;
    QString text_;
    QString phoneDigits_;
    bool busy_ = false;
    QString message_;
    QString reportNumber_;
    int generation_ = 0;  // bumped by reset(): late results of a past visit are dropped
};

}  // namespace veche::kiosk::ui
