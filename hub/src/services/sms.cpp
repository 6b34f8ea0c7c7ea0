#include "veche/hub/services/sms.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "veche/core/phone.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/counting.h"
#include "veche/modem/sms_text.h"

namespace veche::hub {
namespace {

constexpr Millis kHelpEvery = 60LL * 60 * 1000;

// Upper case for ASCII and Russian letters; the rest as it is.
char32_t upper(char32_t c) {
    if ((c >= U'a' && c <= U'z') || (c >= U'а' && c <= U'я')) {
        return c - 32;
    }
    return c == U'ё' ? U'Ё' : c;
}

// Latin capitals that look like Cyrillic ones.
char32_t cyrillicLookAlike(char32_t c) {
    static const std::u32string kLatin = U"ABCEHKMOPTXY";
    static const std::u32string kCyrillic = U"АВСЕНКМОРТХУ";
    const auto at = kLatin.find(c);
    return at == std::u32string::npos ? c : kCyrillic[at];
}

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U',' || c == U'.' ||
           c == U'!';
}

std::vector<std::string> wordsOf(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) {
        words.push_back(w);
    }
    return words;
}

bool isNumber(const std::string& s) {
    return !s.empty() && s.size() <= 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const std::set<std::string>& stopWords() {
    static const std::set<std::string> kWords = [] {
        std::set<std::string> w;
        for (const char* k : {"СТОП", "STOP", "ОТПИСКА", "STOPALL", "UNSUBSCRIBE", "ОТПИСАТЬСЯ"}) {
            w.insert(canonicalWord(k));
        }
        return w;
    }();
    return kWords;
}

const std::set<std::string>& startWords() {
    static const std::set<std::string> kWords = {canonicalWord("СТАРТ"), canonicalWord("START")};
    return kWords;
}

const std::set<std::string>& voteWords() {
    static const std::set<std::string> kWords = {canonicalWord("Г"), canonicalWord("ГОЛОС")};
    return kWords;
}

// "Г 1 2 3" or "Г123": the digits after the keyword, one per agenda item.
std::string choiceDigits(const std::string& text) {
    std::string digits;
    bool keyword = true;
    for (char c : text) {
        if (keyword) {
            keyword = c != ' ' && !(c >= '0' && c <= '9');
            if (keyword) {
                continue;
            }
        }
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c != ' ' && c != ',') {
            return "";
        }
    }
    return digits;
}

}  // namespace

std::string canonicalWord(const std::string& text) {
    std::u32string word;
    try {
        for (char32_t c : modem::utf8ToCodePoints(text)) {
            if (isSpace(c)) {
                if (word.empty()) {
                    continue;
                }
                break;
            }
            word.push_back(cyrillicLookAlike(upper(c)));
        }
    } catch (const std::invalid_argument&) {
        return "";
    }
    return modem::codePointsToUtf8(word);
}

SmsService::SmsService(Hub& hub, SmsStore& outbox, const Clock& clock)
    : hub_(hub), outbox_(outbox), clock_(clock), scope_(hub, clock) {}

int SmsService::fanOut(const Notice& n) {
    const auto phones = hub_.residents().store().smsRecipients(n.territoryId, n.buildingIds);
    const bool emergency = n.category == NoticeCategory::Emergency;
    const std::string text = std::string(titleOf(n.category)) + ": " + n.title + ". " + n.body;
    std::vector<modem::QueuedSms> messages;
    for (const std::string& phone : phones) {
        messages.push_back(
            {0, phone, text,
             emergency ? modem::SmsPriority::Emergency : modem::SmsPriority::Broadcast, 0});
    }
    outbox_.enqueue(messages, emergency ? "alert" : "notice", clock_.now());
    return static_cast<int>(messages.size());
}

void SmsService::handle(const modem::IncomingSms& sms) {
    const auto phone = core::normalisePhone(sms.from);
    if (!phone) {
        return;  // not a Russian mobile number: nobody to act for or answer
    }
    const std::string first = canonicalWord(sms.text);
    if (stopWords().count(first) > 0) {
        hub_.residents().store().withdrawConsents(*phone, "sms", clock_.now(), "sms");
        send(*phone, "Вы отписались от SMS Вече. Чтобы снова получать их, отправьте СТАРТ.",
             "reply");
        return;
    }
    // The network has proven the sender's number, as a kiosk's code would.
    hub_.residents().registerPhone(*phone, "sms");
    if (startWords().count(first) > 0) {
        hub_.residents().giveConsent(*phone, "sms", kSmsStartConsentVersion, "sms");
        send(*phone,
             "Вы подписались на SMS Вече: объявления и оповещения вашего дома. Отписаться: СТОП.",
             "reply");
        return;
    }
    if (voteWords().count(first.substr(0, first.find_first_of("0123456789"))) > 0) {
        vote(*phone, sms.text);
        return;
    }
    if (answerPoll(*phone, wordsOf(sms.text))) {
        return;
    }
    if (!outbox_.sentSince(*phone, "help", clock_.now() - kHelpEvery)) {
        send(*phone,
             "Вече: ответ на опрос - номер ответа (или номер опроса и ответа: 1 2). "
             "СТОП - отписаться, СТАРТ - подписаться.",
             "help");
    }
}

bool SmsService::answerPoll(const std::string& phone, const std::vector<std::string>& words) {
    if (words.empty() || words.size() > 2 || !std::all_of(words.begin(), words.end(), isNumber)) {
        return false;
    }
    const std::vector<Poll> open = scope_.openPollsFor(phone);
    std::size_t pollIndex = 0;
    int option = std::stoi(words.back());
    if (words.size() == 2) {
        pollIndex = static_cast<std::size_t>(std::stoi(words[0])) - 1;
    } else if (open.size() != 1) {
        std::string list =
            open.empty() ? "Сейчас нет открытых опросов для вашего номера." : "Открытые опросы:";
        for (std::size_t i = 0; i < open.size(); ++i) {
            list += " " + std::to_string(i + 1) + " - " + open[i].question + ";";
        }
        send(phone, list + (open.empty() ? "" : " Ответьте: номер опроса и номер ответа."),
             "reply");
        return true;
    }
    if (pollIndex >= open.size() || option < 1 ||
        static_cast<std::size_t>(option) > open[pollIndex].options.size()) {
        send(phone, "Нет такого опроса или ответа. Проверьте номера и отправьте снова.", "reply");
        return true;
    }
    const Poll& poll = open[pollIndex];
    const Millis now = clock_.now();
    hub_.polls().answer(poll.id, phone, option - 1, now,
                        "sms-" + phone + "-" + poll.id + "-" + std::to_string(now), "sms");
    send(phone, "Ответ принят: " + poll.options[static_cast<std::size_t>(option - 1)] + ".",
         "reply");
    return true;
}

void SmsService::vote(const std::string& phone, const std::string& text) {
    const auto open = scope_.openAssembliesFor(phone);
    if (open.size() != 1) {
        send(phone,
             open.empty() ? "Для вашего номера нет открытых голосований. Номер привязывают к "
                            "квартире в киоске или в ТОС."
                          : "Открыто несколько голосований: проголосуйте в киоске или по USSD.",
             "reply");
        return;
    }
    const auto& [assembly, owner] = open.front();
    const std::string digits = choiceDigits(text);
    if (digits.size() != assembly.agenda.items.size() ||
        digits.find_first_not_of("123") != std::string::npos) {
        send(phone,
             "Отправьте Г и по цифре на каждый из " + std::to_string(assembly.agenda.items.size()) +
                 " вопросов: 1 - за, 2 - против, 3 - воздержался. Например: Г " +
                 std::string(assembly.agenda.items.size(), '1'),
             "reply");
        return;
    }
    const Millis now = clock_.now();
    Ballot ballot;
    ballot.id = "sms-" + phone.substr(1) + "-" + assembly.id + "-" + std::to_string(now);
    ballot.assemblyId = assembly.id;
    ballot.voterId = owner;
    ballot.channel = Channel::Sms;
    ballot.castAt = now;
    ballot.source = "sms";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        static constexpr core::Choice kChoices[] = {core::Choice::For, core::Choice::Against,
                                                    core::Choice::Abstain};
        ballot.answers.emplace_back(assembly.agenda.items[i].id, kChoices[digits[i] - '1']);
    }
    try {
        hub_.submitBallot(ballot);
    } catch (const ApiError& e) {
        send(phone, "Голос не принят: " + std::string(e.what()), "reply");
        return;
    }
    send(phone,
         isBinding(Channel::Sms, assembly)
             ? "Голос принят: " + assembly.title + "."
             : "Голос принят как совещательный (по закону решение принимают бюллетени "
               "собрания): " +
                   assembly.title + ".",
         "receipt");
}

void SmsService::send(const std::string& phone, const std::string& text, const std::string& kind) {
    outbox_.enqueue({{0, phone, text, modem::SmsPriority::Reply, 0}}, kind, clock_.now());
}

}  // namespace veche::hub
