#include "appendices.h"

#include <algorithm>
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

// LAW.md §7 (266/пр): those present at an in-person meeting sign its list.
bool signedByThosePresent(const MeetingRecord& r) {
    return r.facts.form != MeetingForm::Absentee;
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

void addMembers(paperwork::Document& d, const std::string& csv, core::RuleSet rules) {
    core::Problems problems;
    paperwork::Table t;
    t.columnWidths = {8, 70, 22};
    t.columnAligns = {Align::Right, Align::Left, Align::Left};
    t.rows.push_back(
        {"№", wording::termsOf(rules).voter + " (фамилия, имя, отчество)", "Идентификатор"});
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
    const bool signs = signedByThosePresent(r);
    t.columnWidths = area ? std::vector<double>{8, 47, 25, 20} : std::vector<double>{8, 70, 22};
    t.columnAligns = area ? std::vector<Align>{Align::Right, Align::Left, Align::Left, Align::Right}
                          : std::vector<Align>{Align::Right, Align::Left, Align::Left};
    t.rows.push_back(
        area ? std::vector<std::string>{"№", "Собственник", "Помещения", "Голосов, м²"}
             : std::vector<std::string>{"№", wording::termsOf(rules).voter, "Идентификатор"});
    if (signs) {
        t.columnWidths =
            area ? std::vector<double>{7, 38, 19, 16, 20} : std::vector<double>{8, 46, 24, 22};
        t.columnAligns.push_back(Align::Left);
        t.rows.front().push_back("Подпись");
    }
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
        if (signs) {
            row.emplace_back();
        }
        t.rows.push_back(std::move(row));
    }
    d.blocks.push_back(para("Всего участников: " + std::to_string(n) + "; их голосов" +
                            (area ? " (совместная собственность учтена один раз)" : "") + ": " +
                            wording::withPeriod(wording::amount(c.result.participating, rules))));
    if (signs) {
        d.blocks.push_back(para(r.facts.form == MeetingForm::InPerson
                                    ? "Присутствовавшие участники расписываются в графе «Подпись»."
                                    : "В графе «Подпись» расписываются участники, присутствовавшие "
                                      "на очном обсуждении; у проголосовавших заочно — прочерк."));
    }
    d.blocks.push_back(std::move(t));
}

}  // namespace

std::vector<Appendix> appendicesOf(const MeetingRecord& r) {
    std::vector<Appendix> list{Appendix::Voters, Appendix::Notice, Appendix::Notification,
                               Appendix::Participants, Appendix::Proxies};
    if (paperBallots(r).first > 0) {
        list.push_back(Appendix::WrittenDecisions);
    }
    list.push_back(Appendix::Received);
    return list;
}

int numberOf(Appendix appendix, const MeetingRecord& r) {
    const std::vector<Appendix> list = appendicesOf(r);
    return static_cast<int>(std::find(list.begin(), list.end(), appendix) - list.begin()) + 1;
}

std::string appendixTitle(Appendix appendix, const MeetingRecord& r, core::RuleSet rules) {
    const wording::Terms& terms = wording::termsOf(rules);
    switch (appendix) {
        case Appendix::Voters:
            return isRegistry(r) ? "Реестр собственников помещений" : terms.votersList;
        case Appendix::Notice:
            return "Сообщение о проведении " + terms.meeting;
        case Appendix::Notification:
            return "Документы, подтверждающие уведомление о проведении " + terms.meeting;
        case Appendix::Participants:
            return "Список участников " + terms.meeting +
                   (signedByThosePresent(r) ? " с подписями присутствовавших" : "");
        case Appendix::Proxies:
            return "Доверенности (иные документы), удостоверяющие полномочия представителей";
        case Appendix::WrittenDecisions:
            return "Письменные решения (бюллетени) участников";
        case Appendix::Received:
            return "Реестр полученных решений (бюллетеней)";
    }
    return "";
}

std::string appendixNote(Appendix appendix, const MeetingRecord& r) {
    switch (appendix) {
        case Appendix::Notification:
            return r.noticePosting ? "размещение на терминалах — по данным системы, иные способы "
                                     "заполняются вручную"
                                   : "заполняется вручную";
        case Appendix::Proxies:
            return "перечень заполняется вручную: система не ведёт сведений о представителях";
        case Appendix::WrittenDecisions:
            return paperwork::formatInteger(paperBallots(r).first) +
                   " шт.; число листов каждого указывается вручную";
        default:
            return "";
    }
}

void startAppendix(paperwork::Document& d, Appendix appendix, const MeetingRecord& r,
                   core::RuleSet rules) {
    d.blocks.push_back(paperwork::PageBreak{});
    d.blocks.push_back(para("Приложение № " + std::to_string(numberOf(appendix, r)) +
                                "\nк протоколу № " + r.details.number + " от " +
                                paperwork::formatDate(r.details.countedOn),
                            false, Align::Right));
    d.blocks.push_back(heading(appendixTitle(appendix, r, rules), 1));
}

void addAppendices(paperwork::Document& d, const MeetingRecord& r, const Count& c) {
    std::map<std::string, std::string> names = namesOf(c.meeting);
    if (r.binding.members) {
        core::Problems problems;
        for (const core::Member& m : core::readMembers(*r.binding.members, problems)) {
            names[m.id] = m.name;
        }
    }
    const core::RuleSet rules = c.result.rules;
    for (const Appendix appendix : appendicesOf(r)) {
        startAppendix(d, appendix, r, rules);
        switch (appendix) {
            case Appendix::Voters:
                isRegistry(r) ? addRegistry(d, c.meeting.registry)
                              : addMembers(d, *r.binding.members, rules);
                break;
            case Appendix::Notice:
                addNotice(d, r);
                break;
            case Appendix::Notification:
                addNotification(d, r);
                break;
            case Appendix::Participants:
                addParticipants(d, r, c, names);
                break;
            case Appendix::Proxies:
                addProxies(d);
                break;
            case Appendix::WrittenDecisions:
                addWrittenDecisions(d, r, names);
                break;
            case Appendix::Received:
                addReceived(d, r, names);
                break;
        }
    }
}

}  // namespace veche::minutes
