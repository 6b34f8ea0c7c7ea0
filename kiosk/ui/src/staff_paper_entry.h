#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>

#include "veche/kiosk/paper_entry.h"

namespace veche::kiosk::ui {

// The staff screen's «Ввод бумажных бюллетеней»: a returned ballot's QR
// code read by a keyboard-wedge scanner (it types the text and Enter into
// the focused field) or its id and check value typed; the ballot's owner
// and agenda shown; one answer per item (За, Против, Воздержался, or
// Недействителен for no mark or several); when it was received, typed from
// the register of received ballots as ДД.ММ ЧЧ:ММ on its own screen (there
// is no default: a paper keyed in after voting closed would otherwise be
// entered as late); then «Записать». The hub is asked off the GUI thread.
// The received time and the second-pass mark stay for the next ballot of
// the stack.
class StaffPaperEntry : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StaffPaperEntry is owned by KioskController")

    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool found READ found NOTIFY ballotChanged)
    Q_PROPERTY(bool recorded READ recorded NOTIFY ballotChanged)
    Q_PROPERTY(QString ballotId READ ballotId NOTIFY ballotChanged)
    Q_PROPERTY(QString assemblyTitle READ assemblyTitle NOTIFY ballotChanged)
    Q_PROPERTY(QString ownerText READ ownerText NOTIFY ballotChanged)
    // The agenda, «1. Избрание председателя», and each item's answer so far:
    // "for", "against", "abstain", "invalid" or "".
    Q_PROPERTY(QStringList items READ items NOTIFY ballotChanged)
    Q_PROPERTY(QStringList answers READ answers NOTIFY answersChanged)
    Q_PROPERTY(bool complete READ complete NOTIFY answersChanged)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY receivedChanged)
    Q_PROPERTY(bool receivedSet READ receivedSet NOTIFY receivedChanged)
    // Non-empty when the ballot found was received after voting closed.
    Q_PROPERTY(QString lateWarning READ lateWarning NOTIFY receivedChanged)
    // The received time being typed: «05.12 15:3_», and why it was refused.
    Q_PROPERTY(QString timeText READ timeText NOTIFY timeChanged)
    Q_PROPERTY(bool timeComplete READ timeComplete NOTIFY timeChanged)
    Q_PROPERTY(QString timeMessage READ timeMessage NOTIFY timeChanged)
    Q_PROPERTY(bool secondPass READ secondPass WRITE setSecondPass NOTIFY secondPassChanged)

public:
    // `now` gives the time a typed received time may not pass.
    StaffPaperEntry(QThreadPool& pool, std::function<Millis()> now, QObject* parent = nullptr);

    // What asks the hub; none (the default): the screen offers no entry. It
    // must outlive the controller.
    void setPaperEntry(KioskPaperEntry* entry);
    bool available() const { return entry_ != nullptr; }
    QString text() const { return text_; }
    void setText(const QString& text);
    bool busy() const { return busy_; }
    QString message() const { return message_; }
    bool found() const { return found_; }
    bool recorded() const { return recorded_; }  // this ballot was just recorded
    QString ballotId() const;
    QString assemblyTitle() const;
    QString ownerText() const;  // names, premises and votes, one per line
    QStringList items() const;
    QStringList answers() const;
    bool complete() const;
    QString receivedText() const;
    bool receivedSet() const { return receivedAt_ != 0; }
    QString lateWarning() const;
    QString timeText() const;
    bool timeComplete() const { return timeDigits_.size() == 8; }
    QString timeMessage() const { return timeMessage_; }
    bool secondPass() const { return secondPass_; }
    void setSecondPass(bool secondPass);

    // Looks the ballot the text names up.
    Q_INVOKABLE void lookUp();
    // Sets item `index`'s answer: "for", "against", "abstain" or "invalid".
    Q_INVOKABLE void setAnswer(int index, const QString& answer);
    // The received time typed as ДДММЧЧММ, a digit at a time.
    Q_INVOKABLE void typeTimeDigit(int digit);
    Q_INVOKABLE void eraseTimeDigit();
    // Takes the typed time: the latest such date and time not after now
    // (this year, or last year's). timeAccepted() follows; a day or time
    // that does not exist is refused with timeMessage.
    Q_INVOKABLE void acceptTime();
    // Starts typing the received time afresh.
    void startTime();
    // Enters the answers of the ballot found, once every item has one and
    // the received time is set.
    Q_INVOKABLE void submit();
    // Clears the ballot for the next one; keeps the received time and the mark.
    Q_INVOKABLE void next();
    // Everything anew, no received time (the screen opening).
    void reset();
    // Shows `ballot` as if it had been looked up, with `answers` (one per
    // item) chosen: the screenshot tour, which never asks the hub.
    void showForPreview(PaperBallot ballot, std::vector<core::Choice> answers);

signals:
    void availableChanged();
    void textChanged();
    void busyChanged();
    void messageChanged();
    void ballotChanged();
    void answersChanged();
    void receivedChanged();
    void secondPassChanged();
    void timeChanged();
    void timeAccepted();

private:
    void setBusy(bool busy);
    void setMessage(const QString& message);
    void setTimeMessage(const QString& message);

    QThreadPool& pool_;
    std::function<Millis()> now_;
    KioskPaperEntry* entry_ = nullptr;
    QString text_;
    bool busy_ = false;
    QString message_;
    bool found_ = false;
    bool recorded_ = false;
    PaperBallot ballot_;
    std::vector<core::Choice> answers_;
    Millis receivedAt_ = 0;  // 0: not set
    QString timeDigits_;
    QString timeMessage_;
    bool secondPass_ = false;
};

}  // namespace veche::kiosk::ui
