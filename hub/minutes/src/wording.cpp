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

std::string percent(const core::Fraction& part, const core::Fraction& whole) {
    if (whole == core::Fraction{}) {
        return paperwork::formatPercent("0", 2);
    }
    return paperwork::formatPercent((part * core::Fraction(100) / whole).toDecimal(2), 2);
}

std::string bodyOf(core::RuleSet rules) {
    switch (rules) {
        case core::RuleSet::OssMkd:
            return "общего собрания собственников помещений в многоквартирном доме";
        case core::RuleSet::TosMeeting:
            return "собрания граждан, осуществляющих территориальное общественное самоуправление";
        case core::RuleSet::TosConference:
            return "конференции территориального общественного самоуправления";
        case core::RuleSet::Snt:
            return "общего собрания членов товарищества";
        case core::RuleSet::Skhod:
            return "схода граждан";
        case core::RuleSet::Poll:
            return "опроса жителей";
    }
    return "";
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

std::string thresholdOf(core::Threshold threshold) {
    switch (threshold) {
        case core::Threshold::ParticipantsMajority:
            return "более половины голосов участников собрания";
        case core::Threshold::ParticipantsTwoThirds:
            return "не менее двух третей голосов участников собрания";
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
