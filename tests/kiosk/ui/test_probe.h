#pragma once

#include <QObject>
#include <QStringList>

#include <memory>
#include <mutex>
#include <string>

#include "fake_services.h"
#include "kiosk_controller.h"

namespace veche::kiosk::ui::test {

class RecordingSpeechEngine;

// A re-enrolment that answers what the test set and records what it got.
class ScriptedReenrolment : public KioskReenrolment {
public:
    Outcome enrolAgain(const std::string& codeOrLabel) override;
    void answer(Outcome outcome);
    std::string lastInput() const;

private:
    mutable std::mutex mutex_;
    Outcome outcome_;
    std::string lastInput_;
};

// A paper ballot entry that finds one two-item ballot (for any text but
// "нет"; for "поздний" its voting closed on 1 January at 10:00) and records
// what it was asked to enter.
class ScriptedPaperEntry : public KioskPaperEntry {
public:
    PaperLookup lookUp(const std::string& code) override;
    PaperEntryOutcome enter(const std::string& code, const PaperAnswers& answers, Millis receivedAt,
                            bool secondPass) override;
    // "code|1=for,2=invalid|<receivedAt>|second" of the last entry.
    std::string lastEntry() const;

private:
    mutable std::mutex mutex_;
    std::string lastEntry_;
};

// Test-only: owns a FakeServices and the KioskController built on it (with a
// recording speech engine) and lets the QML tests read what the fake
// recorded. Exposed to QML as the context property `probe`; the controller
// as `kioskController`.
class TestProbe : public QObject {
    Q_OBJECT

public:
    explicit TestProbe(QObject* parent = nullptr);
    ~TestProbe() override;

    KioskController* controller() { return controller_.get(); }

    Q_INVOKABLE int registrationCount() const;
    Q_INVOKABLE int consentCount() const;
    Q_INVOKABLE bool lastConsentGiven() const;
    Q_INVOKABLE QString lastLinkPremises() const;
    Q_INVOKABLE int ballotCount() const;
    // "for", "against", "abstain" for item `itemId` of the last ballot.
    Q_INVOKABLE QString lastBallotChoice(const QString& itemId) const;
    Q_INVOKABLE void holdBallots() { services_.holdBallots(); }
    Q_INVOKABLE void releaseBallots() { services_.releaseBallots(); }
    Q_INVOKABLE bool ballotInProgress() const { return services_.ballotInProgress(); }
    Q_INVOKABLE void setConsultative(bool on) { services_.setConsultative(on); }
    Q_INVOKABLE int pollAnswerCount() const;
    // The option (index) of the last poll answer; -1 when there is none.
    Q_INVOKABLE int lastPollOption() const;
    // The open poll gets `count` options: «Вариант 1» … «Вариант <count>».
    Q_INVOKABLE void setPollOptionCount(int count);
    Q_INVOKABLE QString lastReportText() const;
    Q_INVOKABLE QString lastReportCategory() const;
    Q_INVOKABLE QString lastReportPhone() const;
    // Everything the speech engine was asked to say, in order.
    Q_INVOKABLE QStringList spoken() const;
    Q_INVOKABLE void clearSpoken();
    // The controller's verified phone (not exposed to QML in production).
    Q_INVOKABLE QString sessionPhone() const { return controller_->verifiedPhone(); }
    // The phone of the last test SMS; what its state says from now on.
    Q_INVOKABLE QString lastTestSmsPhone() const;
    Q_INVOKABLE void setTestSmsState(const QString& text, bool final);
    // What the staff screen's re-enrolment got last, and what it answers.
    Q_INVOKABLE QString lastEnrolmentInput() const;
    Q_INVOKABLE void answerEnrolment(bool enrolled, const QString& kioskId, const QString& message);
    // What the staff screen's paper entry entered last (ScriptedPaperEntry::lastEntry).
    Q_INVOKABLE QString lastPaperEntry() const;

private:
    FakeServices services_;
    ScriptedReenrolment reenrolment_;
    ScriptedPaperEntry paperEntry_;
    RecordingSpeechEngine* speech_ = nullptr;  // owned by the controller's Speech
    std::unique_ptr<KioskController> controller_;
};

}  // namespace veche::kiosk::ui::test
