#include "staff_paper_entry.h"

#include <QDateTime>

#include <algorithm>

#include "background.h"
#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

// A paper answer may also be invalid (no mark, or several), unlike a
// resident's answer on the screen.
core::Choice paperChoice(const QString& key) {
    return key == QLatin1String("invalid") ? core::Choice::Invalid : choiceFromKey(key);
}

QString paperKey(core::Choice choice) {
    return choice == core::Choice::Invalid ? QStringLiteral("invalid") : choiceKey(choice);
}

}  // namespace

StaffPaperEntry::StaffPaperEntry(QThreadPool& pool, std::function<Millis()> now, QObject* parent)
    : QObject(parent), pool_(pool), now_(std::move(now)) {}

void StaffPaperEntry::setPaperEntry(KioskPaperEntry* entry) {
    entry_ = entry;
    emit availableChanged();
}

void StaffPaperEntry::setText(const QString& text) {
    if (!busy_ && text != text_) {
        text_ = text;
        emit textChanged();
    }
}

QString StaffPaperEntry::ballotId() const {
    return toQString(ballot_.ballotId);
}

QString StaffPaperEntry::assemblyTitle() const {
    return toQString(ballot_.assemblyTitle);
}

QString StaffPaperEntry::ownerText() const {
    QStringList lines;
    for (const std::string& name : ballot_.voterNames) {
        lines << toQString(name);
    }
    for (const std::string& premises : ballot_.premises) {
        lines << toQString(premises);
    }
    if (!ballot_.votes.empty()) {
        lines << QStringLiteral("Всего голосов: ") + toQString(ballot_.votes);
    }
    return lines.join(u'\n');
}

QStringList StaffPaperEntry::items() const {
    QStringList out;
    for (const AgendaItem& item : ballot_.items) {
        out << toQString(item.id) + QStringLiteral(". ") + toQString(item.title);
    }
    return out;
}

QStringList StaffPaperEntry::answers() const {
    QStringList out;
    for (const core::Choice choice : answers_) {
        out << paperKey(choice);
    }
    return out;
}

bool StaffPaperEntry::complete() const {
    return found_ && std::none_of(answers_.begin(), answers_.end(),
                                  [](core::Choice c) { return c == core::Choice::Unanswered; });
}

QString StaffPaperEntry::receivedText() const {
    return receivedSet() ? dateTimeText(receivedAt_) : QStringLiteral("не указано");
}

QString StaffPaperEntry::lateWarning() const {
    if (!found_ || !receivedSet() || ballot_.closesAt == 0 || receivedAt_ <= ballot_.closesAt) {
        return {};
    }
    return QStringLiteral("Получен после окончания голосования (") +
           dateTimeText(ballot_.closesAt) + QStringLiteral("): бланк будет записан, но не учтён.");
}

QString StaffPaperEntry::timeText() const {
    QString shown = QStringLiteral("__.__ __:__");
    int next = 0;
    for (qsizetype i = 0; i < shown.size() && next < timeDigits_.size(); ++i) {
        if (shown[i] == QLatin1Char('_')) {
            shown[i] = timeDigits_[next++];
        }
    }
    return shown;
}

void StaffPaperEntry::typeTimeDigit(int digit) {
    if (digit < 0 || digit > 9 || timeComplete()) {
        return;
    }
    timeDigits_.append(QChar(u'0' + digit));
    timeMessage_.clear();
    emit timeChanged();
}

void StaffPaperEntry::eraseTimeDigit() {
    if (!timeDigits_.isEmpty()) {
        timeDigits_.chop(1);
        timeMessage_.clear();
        emit timeChanged();
    }
}

void StaffPaperEntry::acceptTime() {
    if (!timeComplete()) {
        return;
    }
    const auto number = [this](int from) { return timeDigits_.mid(from, 2).toInt(); };
    const QTime time(number(4), number(6));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(now_());
    QDate date(now.date().year(), number(2), number(0));
    if (date.isValid() && time.isValid() && QDateTime(date, time) > now) {
        date = QDate(now.date().year() - 1, number(2), number(0));  // last year's
    }
    if (!date.isValid() || !time.isValid()) {
        setTimeMessage(QStringLiteral("Такой даты или времени нет: проверьте ДД.ММ ЧЧ:ММ."));
        return;
    }
    receivedAt_ = QDateTime(date, time).toMSecsSinceEpoch();
    emit receivedChanged();
    emit timeAccepted();
}

void StaffPaperEntry::startTime() {
    timeDigits_.clear();
    timeMessage_.clear();
    emit timeChanged();
}

void StaffPaperEntry::setTimeMessage(const QString& message) {
    timeMessage_ = message;
    emit timeChanged();
}

void StaffPaperEntry::setSecondPass(bool secondPass) {
    if (secondPass != secondPass_) {
        secondPass_ = secondPass;
        emit secondPassChanged();
    }
}

void StaffPaperEntry::lookUp() {
    if (busy_ || entry_ == nullptr || text_.trimmed().isEmpty()) {
        return;
    }
    setBusy(true);
    setMessage(QStringLiteral("Ищем бюллетень…"));
    KioskPaperEntry* entry = entry_;
    const std::string code = text_.trimmed().toStdString();
    runInBackground<PaperLookup>(
        pool_, this, [entry, code] { return entry->lookUp(code); },
        [this](PaperLookup lookup) {
            found_ = lookup.found;
            recorded_ = false;
            ballot_ = lookup.found ? std::move(lookup.ballot) : PaperBallot{};
            answers_.assign(ballot_.items.size(), core::Choice::Unanswered);
            emit ballotChanged();
            emit answersChanged();
            emit receivedChanged();  // the late warning
            setMessage(toQString(lookup.message));
            setBusy(false);
        });
}

void StaffPaperEntry::setAnswer(int index, const QString& answer) {
    const core::Choice choice = paperChoice(answer);
    if (busy_ || recorded_ || index < 0 || index >= static_cast<int>(answers_.size()) ||
        choice == core::Choice::Unanswered) {
        return;
    }
    answers_[static_cast<std::size_t>(index)] = choice;
    emit answersChanged();
}

void StaffPaperEntry::submit() {
    if (busy_ || recorded_ || !complete() || !receivedSet() || entry_ == nullptr) {
        return;
    }
    PaperAnswers answers;
    for (std::size_t i = 0; i < answers_.size(); ++i) {
        answers.emplace_back(ballot_.items[i].id, answers_[i]);
    }
    setBusy(true);
    setMessage(QStringLiteral("Записываем…"));
    KioskPaperEntry* entry = entry_;
    const std::string code = ballot_.code;
    const Millis receivedAt = receivedAt_;
    const bool secondPass = secondPass_;
    runInBackground<PaperEntryOutcome>(
        pool_, this,
        [entry, code, answers, receivedAt, secondPass] {
            return entry->enter(code, answers, receivedAt, secondPass);
        },
        [this](PaperEntryOutcome outcome) {
            recorded_ = outcome.recorded;
            emit ballotChanged();
            setMessage(toQString(outcome.message));
            setBusy(false);
        });
}

void StaffPaperEntry::next() {
    if (busy_) {
        return;
    }
    text_.clear();
    emit textChanged();
    found_ = false;
    recorded_ = false;
    ballot_ = {};
    answers_.clear();
    emit ballotChanged();
    emit answersChanged();
    emit receivedChanged();
    setMessage({});
}

void StaffPaperEntry::reset() {
    if (busy_) {
        return;
    }
    next();
    setSecondPass(false);
    receivedAt_ = 0;
    emit receivedChanged();
    startTime();
}

void StaffPaperEntry::showForPreview(PaperBallot ballot, std::vector<core::Choice> answers) {
    answers.resize(ballot.items.size(), core::Choice::Unanswered);
    text_ = toQString(ballot.code);
    found_ = true;
    recorded_ = false;
    ballot_ = std::move(ballot);
    answers_ = std::move(answers);
    emit textChanged();
    emit ballotChanged();
    emit answersChanged();
    setMessage(toQString(paperStatusText(ballot_.status)));
}

void StaffPaperEntry::setBusy(bool busy) {
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged();
    }
}

void StaffPaperEntry::setMessage(const QString& message) {
    if (message != message_) {
        message_ = message;
        emit messageChanged();
    }
}

}  // namespace veche::kiosk::ui
