// The appendices the hub knows only in part: the proof of notification (the
// notice on the kiosks, then lines for the other ways), the powers of
// attorney (lines only) and the written decisions (a column for their
// sheets), LAW.md §7's mandatory annexes c), e), g); and the register of
// every ballot received.
#include <map>

#include "appendices.h"
#include "blocks.h"
#include "wording.h"

namespace veche::minutes {
namespace {

using blocks::para;
using paperwork::Align;

constexpr int kBlankRows = 8;  // lines the operator fills in by hand

// A table of `headings` with `rows` blank lines numbered from `first`.
paperwork::Table blankTable(std::vector<std::string> headings, std::vector<double> widths,
                            int first, int rows) {
    paperwork::Table t;
    t.columnWidths = std::move(widths);
    t.columnAligns.assign(headings.size(), Align::Left);
    t.columnAligns.front() = Align::Right;
    t.rows.push_back(std::move(headings));
    for (int n = first; n < first + rows; ++n) {
        std::vector<std::string> row(t.rows.front().size());
        row.front() = std::to_string(n);
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace

std::pair<int, int> paperBallots(const MeetingRecord& r) {
    std::pair<int, int> n{0, 0};
    for (const ReceivedBallot& b : r.received) {
        if (b.channel == "paper") {
            ++n.first;
            n.second += b.status == ReceivedBallot::Status::Counted ? 1 : 0;
        }
    }
    return n;
}

void addNotification(paperwork::Document& d, const MeetingRecord& r) {
    paperwork::Table t =
        blankTable({"№", "Способ уведомления", "Дата, период", "Подтверждающий документ", "Листов"},
                   {6, 30, 24, 28, 12}, 1, 0);
    if (const auto& p = r.noticePosting) {
        const int offset = r.facts.utcOffsetMinutes;
        const auto period = [offset](std::int64_t from, std::int64_t until) {
            return "с " + wording::localDateTime(from, offset) + " до " +
                   wording::localDateTime(until, offset);
        };
        for (const NoticePosting::Kiosk& k : p->kiosks) {
            t.rows.push_back({std::to_string(t.rows.size()),
                              paperwork::typeset("размещение сообщения на информационном "
                                                 "терминале " +
                                                 k.name),
                              period(k.from, k.until), "данные системы «Вече»", ""});
        }
        if (p->kiosks.empty()) {
            t.rows.push_back({"1",
                              "размещение сообщения на информационных терминалах (терминалов "
                              "не было)",
                              period(p->postedAt, p->shownUntil), "данные системы «Вече»", ""});
        }
    }
    const paperwork::Table blank =
        blankTable(t.rows.front(), t.columnWidths, static_cast<int>(t.rows.size()), kBlankRows);
    t.rows.insert(t.rows.end(), blank.rows.begin() + 1, blank.rows.end());
    d.blocks.push_back(
        para(r.noticePosting
                 ? "Размещение сообщения на терминалах указано по данным системы. Иные способы "
                   "(размещение в помещениях дома, вручение под подпись, почтовые "
                   "отправления) заполняются вручную; подтверждающие документы (акт "
                   "размещения, реестр вручения, почтовые квитанции) прилагаются."
                 : "Система не размещала сообщение. Способы уведомления заполняются вручную; "
                   "подтверждающие документы (акт размещения, реестр вручения, почтовые "
                   "квитанции) прилагаются."));
    d.blocks.push_back(std::move(t));
}

void addProxies(paperwork::Document& d) {
    d.blocks.push_back(
        para("Система не ведёт сведений о представителях. Перечень заполняется вручную; копии "
             "доверенностей (иных документов о полномочиях) прилагаются. Если представителей не "
             "было, в первой строке указывается: «представители не участвовали»."));
    d.blocks.push_back(
        blankTable({"№", "Представитель (ФИО)", "Кого представляет",
                    "Документ о полномочиях (дата, номер, кем удостоверен)", "Листов"},
                   {6, 24, 24, 34, 12}, 1, kBlankRows));
}

void addReceived(paperwork::Document& d, const MeetingRecord& r,
                 const std::map<std::string, std::string>& names) {
    paperwork::Table t;
    t.columnWidths = {5, 17, 22, 17, 15, 24};
    t.columnAligns = {Align::Right, Align::Left, Align::Left,
                      Align::Left,  Align::Left, Align::Left};
    t.rows.push_back({"№", "Бюллетень", "Голосующий", "Способ", "Подан", "Учёт"});
    int n = 0;
    for (const ReceivedBallot& b : r.received) {
        const auto name = names.find(b.voterId);
        t.rows.push_back({std::to_string(++n), b.id,
                          paperwork::typeset(name != names.end() ? name->second : b.voterId),
                          wording::channelOf(b.channel),
                          wording::localDateTime(b.castAt, r.facts.utcOffsetMinutes),
                          paperwork::typeset(wording::statusOf(b.status))});
    }
    std::map<ReceivedBallot::Status, int> by;
    for (const ReceivedBallot& b : r.received) {
        ++by[b.status];
    }
    using S = ReceivedBallot::Status;
    d.blocks.push_back(para(
        "Всего получено бюллетеней: " + std::to_string(n) +
        "; учтено: " + std::to_string(by[S::Counted]) +
        "; учтено отдельно (совещательно): " + std::to_string(by[S::CountedConsultative]) +
        "; не учтено как повторные: " + std::to_string(by[S::Repeat] + by[S::RepeatConsultative]) +
        "; не учтено как полученные после окончания голосования: " + std::to_string(by[S::Late]) +
        "."));
    d.blocks.push_back(std::move(t));
}

void addWrittenDecisions(paperwork::Document& d, const MeetingRecord& r,
                         const std::map<std::string, std::string>& names) {
    const auto [received, counted] = paperBallots(r);
    d.blocks.push_back(
        para("Письменных решений (бюллетеней) получено: " + paperwork::formatInteger(received) +
             ", из них учтено: " + paperwork::formatInteger(counted) +
             ". Подлинники прилагаются; число листов каждого решения и их "
             "общее число указываются вручную."));
    paperwork::Table t = blankTable({"№", "Бюллетень", "Голосующий", "Подан", "Учтён", "Листов"},
                                    {6, 18, 28, 20, 16, 12}, 1, 0);
    int n = 0;
    for (const ReceivedBallot& b : r.received) {
        if (b.channel != "paper") {
            continue;
        }
        const auto name = names.find(b.voterId);
        t.rows.push_back({std::to_string(++n), b.id,
                          paperwork::typeset(name != names.end() ? name->second : b.voterId),
                          wording::localDateTime(b.castAt, r.facts.utcOffsetMinutes),
                          b.status == ReceivedBallot::Status::Counted ? "да"
                          : b.status == ReceivedBallot::Status::Late  ? "нет (поздно)"
                                                                     : "нет (повторный)",
                          ""});
    }
    t.rows.push_back({"", "", "Всего листов", "", "", ""});
    d.blocks.push_back(std::move(t));
}

}  // namespace veche::minutes
