#include "appendices.h"

#include <map>
#include <set>

#include "blocks.h"
#include "wording.h"

namespace veche::minutes {
namespace {

using blocks::heading;
using blocks::para;
using paperwork::Align;
using paperwork::Grouping;

bool isRegistry(const MeetingRecord& r) {
    return r.binding.registry.has_value();
}

// Voter id -> name, from the registry or the members list.
std::map<std::string, std::string> namesOf(const core::Meeting& m) {
    std::map<std::string, std::string> names;
    for (const core::Owner& o : m.registry.owners) {
        names[o.id] = o.name;
    }
    return names;
}

core::Fraction votesOf(const core::Registry& reg, const core::Holding& h) {
    return core::Fraction(reg.premises[h.premises].areaHundredths, 100) * h.share;
}

void startAppendix(paperwork::Document& d, int number, const MeetingRecord& r) {
    d.blocks.push_back(paperwork::PageBreak{});
    d.blocks.push_back(para("Приложение № " + std::to_string(number) + "\nк протоколу № " +
                                r.details.number + " от " +
                                paperwork::formatDate(r.details.countedOn),
                            false, Align::Right));
    d.blocks.push_back(heading(appendixTitle(number, r), 1));
}

void addRegistry(paperwork::Document& d, const core::Registry& reg) {
    paperwork::Table t;
    t.columnWidths = {6, 9, 14, 26, 8, 23, 14};
    t.columnAligns = {Align::Right,  Align::Left, Align::Right, Align::Left,
                      Align::Center, Align::Left, Align::Right};
    t.rows.push_back({"№", "Пом.", "Площадь, м²", "Собственник", "Доля",
                      "Документ о праве собственности", "Голосов, м²"});
    int n = 0;
    for (const core::Holding& h : reg.holdings) {
        std::string owners;
        for (std::size_t o : h.owners) {
            owners += (owners.empty() ? "" : ", ") + reg.owners[o].name;
        }
        if (h.owners.size() > 1) {
            owners += " (совместная собственность)";
        }
        const core::Premises& p = reg.premises[h.premises];
        t.rows.push_back(
            {std::to_string(++n),
             p.number + (p.kind == core::PremisesKind::NonResidential ? " (нежилое)" : ""),
             paperwork::formatDecimal(core::Fraction(p.areaHundredths, 100).toDecimal(2), 2,
                                      Grouping::Column),
             paperwork::typeset(owners), h.share.toString(), paperwork::typeset(h.document),
             paperwork::formatDecimal(votesOf(reg, h).toDecimal(2), 2, Grouping::Column)});
    }
    d.blocks.push_back(std::move(t));
}

void addMembers(paperwork::Document& d, const std::string& csv) {
    core::Problems problems;
    paperwork::Table t;
    t.columnWidths = {8, 70, 22};
    t.columnAligns = {Align::Right, Align::Left, Align::Left};
    t.rows.push_back({"№", "Фамилия, имя, отчество", "Идентификатор"});
    int n = 0;
    for (const core::Member& member : core::readMembers(csv, problems)) {
        t.rows.push_back({std::to_string(++n), paperwork::typeset(member.name), member.id});
    }
    d.blocks.push_back(std::move(t));
}

void addNotice(paperwork::Document& d, const MeetingRecord& r) {
    const paperwork::Document notice = noticeDocument(r.noticeText);
    d.blocks.push_back(para(notice.title, true, Align::Center));
    d.blocks.insert(d.blocks.end(), notice.blocks.begin(), notice.blocks.end());
}

void addParticipants(paperwork::Document& d, const MeetingRecord& r, const Count& c,
                     const std::map<std::string, std::string>& names) {
    const core::Meeting& m = c.meeting;
    const core::RuleSet rules = c.result.rules;
    std::map<std::string, std::pair<std::set<std::string>, core::Fraction>> holdings;
    for (const core::Holding& h : m.registry.holdings) {
        for (std::size_t o : h.owners) {
            auto& [premises, votes] = holdings[m.registry.owners[o].id];
            premises.insert(m.registry.premises[h.premises].number);
            votes += votesOf(m.registry, h);
        }
    }
    paperwork::Table t;
    const bool area = isRegistry(r);
    t.columnWidths = area ? std::vector<double>{8, 47, 25, 20} : std::vector<double>{8, 70, 22};
    t.columnAligns = {Align::Right, Align::Left, Align::Left, Align::Right};
    t.rows.push_back(area ? std::vector<std::string>{"№", "Собственник", "Помещения", "Голосов, м²"}
                          : std::vector<std::string>{"№", "Участник", "Идентификатор"});
    int n = 0;
    for (std::size_t v = 0; v < m.ballots.voterCount(); ++v) {
        if (!m.ballots.participated(v)) {
            continue;
        }
        const std::string& id = m.electorate.voterIds[v];
        const auto name = names.find(id);
        std::vector<std::string> row{std::to_string(++n),
                                     paperwork::typeset(name != names.end() ? name->second : id)};
        if (area) {
            const auto& [premises, votes] = holdings[id];
            std::string list;
            for (const std::string& p : premises) {
                list += (list.empty() ? "" : ", ") + p;
            }
            row.push_back(list);
            row.push_back(paperwork::formatDecimal(votes.toDecimal(2), 2, Grouping::Column));
        } else {
            row.push_back(id);
        }
        t.rows.push_back(std::move(row));
    }
    d.blocks.push_back(para("Всего участников: " + std::to_string(n) +
                            "; их голосов (совместная собственность учтена один раз): " +
                            wording::amount(c.result.participating, rules) + "."));
    d.blocks.push_back(std::move(t));
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
    d.blocks.push_back(
        para("Всего получено бюллетеней: " + std::to_string(n) +
             "; учтено: " + std::to_string(by[S::Counted]) + "; учтено отдельно (совещательно): " +
             std::to_string(by[S::CountedConsultative]) + "; не учтено как повторные: " +
             std::to_string(by[S::Repeat] + by[S::RepeatConsultative]) + "."));
    d.blocks.push_back(std::move(t));
}

}  // namespace

std::string appendixTitle(int number, const MeetingRecord& r) {
    switch (number) {
        case 1:
            return isRegistry(r) ? "Реестр собственников помещений" : "Список членов (голосующих)";
        case 2:
            return "Сообщение о проведении собрания";
        case 3:
            return "Список участников собрания";
        case 4:
            return "Реестр полученных решений (бюллетеней)";
    }
    return "";
}

void addAppendices(paperwork::Document& d, const MeetingRecord& r, const Count& c) {
    std::map<std::string, std::string> names = namesOf(c.meeting);
    if (r.binding.members) {
        core::Problems problems;
        for (const core::Member& m : core::readMembers(*r.binding.members, problems)) {
            names[m.id] = m.name;
        }
    }
    startAppendix(d, 1, r);
    if (isRegistry(r)) {
        addRegistry(d, c.meeting.registry);
    } else {
        addMembers(d, *r.binding.members);
    }
    startAppendix(d, 2, r);
    addNotice(d, r);
    startAppendix(d, 3, r);
    addParticipants(d, r, c, names);
    startAppendix(d, 4, r);
    addReceived(d, r, names);
}

}  // namespace veche::minutes
