#include "test_probe.h"

#include <QDateTime>

#include <string>
#include <vector>

#include "recording_speech_engine.h"
#include "russian_text.h"

namespace veche::kiosk::ui::test {

TestProbe::TestProbe(QObject* parent) : QObject(parent) {
    auto engine = std::make_unique<RecordingSpeechEngine>();
    speech_ = engine.get();
    controller_ = std::make_unique<KioskController>(services_, std::move(engine));
    controller_->staffEnrolment()->setReenrolment(&reenrolment_);
    controller_->staffPaper()->setPaperEntry(&paperEntry_);
    controller_->staffSms()->setPollIntervalMs(50);
}

KioskReenrolment::Outcome ScriptedReenrolment::enrolAgain(const std::string& codeOrLabel) {
    std::lock_guard lock(mutex_);
    lastInput_ = codeOrLabel;
    return outcome_;
}

void ScriptedReenrolment::answer(Outcome outcome) {
    std::lock_guard lock(mutex_);
    outcome_ = std::move(outcome);
}

std::string ScriptedReenrolment::lastInput() const {
    std::lock_guard lock(mutex_);
    return lastInput_;
}

PaperLookup ScriptedPaperEntry::lookUp(const std::string& code) {
    if (code == "нет") {
        return {false, {}, "Такого бюллетеня нет в собраниях этого дома."};
    }
    PaperBallot b;
    b.code = code;
    b.assemblyTitle = "Ремонт крыши";
    b.ballotId = "B7K2-M9QX";
    b.voterNames = {"Антонова Анна Андреевна"};
    b.premises = {"помещение 1, доля 1, голосов: 60,00"};
    b.votes = "60,00";
    b.items = {{"1", "Избрание председателя"}, {"2", "Ремонт крыши"}};
    b.status = "not_entered";
    if (code == "поздний") {  // voting closed on 1 January at 10:00 this year
        const QDate firstOfJanuary(QDate::currentDate().year(), 1, 1);
        b.closesAt = QDateTime(firstOfJanuary, QTime(10, 0)).toMSecsSinceEpoch();
    }
    return {true, b, "Бюллетень ещё не вводили."};
}

PaperEntryOutcome ScriptedPaperEntry::enter(const std::string& code, const PaperAnswers& answers,
                                            Millis receivedAt, bool secondPass) {
    std::string entry = code + "|";
    for (const auto& [item, choice] : answers) {
        entry += item + "=" + choiceKey(choice).toStdString() +
                 (choice == core::Choice::Invalid ? "invalid" : "") + ",";
    }
    entry += "|" + std::to_string(receivedAt) + (secondPass ? "|second" : "|first");
    std::lock_guard lock(mutex_);
    lastEntry_ = entry;
    return {true, "awaiting_second_entry", "Записано."};
}

std::string ScriptedPaperEntry::lastEntry() const {
    std::lock_guard lock(mutex_);
    return lastEntry_;
}

QString TestProbe::lastPaperEntry() const {
    return QString::fromStdString(paperEntry_.lastEntry());
}

QString TestProbe::lastTestSmsPhone() const {
    const auto phones = services_.testSmsPhones();
    return phones.empty() ? QString() : QString::fromStdString(phones.back());
}

void TestProbe::setTestSmsState(const QString& text, bool final) {
    services_.setTestSmsState({text.toStdString(), final});
}

QString TestProbe::lastEnrolmentInput() const {
    return QString::fromStdString(reenrolment_.lastInput());
}

void TestProbe::answerEnrolment(bool enrolled, const QString& kioskId, const QString& message) {
    reenrolment_.answer({enrolled, kioskId.toStdString(), message.toStdString()});
}

TestProbe::~TestProbe() {
    services_.releaseBallots();
    controller_.reset();
}

int TestProbe::registrationCount() const {
    return static_cast<int>(services_.registrations().size());
}

int TestProbe::consentCount() const {
    return static_cast<int>(services_.consents().size());
}

bool TestProbe::lastConsentGiven() const {
    const auto consents = services_.consents();
    return !consents.empty() && consents.back().second;
}

QString TestProbe::lastLinkPremises() const {
    const auto links = services_.links();
    return links.empty() ? QString() : QString::fromStdString(links.back().second);
}

int TestProbe::ballotCount() const {
    return static_cast<int>(services_.ballots().size());
}

QString TestProbe::lastBallotChoice(const QString& itemId) const {
    const auto ballots = services_.ballots();
    if (ballots.empty()) {
        return {};
    }
    const auto& answers = ballots.back().answers;
    const auto found = answers.find(itemId.toStdString());
    return found == answers.end() ? QString() : choiceKey(found->second);
}

int TestProbe::pollAnswerCount() const {
    return static_cast<int>(services_.pollAnswers().size());
}

int TestProbe::lastPollOption() const {
    const auto answers = services_.pollAnswers();
    return answers.empty() ? -1 : answers.back().second;
}

void TestProbe::setPollOptionCount(int count) {
    std::vector<std::string> options;
    for (int i = 1; i <= count; ++i) {
        options.push_back("Вариант " + std::to_string(i));
    }
    services_.setPollOptions(std::move(options));
}

QString TestProbe::lastReportText() const {
    const auto reports = services_.reports();
    return reports.empty() ? QString() : QString::fromStdString(reports.back().text);
}

QString TestProbe::lastReportCategory() const {
    const auto reports = services_.reports();
    return reports.empty() ? QString() : QString::fromStdString(reports.back().category);
}

QString TestProbe::lastReportPhone() const {
    const auto reports = services_.reports();
    return reports.empty() ? QString() : QString::fromStdString(reports.back().phone);
}

QStringList TestProbe::spoken() const {
    return speech_->said;
}

void TestProbe::clearSpoken() {
    speech_->said.clear();
}

}  // namespace veche::kiosk::ui::test
