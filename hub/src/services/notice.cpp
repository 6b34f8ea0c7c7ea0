#include "veche/hub/services/notice.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <cstdio>

#include "veche/minutes/protocol.h"

namespace veche::hub {
namespace {

std::string formName(Form form) {
    switch (form) {
        case Form::InPerson:
            return "очное (совместное присутствие)";
        case Form::Absentee:
            return "заочное (опросным путём, письменными решениями)";
        case Form::Mixed:
            return "очно-заочное";
    }
    return "";
}

// "внеочередного " or the word for a regular meeting: «годовое» for owners,
// «очередное» for ТОС and СНТ, none for a сход or a poll.
std::string kindName(core::RuleSet rules, bool extraordinary) {
    switch (rules) {
        case core::RuleSet::OssMkd:
            return extraordinary ? "внеочередного " : "годового ";
        case core::RuleSet::TosMeeting:
        case core::RuleSet::Snt:
            return extraordinary ? "внеочередного " : "очередного ";
        case core::RuleSet::TosConference:
            return extraordinary ? "внеочередной " : "очередной ";
        case core::RuleSet::Skhod:
        case core::RuleSet::Poll:
            break;
    }
    return "";
}

}  // namespace

std::string localTime(Millis t, int utcOffsetMinutes) {
    const Poco::Timestamp local((t + static_cast<Millis>(utcOffsetMinutes) * 60'000) * 1000);
    char zone[16];
    std::snprintf(zone, sizeof zone, "UTC%c%02d:%02d", utcOffsetMinutes < 0 ? '-' : '+',
                  std::abs(utcOffsetMinutes) / 60, std::abs(utcOffsetMinutes) % 60);
    return Poco::DateTimeFormatter::format(local, "%d.%m.%Y %H:%M") + " (" + zone + ")";
}

std::string noticeText(const Assembly& a, TerritoryStore& territories, int utcOffsetMinutes) {
    std::string address;
    if (a.buildingId) {
        if (const auto b = territories.building(*a.buildingId)) {
            address = b->address;
        }
    } else if (const auto t = territories.territory(a.territoryId)) {
        address = t->name;
    }
    auto at = [utcOffsetMinutes](Millis t) { return localTime(t, utcOffsetMinutes); };
    std::string text = "СООБЩЕНИЕ\nо проведении " + kindName(a.agenda.rules, a.extraordinary) +
                       minutes::bodyOf(a.agenda.rules) + "\n" + address + "\n\n";
    text += "Инициатор собрания: " + a.initiator + ".\n";
    text += "Форма проведения: " + formName(a.form) + ".\n";
    if (a.form != Form::Absentee) {
        text += "Очное обсуждение: " + at(a.opensAt) + ", место: " + a.place + ".\n";
    }
    if (a.form != Form::InPerson) {
        text += "Голосование: с " + at(a.opensAt) + " до " + at(a.closesAt) + ".\n";
        text += "Письменные решения принимаются по адресу: " + a.ballotAddress +
                " — до окончания голосования.\n";
    } else {
        text += "Окончание собрания: " + at(a.closesAt) + ".\n";
    }
    text += "\nПовестка дня:\n";
    int n = 0;
    for (const core::AgendaItem& item : a.agenda.items) {
        text += std::to_string(++n) + ". " + item.title + "\n";
    }
    text += "\nС материалами по вопросам повестки можно ознакомиться: " + a.materials + ".\n";
    if (a.agenda.rules == core::RuleSet::OssMkd) {
        text +=
            "\nСообщение размещается также в ГИС ЖКХ (ч. 4 ст. 45 ЖК РФ). Голоса, поданные "
            "через терминал, USSD или SMS, " +
            std::string(a.electronicBinding ? "учитываются при подсчёте."
                                            : "носят консультативный характер; решение "
                                              "принимается по письменным решениям "
                                              "собственников.") +
            "\n";
    }
    return text;
}

}  // namespace veche::hub
