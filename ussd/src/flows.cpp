#include "flows.h"

#include <algorithm>

namespace veche::ussd {

namespace {

const std::string kNoSuchChoice = "Нет такого пункта.";
const char* const kChoiceNames[] = {"за", "против", "возд"};

bool isNumber(const std::string& s) {
    return !s.empty() && s.size() <= 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string numbered(std::size_t i, const std::string& label) {
    return std::to_string(i + 1) + " " + label;
}

}  // namespace

Flows::Flows(UssdBackend& backend, SessionState& state, std::string dialCode)
    : backend_(backend), state_(state), dialCode_(std::move(dialCode)) {}

void Flows::push(std::string_view nodeId, int arg) {
    state_.stack.push_back({std::string(nodeId), 0, arg});
}

void Flows::apply(const std::string& input) {
    note_.clear();
    if (current().kind == Kind::ReportText && !isNumber(input) && !input.empty()) {
        submitReport(input);
    } else if (input == "00") {
        state_.stack.resize(1);
        state_.stack[0].page = 0;
    } else if (input == "0") {
        if (state_.stack.size() == 1) {
            finish("До свидания! Вече: " + dialCode_);
        } else {
            state_.stack.pop_back();
        }
    } else if (input == "99") {
        top().page += 1;  // render() keeps it within the pages there are
    } else if (isNumber(input)) {
        choose(std::stoi(input));
    } else {
        note_ = "Введите номер пункта.";
    }
}

Screen Flows::render() {
    if (end_) {
        return {true, clip(end_->text, kScreenUnits)};
    }
    PageRequest request = layout();
    if (end_) {  // the node found there is nothing left to show
        return {true, clip(end_->text, kScreenUnits)};
    }
    const std::vector<std::string> pages = paginate(request);
    if (top().page >= static_cast<int>(pages.size())) {
        top().page = static_cast<int>(pages.size()) - 1;
    }
    const std::string& page = pages[static_cast<std::size_t>(top().page)];
    // A note on top of the same page, when there is room for it.
    if (!note_.empty() && screenCost(note_ + "\n" + page).units <= kScreenUnits) {
        return {false, note_ + "\n" + page};
    }
    return {false, page};
}

PageRequest Flows::layout() {
    const Node& n = current();
    PageRequest r;
    r.header = std::string(n.title);
    // "0 Назад" below every screen but the main menu, which needs its room
    // (0 still ends the session there); 00 always leads to the main menu.
    if (state_.stack.size() > 1) {
        r.footer = {"0 Назад"};
    }
    switch (n.kind) {
        case Kind::Menu:
        case Kind::ReportPhrases:
        case Kind::Notices:
        case Kind::Assemblies:
        case Kind::Polls:
            layoutList(n, r);
            break;
        case Kind::Question:
        case Kind::Summary:
            layoutVote(n.kind, r);
            break;
        case Kind::Notice:
        case Kind::Poll:
            layoutItem(n.kind, r);
            break;
        case Kind::Consent:
            r.lines = {std::string(n.text)};
            r.choices = {"1 Согласен", "2 Не согласен"};
            break;
        case Kind::Building:
            r.lines = {"Номер привязан: " + caller().buildingName};
            break;
        case Kind::ReportText:
        case Kind::SmsOff:
        case Kind::Info:
            r.lines = {std::string(n.text)};
            break;
    }
    return r;
}

// A numbered list: a menu's options, or the notices, assemblies or polls.
void Flows::layoutList(const Node& n, PageRequest& r) {
    std::vector<std::string> labels;
    std::string none;
    if (n.kind == Kind::Notices) {
        for (const NoticeSummary& notice : notices()) {
            labels.push_back((notice.emergency ? "! " : "") + notice.title);
        }
        none = "Объявлений нет.";
    } else if (n.kind == Kind::Assemblies) {
        for (const OpenAssembly& a : assemblies()) {
            labels.push_back(a.title);
        }
        none = "Для вашего номера нет открытых голосований.";
    } else if (n.kind == Kind::Polls) {
        for (const OpenPoll& p : polls()) {
            labels.push_back(p.question);
        }
        none = "Открытых опросов нет.";
    } else {
        for (const Option* o : visibleOptions(n)) {
            labels.push_back(std::string(o->label));
        }
        if (n.id == "main" && !caller().known) {
            r.header = "Вече. Номер не привязан";
        }
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        r.choices.push_back(numbered(i, labels[i]));
    }
    if (labels.empty()) {
        r.lines = {none};
    }
}

// One agenda question, or the summary before the confirmation.
void Flows::layoutVote(Kind kind, PageRequest& r) {
    const OpenAssembly* a = chosenAssembly();
    if (a == nullptr) {
        return;
    }
    if (kind == Kind::Question) {
        const auto k = static_cast<std::size_t>(top().arg);
        r.header = "Вопрос " + std::to_string(k + 1) + "/" + std::to_string(a->items.size());
        r.lines = {a->items[k].wording};
        // The choices on every page, since the wording may take several; no
        // room for "0 Назад" (0 still goes back).
        r.footer = {"1 За 2 Против 3 Возд."};
        return;
    }
    // Short, so that the confirmation fits on the first screen.
    const std::string& answers = state_.vars["answers"];
    std::string summary = "Выбор:";
    for (std::size_t i = 0; i < answers.size(); ++i) {
        summary += std::string(i == 0 ? " " : ", ") + kChoiceNames[answers[i] - '1'];
    }
    r.header.clear();
    r.lines = {summary + "."};
    if (a->consultative) {
        r.lines.push_back("Голос совещательный.");
    }
    r.choices = {"1 Подтвердить 2 Отмена"};
    r.footer.clear();
}

// One notice, or one poll with its options.
void Flows::layoutItem(Kind kind, PageRequest& r) {
    if (kind == Kind::Notice) {
        const auto i = static_cast<std::size_t>(top().arg);
        if (i >= notices().size()) {
            r.lines = {"Объявление снято."};
            return;
        }
        r.header = (notices()[i].emergency ? "! " : "") + notices()[i].title;
        r.lines = {notices()[i].body};
        return;
    }
    const OpenPoll* poll = chosenPoll();
    if (poll == nullptr) {
        return;
    }
    r.header.clear();
    r.lines = {poll->question};
    for (std::size_t o = 0; o < poll->options.size(); ++o) {
        r.choices.push_back(numbered(o, poll->options[o]));
    }
}

// Screens that end in a decision show their choices on their last page only;
// a number typed before then is not taken as one.
bool Flows::decisionHidden() {
    const Kind kind = current().kind;
    if (kind != Kind::Summary && kind != Kind::Consent) {
        return false;
    }
    const PageRequest request = layout();
    return !end_ && top().page + 1 < static_cast<int>(paginate(request).size());
}

void Flows::choose(int n) {
    if (decisionHidden()) {
        note_ = "Дочитайте: 99 Далее.";
        return;
    }
    bool taken = false;
    switch (current().kind) {
        case Kind::Menu:
        case Kind::ReportPhrases:
        case Kind::Notices:
        case Kind::Assemblies:
        case Kind::Polls:
            taken = chooseFromList(n);
            break;
        case Kind::Question:
            taken = answerQuestion(n);
            break;
        case Kind::Summary:
            taken = n == 1 || n == 2;
            if (n == 1) {
                vote();
            } else if (n == 2) {
                finish("Голос не записан. Проголосовать можно снова: " + dialCode_);
            }
            break;
        case Kind::Poll:
            taken = answerPoll(n);
            break;
        case Kind::Consent:
            taken = n == 1 || n == 2;
            if (n == 1) {
                backend_.setSmsConsent(state_.msisdn, true, std::string(kConsentVersion));
                finish("Согласие записано. SMS Вече будут приходить на этот номер.");
            } else if (n == 2) {
                finish("Согласие не дано. SMS приходить не будут.");
            }
            break;
        default:
            break;
    }
    if (!taken) {
        note_ = kNoSuchChoice;
    }
}

bool Flows::chooseFromList(int n) {
    if (n < 1) {
        return false;
    }
    const auto index = static_cast<std::size_t>(n - 1);
    const Node& here = current();
    if (here.kind == Kind::Notices) {
        if (index >= notices().size()) {
            return false;
        }
        push("notice", n - 1);
    } else if (here.kind == Kind::Assemblies) {
        if (index >= assemblies().size()) {
            return false;
        }
        state_.vars["assembly"] = assemblies()[index].id;
        state_.vars["answers"].clear();
        push("question", 0);
    } else if (here.kind == Kind::Polls) {
        if (index >= polls().size()) {
            return false;
        }
        state_.vars["poll"] = polls()[index].id;
        push("poll", n - 1);
    } else {
        const auto options = visibleOptions(here);
        if (index >= options.size()) {
            return false;
        }
        chooseOption(*options[index]);
    }
    return true;
}

bool Flows::answerQuestion(int n) {
    if (n < 1 || n > 3 || chosenAssembly() == nullptr) {
        return end_.has_value();
    }
    std::string& answers = state_.vars["answers"];
    answers.resize(static_cast<std::size_t>(top().arg));
    answers.push_back(static_cast<char>('0' + n));
    if (answers.size() < chosenAssembly()->items.size()) {
        push("question", top().arg + 1);
    } else {
        push("summary");
    }
    return true;
}

bool Flows::answerPoll(int n) {
    const OpenPoll* poll = chosenPoll();
    if (poll == nullptr) {
        return true;  // the session ends saying so
    }
    const auto index = static_cast<std::size_t>(n - 1);
    if (n < 1 || index >= poll->options.size()) {
        return false;
    }
    backend_.answerPoll(state_.msisdn, poll->id, n - 1, actKey("poll-" + poll->id));
    finish("Ответ принят: " + clip(poll->options[index], 40) + ". Спасибо!");
    return true;
}

void Flows::chooseOption(const Option& option) {
    if (option.node.empty()) {  // a fixed phrase of a report
        submitReport(std::string(option.value));
        return;
    }
    if (!option.value.empty()) {
        state_.vars["topic"] = std::string(option.value);
    }
    if (node(option.node).kind == Kind::SmsOff) {
        backend_.setSmsConsent(state_.msisdn, false, "");
        finish("SMS Вече выключены. Включить снова: " + dialCode_ + ", Мой номер.");
        return;
    }
    push(option.node);
}

void Flows::vote() {
    const OpenAssembly* a = chosenAssembly();
    if (a == nullptr) {
        return;
    }
    std::vector<Choice> choices;
    for (const char c : state_.vars["answers"]) {
        choices.push_back(static_cast<Choice>(c - '1'));
    }
    const VoteResult result = backend_.vote(state_.msisdn, a->id, choices, actKey("vote-" + a->id));
    if (!result.accepted) {
        finish("Голос не принят: " + result.error);
        return;
    }
    finish("Голос принят" + std::string(a->consultative ? " (совещательный)" : "") +
           ". Квитанция " + result.receipt + ". Она придёт и по SMS.");
}

void Flows::submitReport(const std::string& text) {
    const auto topic = state_.vars.find("topic");
    const std::string number =
        backend_.report(state_.msisdn, topic == state_.vars.end() ? "other" : topic->second, text,
                        actKey("report"));
    finish("Сообщение №" + number + " принято. Ответ придёт по SMS.");
}

const Caller& Flows::caller() {
    if (!caller_) {
        caller_ = backend_.caller(state_.msisdn);
    }
    return *caller_;
}

const std::vector<NoticeSummary>& Flows::notices() {
    if (!notices_) {
        notices_ = backend_.notices(state_.msisdn);
    }
    return *notices_;
}

const std::vector<OpenAssembly>& Flows::assemblies() {
    if (!assemblies_) {
        assemblies_ = backend_.assemblies(state_.msisdn);
    }
    return *assemblies_;
}

const std::vector<OpenPoll>& Flows::polls() {
    if (!polls_) {
        polls_ = backend_.polls(state_.msisdn);
    }
    return *polls_;
}

std::vector<const Option*> Flows::visibleOptions(const Node& n) {
    std::vector<const Option*> out;
    for (const Option& o : n.options) {
        const bool shown = o.audience == Audience::Everyone ||
                           (o.audience == Audience::Known && caller().known) ||
                           (o.audience == Audience::Unknown && !caller().known) ||
                           (o.audience == Audience::SmsOn && caller().smsConsent) ||
                           (o.audience == Audience::SmsOff && !caller().smsConsent);
        if (shown) {
            out.push_back(&o);
        }
    }
    return out;
}

// The poll chosen earlier in the session, if still open; otherwise the
// session ends saying so.
const OpenPoll* Flows::chosenPoll() {
    for (const OpenPoll& p : polls()) {
        if (p.id == state_.vars["poll"]) {
            return &p;
        }
    }
    finish("Опрос уже закрыт.");
    return nullptr;
}

// What makes an act of this session unique, however the gateway numbers its
// sessions: the number, the session, when it began, and the act.
std::string Flows::actKey(const std::string& act) const {
    return state_.msisdn + "|" + state_.id + "|" + std::to_string(state_.startedAt) + "|" + act;
}

// The assembly chosen earlier in the session, if the caller may still vote in
// it; otherwise the session ends saying so.
const OpenAssembly* Flows::chosenAssembly() {
    for (const OpenAssembly& a : assemblies()) {
        if (a.id == state_.vars["assembly"]) {
            return &a;
        }
    }
    finish("Голосование уже закрыто. Голос не записан.");
    return nullptr;
}

}  // namespace veche::ussd
