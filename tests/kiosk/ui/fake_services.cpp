#include "fake_services.h"

#include <algorithm>
#include <stdexcept>

namespace veche::kiosk::ui::test {

FakeServices::FakeServices() = default;

std::vector<Notice> FakeServices::notices(Millis now) const {
    return {
        {"n1", "emergency", "Экстренное", "Отключение воды 12 марта",
         "С 9:00 до 18:00 не будет холодной воды во всём доме.", "Управляющая компания", now - 1000,
         now + 100000},
        {"n2", "housing", "ЖКХ и санитария", "Уборка подъездов",
         "Уборка подъездов по вторникам и пятницам.", "Совет дома", now - 2000, now + 100000},
        {"n3", "health", "Здравоохранение", "Прививки от гриппа",
         "В поликлинике № 5 начались прививки от гриппа.", "Поликлиника № 5", now - 3000,
         now + 100000},
    };
}

CodeRequest FakeServices::requestCode(const std::string&) {
    std::lock_guard lock(mutex_);
    ++codeRequests_;
    CodeRequest result;
    result.outcome = codeOutcome_;
    if (codeOutcome_ == CodeRequest::Outcome::Unavailable) {
        result.message = "Сейчас нельзя отправить код. Попробуйте через несколько минут.";
    }
    return result;
}

CodeCheck FakeServices::checkCode(const std::string&, const std::string& code) {
    CodeCheck result;
    if (code == kGoodCode) {
        result.outcome = CodeCheck::Outcome::Verified;
        return result;
    }
    result.outcome = CodeCheck::Outcome::Wrong;
    result.attemptsLeft = 2;
    result.message = "Неверный код. Осталось попыток: 2.";
    return result;
}

std::string FakeServices::smsConsentText() const {
    return "Я согласен получать SMS-сообщения совета дома о собраниях и опросах. "
           "Согласие можно отозвать в любое время. Версия 1.";
}

void FakeServices::recordRegistration(const std::string& phone) {
    std::lock_guard lock(mutex_);
    registrations_.push_back(phone);
}

void FakeServices::recordSmsConsent(const std::string& phone, bool given) {
    std::lock_guard lock(mutex_);
    consents_.emplace_back(phone, given);
}

void FakeServices::requestLink(const std::string& phone, const std::string& premises) {
    if (premises.empty() || premises.size() > 12) {
        throw std::invalid_argument("Укажите номер квартиры.");
    }
    std::lock_guard lock(mutex_);
    links_.emplace_back(phone, premises);
}

std::vector<Assembly> FakeServices::assembliesFor(const std::string& phone, Millis now) const {
    std::lock_guard lock(mutex_);
    for (const Ballot& ballot : ballots_) {
        if (ballot.phone == phone) {
            return {};
        }
    }
    Assembly assembly;
    assembly.id = "a1";
    assembly.title = "Общее собрание собственников, март";
    assembly.rules = "oss-mkd";
    assembly.consultative = consultative_;
    assembly.opensAt = now - 1000;
    assembly.closesAt = now + 100000;
    assembly.agenda = {{"i1", "Избрать председателем собрания Иванову А. П."},
                       {"i2", "Утвердить план ремонта подъездов на 2025 год."}};
    return {assembly};
}

Receipt FakeServices::castBallot(const std::string& phone, const std::string& assemblyId,
                                 const std::map<std::string, core::Choice>& answers, Millis) {
    std::unique_lock lock(mutex_);
    ballotInProgress_ = true;
    released_.wait(lock, [this] { return !holdBallots_; });
    ballotInProgress_ = false;
    if (answers.size() != 2) {
        throw std::invalid_argument("Ответьте на все вопросы.");
    }
    ballots_.push_back({phone, assemblyId, answers});
    return {"b1", "AB12-CD34", consultative_};
}

std::vector<Poll> FakeServices::openPolls(const std::string& phone, Millis now) const {
    std::lock_guard lock(mutex_);
    (void)phone;
    if (!pollAnswers_.empty()) {
        return {};
    }
    return {{"p1", "Нужна ли во дворе новая детская площадка?", pollOptions_, now + 100000}};
}

void FakeServices::setPollOptions(std::vector<std::string> options) {
    std::lock_guard lock(mutex_);
    pollOptions_ = std::move(options);
}

void FakeServices::answerPoll(const std::string&, const std::string& pollId, int option, Millis) {
    std::lock_guard lock(mutex_);
    if (option < 0 || option >= static_cast<int>(pollOptions_.size())) {
        throw std::invalid_argument("Такого варианта нет.");
    }
    pollAnswers_.emplace_back(pollId, option);
}

std::string FakeServices::reportProblem(const std::string& category, const std::string& text,
                                        const std::string& phone, Millis) {
    if (text.empty()) {
        throw std::invalid_argument("Опишите проблему.");
    }
    std::lock_guard lock(mutex_);
    reports_.push_back({category, text, phone});
    return "17";
}

long FakeServices::contentVersion() const {
    std::lock_guard lock(mutex_);
    return contentVersion_;
}

SyncState FakeServices::syncState() const {
    SyncState state;
    state.kioskId = "kiosk-7";
    state.pendingEvents = 3;
    state.rejectedEvents = 1;
    state.queuedSms = 2;
    state.modemConnected = true;
    return state;
}

KioskServices::StaffPin FakeServices::checkStaffPin(const std::string& pin) {
    if (pin == kStaffPin) {
        return StaffPin::Accepted;
    }
    return pin == "0000" ? StaffPin::Locked : StaffPin::Wrong;
}

TestSms FakeServices::sendTestSms(const std::string& phone) {
    std::lock_guard lock(mutex_);
    testSmsPhones_.push_back(phone);
    return {TestSms::Outcome::Queued, 7, ""};
}

TestSmsState FakeServices::testSmsState(std::int64_t id) const {
    std::lock_guard lock(mutex_);
    return id == 7 ? testSmsState_ : TestSmsState{"Об этом SMS сведений нет.", true};
}

void FakeServices::setTestSmsState(TestSmsState state) {
    std::lock_guard lock(mutex_);
    testSmsState_ = std::move(state);
}

std::vector<std::string> FakeServices::testSmsPhones() const {
    std::lock_guard lock(mutex_);
    return testSmsPhones_;
}

void FakeServices::setConsultative(bool consultative) {
    std::lock_guard lock(mutex_);
    consultative_ = consultative;
}

void FakeServices::setCodeOutcome(CodeRequest::Outcome outcome) {
    std::lock_guard lock(mutex_);
    codeOutcome_ = outcome;
}

void FakeServices::holdBallots() {
    std::lock_guard lock(mutex_);
    holdBallots_ = true;
}

void FakeServices::releaseBallots() {
    {
        std::lock_guard lock(mutex_);
        holdBallots_ = false;
    }
    released_.notify_all();
}

bool FakeServices::ballotInProgress() const {
    std::lock_guard lock(mutex_);
    return ballotInProgress_;
}

void FakeServices::bumpContent() {
    std::lock_guard lock(mutex_);
    ++contentVersion_;
}

std::vector<std::string> FakeServices::registrations() const {
    std::lock_guard lock(mutex_);
    return registrations_;
}

std::vector<std::pair<std::string, bool>> FakeServices::consents() const {
    std::lock_guard lock(mutex_);
    return consents_;
}

std::vector<std::pair<std::string, std::string>> FakeServices::links() const {
    std::lock_guard lock(mutex_);
    return links_;
}

std::vector<FakeServices::Ballot> FakeServices::ballots() const {
    std::lock_guard lock(mutex_);
    return ballots_;
}

std::vector<std::pair<std::string, int>> FakeServices::pollAnswers() const {
    std::lock_guard lock(mutex_);
    return pollAnswers_;
}

std::vector<FakeServices::Report> FakeServices::reports() const {
    std::lock_guard lock(mutex_);
    return reports_;
}

int FakeServices::codeRequests() const {
    std::lock_guard lock(mutex_);
    return codeRequests_;
}

}  // namespace veche::kiosk::ui::test
