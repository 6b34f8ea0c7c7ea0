#include "veche/kiosk/sample_content.h"

#include "veche/signing/phone_hash.h"

namespace veche::kiosk {
namespace {

constexpr Millis kDay = 24LL * 60 * 60 * 1000;
constexpr int kIterations = 1'000;  // the hub uses more; any count works for samples

struct SampleNotice {
    const char* category;
    const char* categoryTitle;
    const char* title;
    const char* body;
};

constexpr SampleNotice kNotices[] = {
    {"emergency", "Экстренное", "Отключение горячей воды 28 ноября",
     "В связи с аварией на теплотрассе горячей воды не будет 28 ноября с 9:00 до 18:00. "
     "Аварийная служба: 8 (495) 123-45-67."},
    {"housing", "ЖКХ и санитария", "Уборка подъездов по новому графику",
     "С 1 декабря подъезды моют по понедельникам и четвергам. Просьба не оставлять обувь и "
     "коляски на лестничных площадках."},
    {"housing", "ЖКХ и санитария", "Поверка счётчиков воды",
     "Срок поверки счётчиков в квартирах 1–40 истекает в январе. Запись у председателя совета "
     "дома."},
    {"public_order", "Правопорядок", "Приём участкового",
     "Участковый уполномоченный принимает жителей по вторникам с 18:00 до 20:00 в помещении "
     "ТОС, ул. Садовая, 10."},
    {"health", "Здравоохранение", "Прививки от гриппа",
     "Поликлиника № 3 проводит вакцинацию от гриппа без записи до 15 декабря, кабинет 104."},
    {"youth_sport_culture", "Молодёжь, спорт и культура", "Новогодний праздник во дворе",
     "27 декабря в 17:00 во дворе дома — ёлка, Дед Мороз и горячий чай. Приходите всей семьёй!"},
    {"board", "Доска объявлений", "Отдам книги",
     "Отдам бесплатно собрание сочинений Чехова, 12 томов. Кв. 15, звонить в домофон."},
};

std::string agendaJson() {
    return R"([{"id":"1","title":"Избрать председателем собрания Иванову Анну Петровну, )"
           R"(секретарём — Петрова Бориса Ивановича, и поручить им подсчёт голосов."},)"
           R"({"id":"2","title":"Утвердить смету на ремонт кровли в 2027 году в размере )"
           R"(1 250 000 рублей за счёт средств фонда капитального ремонта."},)"
           R"({"id":"3","title":"Установить шлагбаум на въезде во двор и утвердить порядок )"
           R"(выдачи пультов собственникам."}])";
}

}  // namespace

Changes sampleChanges(Millis now, const std::string& phone, int extraNotices) {
    Changes c;
    c.cursor = std::to_string(now);
    c.buildingAddress = "ул. Садовая, 12";
    c.territoryName = "ТОС «Садовый»";
    int n = 0;
    for (const SampleNotice& s : kNotices) {
        c.notices.push_back({"sample-" + std::to_string(++n), s.category, s.categoryTitle, s.title,
                             s.body, "Совет ТОС", now - n * 60'000, now + 30 * kDay});
    }
    for (int i = 0; i < extraNotices; ++i) {
        c.notices.push_back({"extra-" + std::to_string(i), "board", "Доска объявлений",
                             "Объявление № " + std::to_string(i + 1),
                             "Текст объявления жителей дома. Продаю, отдам, ищу, благодарю.",
                             "Житель", now - (i + 10) * 60'000, now + 30 * kDay});
    }
    const std::string open = std::to_string(now - kDay), close = std::to_string(now + 14 * kDay);
    c.assembliesJson =
        R"([{"id":"sample-oss","rules":"oss-mkd","title":"Годовое общее собрание собственников",)"
        R"("status":"open","opens_at":)" +
        open + R"(,"closes_at":)" + close + R"(,"electronic_binding":false,"agenda":)" +
        agendaJson() +
        R"(},{"id":"sample-tos","rules":"tos-meeting","title":"Собрание ТОС «Садовый»",)"
        R"("status":"open","opens_at":)" +
        open + R"(,"closes_at":)" + close +
        R"(,"electronic_binding":true,"agenda":[{"id":"1","title":"Утвердить план )"
        R"(благоустройства двора на 2027 год."}]}])";
    c.pollsJson =
        R"([{"id":"sample-poll-1","question":"Где поставить новые скамейки?",)"
        R"("options":["У подъезда","На детской площадке","У спортивной площадки"],"opens_at":)" +
        open + R"(,"closes_at":)" + close +
        R"(},{"id":"sample-poll-2","question":"Нужна ли во дворе площадка для выгула собак?",)"
        R"("options":["Да","Нет"],"opens_at":)" +
        open + R"(,"closes_at":)" + close + "}]";
    c.eligibilitySalt = "sample-salt";
    c.eligibilityIterations = kIterations;
    c.voters = {{signing::phoneHash(c.eligibilitySalt, phone, kIterations), "sample-owner"}};
    return c;
}

}  // namespace veche::kiosk
