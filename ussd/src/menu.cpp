#include "veche/ussd/menu.h"

#include <stdexcept>
#include <string>

namespace veche::ussd {

const std::vector<Node>& menu() {
    using A = Audience;
    static const std::vector<Node> nodes = {
        {"main",
         Kind::Menu,
         "Вече",
         {{"Объявления", "notices"},
          {"Голосование", "assemblies", A::Known},
          {"Опросы", "polls", A::Known},
          {"Сообщить о проблеме", "report", A::Known},
          {"Мой номер", "number"}}},
        {"notices", Kind::Notices, "Объявления"},
        {"notice", Kind::Notice, ""},
        {"assemblies", Kind::Assemblies, "Голосование"},
        {"question", Kind::Question, ""},
        {"summary", Kind::Summary, "Ваш выбор"},
        {"polls", Kind::Polls, "Опросы"},
        {"poll", Kind::Poll, ""},
        {"report",
         Kind::Menu,
         "Тема:",
         {{"ЖКХ", "report-housing", A::Everyone, "housing"},
          {"Двор и улица", "report-improvement", A::Everyone, "improvement"},
          {"Порядок", "report-order", A::Everyone, "public_order"},
          {"Здоровье", "report-health", A::Everyone, "health"},
          {"Другое", "report-text", A::Everyone, "other"}}},
        {"report-housing",
         Kind::ReportPhrases,
         "ЖКХ",
         {{"Нет воды", "", A::Everyone, "Нет воды"},
          {"Нет отопления", "", A::Everyone, "Нет отопления"},
          {"Не работает лифт", "", A::Everyone, "Не работает лифт"},
          {"Протечка", "", A::Everyone, "Протечка"},
          {"Свой текст", "report-text"}}},
        {"report-improvement",
         Kind::ReportPhrases,
         "Двор и улица",
         {{"Не горит фонарь", "", A::Everyone, "Не горит фонарь"},
          {"Мусор во дворе", "", A::Everyone, "Мусор во дворе"},
          {"Яма или лёд", "", A::Everyone, "Яма или лёд на дороге"},
          {"Свой текст", "report-text"}}},
        {"report-order",
         Kind::ReportPhrases,
         "Порядок",
         {{"Шум ночью", "", A::Everyone, "Шум ночью"},
          {"Чужие в подъезде", "", A::Everyone, "Посторонние в подъезде"},
          {"Свой текст", "report-text"}}},
        {"report-health",
         Kind::ReportPhrases,
         "Здоровье",
         {{"Соседу нужна помощь", "", A::Everyone, "Соседу нужна помощь"},
          {"Свой текст", "report-text"}}},
        {"report-text",
         Kind::ReportText,
         "Ваше сообщение",
         {},
         "Напишите коротко, что случилось, и отправьте."},
        {"number",
         Kind::Menu,
         "Мой номер",
         {{"Включить SMS", "consent", A::SmsOff},
          {"Выключить SMS", "sms-off", A::SmsOn},
          {"Мой дом", "building", A::Known},
          {"Как привязать номер", "how-to-link", A::Unknown}}},
        {"consent",
         Kind::Consent,
         "",
         {},
         "Согласие на SMS: Вече присылает объявления и оповещения вашего дома на этот "
         "номер, бесплатно. Отказ: СТОП в ответ на SMS или здесь же."},
        {"sms-off", Kind::SmsOff, "SMS выключены"},
        {"building", Kind::Building, "Мой дом"},
        {"how-to-link",
         Kind::Info,
         "Как привязать номер",
         {},
         "Привяжите номер к квартире в киоске в подъезде (Мой телефон) или в офисе ТОС. "
         "Тогда здесь откроются голосования и опросы вашего дома."},
    };
    return nodes;
}

const Node& node(std::string_view id) {
    for (const Node& n : menu()) {
        if (n.id == id) {
            return n;
        }
    }
    throw std::out_of_range("no USSD menu node '" + std::string(id) + "'");
}

}  // namespace veche::ussd
