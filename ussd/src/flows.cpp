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
        case Kind::ReportPhrases: {
            const auto options = visibleOptions(n);
            for (std::size_t i = 0; i < options.size(); ++i) {
                r.choices.push_back(numbered(i, std::string(options[i]->label)));
            }
            if (n.id == "main" && !caller().known) {
                r.header = "Вече. Номер не привязан";
            }
            break;
        }
        case Kind::Notices:
            for (std::size_t i = 0; i < notices().size(); ++i) {
                const NoticeSummary& notice = notices()[i];
                r.choices.push_back(numbered(i, (notice.emergency ? "! " : "") + notice.title));
            }
            if (notices().empty()) {
                r.lines = {"Объявлений нет."};
            }
            break;
        case Kind::Notice: {
            const auto i = static_cast<std::size_t>(top().arg);
            if (i >= notices().size()) {
                r.lines = {"Объявление снято."};
                break;
            }
            const NoticeSummary& notice = notices()[i];
            r.header = (notice.emergency ? "! " : "") + notice.title;
            r.lines = {notice.body};
            break;
        }
        case Kind::Assemblies:
            for (std::size_t i = 0; i < assemblies().size(); ++i) {
                r.choices.push_back(numbered(i, assemblies()[i].title));
            }
            if (assemblies().empty()) {
                r.lines = {"Для вашего номера нет открытых голосований."};
            }
            break;
        case Kind::Question: {
            const OpenAssembly* a = chosenAssembly();
            if (a == nullptr) {
                break;
            }
            const auto k = static_cast<std::size_t>(top().arg);
            r.header = "Вопрос " + std::to_string(k + 1) + "/" + std::to_string(a->items.size());
            r.lines = {a->items[k].wording};
            // The choices on every page, since the wording may take several;
            // no room for "0 Назад" (0 still goes back).
            r.footer = {"1 За 2 Против 3 Возд."};
            break;
        }
        case Kind::Summary: {
            const OpenAssembly* a = chosenAssembly();
            if (a == nullptr) {
                break;
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
            break;
        }
        case Kind::Polls:
            for (std::size_t i = 0; i < polls().size(); ++i) {
                r.choices.push_back(numbered(i, polls()[i].question));
            }
            if (polls().empty()) {
                r.lines = {"Открытых опросов нет."};
            }
            break;
        case Kind::Poll: {
            const auto i = static_cast<std::size_t>(top().arg);
            if (i >= polls().size()) {
                finish("Опрос уже закрыт.");
                break;
            }
            r.header = "Опрос";
            r.lines = {polls()[i].question};
            for (std::size_t o = 0; o < polls()[i].options.size(); ++o) {
                r.choices.push_back(numbered(o, polls()[i].options[o]));
            }
            break;
        }
        case Kind::ReportText:
            r.lines = {std::string(n.text)};
            break;
        case Kind::Consent:
            r.lines = {std::string(n.text)};
            r.choices = {"1 Согласен", "2 Не согласен"};
            break;
        case Kind::Building:
            r.lines = {"Номер привязан: " + caller().buildingName};
            break;
        case Kind::SmsOff:
        case Kind::Info:
            r.lines = {std::string(n.text)};
            break;
    }
    return r;
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
    const Node& here = current();
    const auto index = static_cast<std::size_t>(n - 1);
    if (decisionHidden()) {
        note_ = "Дочитайте: 99 Далее.";
        return;
    }
    switch (here.kind) {
        case Kind::Menu:
        case Kind::ReportPhrases: {
            const auto options = visibleOptions(here);
            if (n < 1 || index >= options.size()) {
                break;
            }
            chooseOption(*options[index]);
            return;
        }
        case Kind::Notices:
            if (n >= 1 && index < notices().size()) {
                push("notice", n - 1);
                return;
            }
            break;
        case Kind::Assemblies:
            if (n >= 1 && index < assemblies().size()) {
                state_.vars["assembly"] = assemblies()[index].id;
                state_.vars["answers"].clear();
                push("question", 0);
                return;
            }
            break;
        case Kind::Question:
            if (n >= 1 && n <= 3 && chosenAssembly() != nullptr) {
                std::string& answers = state_.vars["answers"];
                answers.resize(static_cast<std::size_t>(top().arg));
                answers.push_back(static_cast<char>('0' + n));
                if (answers.size() < chosenAssembly()->items.size()) {
                    push("question", top().arg + 1);
                } else {
                    push("summary");
                }
                return;
            }
            break;
        case Kind::Summary:
            if (n == 1) {
                vote();
                return;
            }
            if (n == 2) {
                finish("Голос не записан. Проголосовать можно снова: " + dialCode_);
                return;
            }
            break;
        case Kind::Polls:
            if (n >= 1 && index < polls().size()) {
                state_.vars["poll"] = polls()[index].id;
                push("poll", n - 1);
                return;
            }
            break;
        case Kind::Poll: {
            const auto p = static_cast<std::size_t>(top().arg);
            if (p < polls().size() && n >= 1 && index < polls()[p].options.size()) {
                const OpenPoll& poll = polls()[p];
                backend_.answerPoll(state_.msisdn, poll.id, n - 1,
                                    "ussd-" + state_.id + "-" + poll.id);
                finish("Ответ принят: " + clip(poll.options[index], 40) + ". Спасибо!");
                return;
            }
            break;
        }
        case Kind::Consent:
            if (n == 1 || n == 2) {
                if (n == 1) {
                    backend_.setSmsConsent(state_.msisdn, true, std::string(kConsentVersion));
                }
                finish(n == 1 ? "Согласие записано. SMS Вече будут приходить на этот номер."
                              : "Согласие не дано. SMS приходить не будут.");
                return;
            }
            break;
        default:
            break;
    }
    note_ = kNoSuchChoice;
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
    const VoteResult result =
        backend_.vote(state_.msisdn, a->id, choices, "ussd-" + state_.id + "-" + a->id);
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
                        "ussd-" + state_.id);
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
