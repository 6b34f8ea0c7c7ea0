#include "wording.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

namespace veche::minutes::wording {
namespace {

Poco::DateTime localOf(std::int64_t ms, int utcOffsetMinutes) {
    return Poco::DateTime(
        Poco::Timestamp((ms + static_cast<std::int64_t>(utcOffsetMinutes) * 60'000) * 1000));
}

}  // namespace

std::string amount(const core::Fraction& votes, core::RuleSet rules, paperwork::Grouping grouping) {
    const std::string nbsp(paperwork::kNbsp);
    if (core::weighsByArea(rules)) {
        return paperwork::formatDecimal(votes.toDecimal(2), 2, grouping) + nbsp + "м²";
    }
    return paperwork::formatDecimal(votes.toDecimal(0), grouping) + nbsp + "чел.";
}

std::string withPeriod(const std::string& text) {
    return !text.empty() && text.back() == '.' ? text : text + ".";
}

std::string percent(const core::Fraction& part, const core::Fraction& whole) {
    if (whole == core::Fraction{}) {
        return paperwork::formatPercent("0", 2);
    }
    return paperwork::formatPercent((part * core::Fraction(100) / whole).toDecimal(2), 2);
}

const Terms& termsOf(core::RuleSet rules) {
    static const Terms oss{"общего собрания собственников помещений в многоквартирном доме",
                           "годового",
                           "внеочередного",
                           "собрания",
                           "Собрание правомочно",
                           "Собрание неправомочно",
                           "собственников помещений",
                           "Собственник",
                           "Реестр собственников помещений"};
    static const Terms tos{
        "собрания граждан, осуществляющих территориальное общественное "
        "самоуправление",
        "очередного",
        "внеочередного",
        "собрания",
        "Собрание правомочно",
        "Собрание неправомочно",
        "граждан, проживающих на территории и достигших 16 лет",
        "Гражданин",
        "Список граждан, проживающих на территории и достигших 16 лет"};
    static const Terms conference{
        "конференции граждан, осуществляющих территориальное общественное самоуправление",
        "очередной",
        "внеочередной",
        "конференции",
        "Конференция правомочна",
        "Конференция неправомочна",
        "избранных делегатов",
        "Делегат",
        "Список избранных делегатов конференции"};
    static const Terms snt{
        "общего собрания членов садоводческого (огороднического) "
        "некоммерческого товарищества",
        "очередного",
        "внеочередного",
        "собрания",
        "Собрание правомочно",
        "Собрание неправомочно",
        "членов товарищества",
        "Член товарищества",
        "Реестр членов товарищества"};
    static const Terms skhod{"схода граждан",
                             "",
                             "",
                             "схода",
                             "Сход правомочен",
                             "Сход неправомочен",
                             "жителей, обладающих избирательным правом",
                             "Житель",
                             "Список жителей, обладающих избирательным правом"};
    static const Terms poll{"опроса жителей", "", "", "опроса", "", "", "жителей", "Житель",
                            "Список жителей"};
    switch (rules) {
        case core::RuleSet::OssMkd:
            return oss;
        case core::RuleSet::TosMeeting:
            return tos;
        case core::RuleSet::TosConference:
            return conference;
        case core::RuleSet::Snt:
            return snt;
        case core::RuleSet::Skhod:
            return skhod;
        case core::RuleSet::Poll:
            break;
    }
    return poll;
}

std::string formOf(MeetingForm form) {
    switch (form) {
        case MeetingForm::InPerson:
            return "очного голосования (совместного присутствия)";
        case MeetingForm::Absentee:
            return "заочного голосования (опросным путём)";
        case MeetingForm::Mixed:
            return "очно-заочного голосования";
    }
    return "";
}

std::string thresholdOf(core::Threshold threshold, const Terms& terms) {
    switch (threshold) {
        case core::Threshold::ParticipantsMajority:
            return "более половины голосов участников " + terms.meeting;
        case core::Threshold::ParticipantsTwoThirds:
            return "не менее двух третей голосов участников " + terms.meeting;
        case core::Threshold::AllMajority:
            return "более половины от общего числа голосов";
        case core::Threshold::AllTwoThirds:
            return "не менее двух третей от общего числа голосов";
        case core::Threshold::AllUnanimous:
            return "все голоса (единогласно)";
    }
    return "";
}

std::string channelOf(const std::string& channel) {
    if (channel == "paper") {
        return "письменное решение";
    }
    if (channel == "kiosk") {
        return "терминал";
    }
    if (channel == "ussd") {
        return "USSD";
    }
    if (channel == "sms") {
        return "SMS";
    }
    return channel;
}

std::string channelsOf(const std::string& channel) {
    return channel == "paper" ? "письменные решения" : channelOf(channel);
}

std::string statusOf(ReceivedBallot::Status status) {
    switch (status) {
        case ReceivedBallot::Status::Counted:
            return "учтён";
        case ReceivedBallot::Status::CountedConsultative:
            return "учтён отдельно (совещательно)";
        case ReceivedBallot::Status::Repeat:
            return "не учтён: повторный, учтено более раннее решение";
        case ReceivedBallot::Status::RepeatConsultative:
            return "не учтён: повторный электронный, учтён более ранний";
        case ReceivedBallot::Status::Late:
            return "не учтён: получен после окончания голосования";
    }
    return "";
}

paperwork::CivilDate localDate(std::int64_t ms, int utcOffsetMinutes) {
    const Poco::DateTime t = localOf(ms, utcOffsetMinutes);
    return {t.year(), t.month(), t.day()};
}

std::string localDateTime(std::int64_t ms, int utcOffsetMinutes) {
    return Poco::DateTimeFormatter::format(localOf(ms, utcOffsetMinutes), "%d.%m.%Y %H:%M");
}

}  // namespace veche::minutes::wording
