// The protocol's main part: title, heading, introductory part, agenda, the
// items, storage and signatures (приказ 266/пр as LAW.md §7 gives it).
#include "veche/minutes/protocol.h"

#include <stdexcept>

#include "appendices.h"
#include "blocks.h"
#include "channels.h"
#include "wording.h"

namespace veche::minutes {
namespace {

using blocks::heading;
using blocks::para;
using paperwork::Align;
using paperwork::Document;

std::size_t participants(const core::Meeting& meeting) {
    std::size_t n = 0;
    for (std::size_t v = 0; v < meeting.ballots.voterCount(); ++v) {
        n += meeting.ballots.participated(v) ? 1U : 0U;
    }
    return n;
}

std::string titleOf(const MeetingRecord& r, core::RuleSet rules) {
    const wording::Terms& terms = wording::termsOf(rules);
    const std::string& kind = r.facts.extraordinary ? terms.extraordinary : terms.regular;
    return "ПРОТОКОЛ № " + r.details.number + "\n" + (kind.empty() ? "" : kind + " ") + terms.body;
}

void addHeader(Document& d, const MeetingRecord& r) {
    const MeetingFacts& f = r.facts;
    d.blocks.push_back(para((f.atBuilding ? "по адресу: " : "территория: ") + f.address +
                                ", проводимого в форме " + wording::formOf(f.form),
                            false, Align::Center));
    d.blocks.push_back(para("Дата протокола (дата подсчёта голосов): " +
                            paperwork::formatDate(r.details.countedOn)));
    d.blocks.push_back(para("Место проведения: " + r.details.place + "."));
    const auto at = [&f](std::int64_t t) { return wording::localDateTime(t, f.utcOffsetMinutes); };
    if (f.form == MeetingForm::InPerson) {
        d.blocks.push_back(
            para("Дата и время проведения: с " + at(f.opensAt) + " до " + at(f.closesAt) + "."));
    } else {
        d.blocks.push_back(
            para("Период голосования: с " + at(f.opensAt) + " до " + at(f.closesAt) + "."));
        d.blocks.push_back(
            para("Письменные решения принимались по адресу: " + f.ballotAddress + "."));
    }
}

std::string quorumText(const core::TallyResult& t) {
    if (t.consultative) {
        return "Опрос носит совещательный характер; кворум не требуется.";
    }
    const wording::Terms& terms = wording::termsOf(t.rules);
    return t.quorum ? "Кворум имеется. " + terms.competent +
                          " принимать решения по вопросам повестки дня."
                    : "Кворум отсутствует. " + terms.incompetent + ", решения не приняты.";
}

std::string allVotesText(const core::TallyResult& t) {
    const core::RuleSet rules = t.rules;
    if (core::weighsByArea(rules)) {
        return "Общая площадь жилых и нежилых помещений в доме: " +
               wording::amount(t.total, rules) +
               "; общее число голосов собственников помещений: " + wording::amount(t.total, rules) +
               " (один голос — один квадратный метр площади помещения, пропорционально доле).";
    }
    return "Общее число голосов (" + wording::termsOf(rules).voters +
           ", один голос у каждого): " + wording::withPeriod(wording::amount(t.total, rules));
}

void addIntroduction(Document& d, const MeetingRecord& r, const Count& c) {
    const ProtocolDetails& p = r.details;
    const core::TallyResult& t = c.result;
    const std::string& of = wording::termsOf(t.rules).meeting;
    d.blocks.push_back(heading("Вводная часть"));
    d.blocks.push_back(para("Инициатор " + of + ": " + r.facts.initiator +
                            (p.initiatorDetails.empty() ? "" : " (" + p.initiatorDetails + ")") +
                            "."));
    d.blocks.push_back(para("Председатель " + of + ": " + p.chair + "."));
    d.blocks.push_back(para("Секретарь " + of + ": " + p.secretary + "."));
    std::string counters;
    for (const std::string& name : p.counters) {
        counters += (counters.empty() ? "" : ", ") + name;
    }
    d.blocks.push_back(para(counters.empty() ? "Счётная комиссия не избиралась; голоса подсчитал "
                                               "инициатор " +
                                                   of + "."
                                             : "Счётная комиссия: " + counters + "."));
    if (!p.invited.empty()) {
        d.blocks.push_back(para("Приглашённые лица: " + p.invited + "."));
    }
    const core::RuleSet rules = t.rules;
    d.blocks.push_back(para(allVotesText(t)));
    d.blocks.push_back(para(
        "Число участников " + of + ": " + std::to_string(participants(c.meeting)) +
        " (список — приложение № " + std::to_string(numberOf(Appendix::Participants, r)) +
        "); число их голосов: " + wording::amount(t.participating, rules) + ", что составляет " +
        wording::percent(t.participating, t.total) + " от общего числа голосов."));
    d.blocks.push_back(para(quorumText(t), true));
}

void addAgenda(Document& d, const core::Agenda& agenda) {
    d.blocks.push_back(heading("Повестка дня"));
    for (std::size_t i = 0; i < agenda.items.size(); ++i) {
        d.blocks.push_back(para(std::to_string(i + 1) + ". " + agenda.items[i].title));
    }
}

paperwork::Table resultTable(const core::ItemResult& item, const core::TallyResult& t) {
    paperwork::Table table;
    table.columnWidths = {40, 30, 30};
    table.columnAligns = {Align::Left, Align::Right, Align::Right};
    const auto row = [&t](const std::string& label, const core::Fraction& votes) {
        return std::vector<std::string>{
            label, wording::amount(votes, t.rules, paperwork::Grouping::Column),
            wording::percent(votes, t.participating)};
    };
    table.rows = {{"Вариант", "Голосов", "% от голосов участников"},
                  row("«за»", item.forVotes),
                  row("«против»", item.against),
                  row("«воздержались»", item.abstain),
                  row("недействительно", item.invalid)};
    return table;
}

std::string decisionText(const core::AgendaItem& item, const core::ItemResult& r,
                         const core::TallyResult& t) {
    std::string text = "«За» — " + wording::percent(r.forVotes, t.total) +
                       " от общего числа голосов. Требуется: " +
                       wording::thresholdOf(item.threshold, wording::termsOf(t.rules)) + ". ";
    if (t.consultative) {
        return text + "Результат носит совещательный характер.";
    }
    if (!t.quorum) {
        return text + "Решение не принято: кворум отсутствует.";
    }
    return text + (r.adopted ? "Решение принято." : "Решение не принято.");
}

void addItems(Document& d, const MeetingRecord& r, const Count& c) {
    d.blocks.push_back(heading("Рассмотрение вопросов повестки дня"));
    const core::Agenda& agenda = c.meeting.agenda;
    const std::vector<ChannelCount> channels =
        r.facts.electronicBinding ? countByChannel(r, c) : std::vector<ChannelCount>{};
    for (std::size_t i = 0; i < agenda.items.size(); ++i) {
        const core::AgendaItem& item = agenda.items[i];
        d.blocks.push_back(
            para(std::to_string(i + 1) + ". " + item.title, true, paperwork::Align::Left));
        const auto heard = r.details.heard.find(item.id);
        d.blocks.push_back(
            para("СЛУШАЛИ: " +
                 (heard != r.details.heard.end()
                      ? heard->second
                      : "инициатора " + wording::termsOf(c.result.rules).meeting + " " +
                            r.facts.initiator + " по вопросу \"" + item.title + "\"") +
                 "."));
        const auto proposed = r.details.proposed.find(item.id);
        d.blocks.push_back(
            para("ПРЕДЛОЖЕНО: " +
                 (proposed != r.details.proposed.end() ? proposed->second : item.title) + "."));
        d.blocks.push_back(para("РЕШИЛИ (ПОСТАНОВИЛИ): голосовали", true, Align::Left));
        d.blocks.push_back(resultTable(c.result.items[i], c.result));
        if (!channels.empty()) {
            d.blocks.push_back(para("В том числе по способам подачи решений:"));
            d.blocks.push_back(channelTable(channels, i, c.result));
        }
        d.blocks.push_back(para(decisionText(item, c.result.items[i], c.result)));
    }
}

void addConsultative(Document& d, const Count& c) {
    const core::TallyResult& t = c.result;
    d.blocks.push_back(heading("Электронное голосование (совещательно)"));
    d.blocks.push_back(
        para(std::string(t.rules == core::RuleSet::OssMkd
                             ? "Голоса, поданные через терминал, USSD и SMS, решениями "
                               "собственников не являются (ст. 47.1 ЖК РФ), в подсчёт выше не "
                               "входят и приводятся для сведения, совещательно. "
                             : "Голоса, поданные через терминал, USSD и SMS, в подсчёт выше не "
                               "входят и приводятся для сведения, совещательно. ") +
             "Участвовали: " + wording::amount(t.participating, t.rules) + " (" +
             wording::percent(t.participating, t.total) + " от общего числа голосов)."));
    paperwork::Table table;
    table.columnWidths = {10, 22, 22, 24, 22};
    table.columnAligns = {Align::Center, Align::Right, Align::Right, Align::Right, Align::Right};
    table.rows.push_back({"№", "«за»", "«против»", "«воздержались»", "недейств."});
    const auto cell = [&t](const core::Fraction& v) {
        return wording::amount(v, t.rules, paperwork::Grouping::Column);
    };
    for (std::size_t i = 0; i < t.items.size(); ++i) {
        const core::ItemResult& r = t.items[i];
        table.rows.push_back({std::to_string(i + 1), cell(r.forVotes), cell(r.against),
                              cell(r.abstain), cell(r.invalid)});
    }
    d.blocks.push_back(std::move(table));
}

// The list of appendices: exactly those attached, numbered in order.
std::string appendixList(const MeetingRecord& r, core::RuleSet rules) {
    std::string list;
    int n = 0;
    for (const Appendix appendix : appendicesOf(r)) {
        const std::string note = appendixNote(appendix, r);
        list += (list.empty() ? "" : "\n") + std::to_string(++n) + ". " +
                appendixTitle(appendix, r, rules) + (note.empty() ? "" : " (" + note + ")") + ".";
    }
    return list;
}

void addClosing(Document& d, const MeetingRecord& r, core::RuleSet rules) {
    const std::string& of = wording::termsOf(rules).meeting;
    d.blocks.push_back(heading("Место хранения"));
    d.blocks.push_back(
        para("Протокол и решения (бюллетени) участников хранятся: " + r.details.storage + "."));
    d.blocks.push_back(heading("Приложения"));
    d.blocks.push_back(para(appendixList(r, rules)));
    d.blocks.push_back(paperwork::Signature{"Председатель " + of, r.details.chair});
    d.blocks.push_back(paperwork::Signature{"Секретарь " + of, r.details.secretary});
    for (const std::string& name : r.details.counters) {
        d.blocks.push_back(paperwork::Signature{"Член счётной комиссии", name});
    }
    if (r.details.counters.empty()) {
        d.blocks.push_back(paperwork::Signature{"Инициатор " + of, r.facts.initiator});
    }
}

}  // namespace

Count countOf(const core::BundleFiles& files) {
    core::BundleReading reading = core::readBundle(files);
    if (!reading.meeting) {
        throw std::logic_error("the bundle does not recount: " +
                               core::describe(reading.problems.front()));
    }
    Count c{std::move(*reading.meeting), {}};
    c.result = core::tally(c.meeting.agenda, c.meeting.electorate, c.meeting.ballots);
    return c;
}

paperwork::Document protocolDocument(const MeetingRecord& record, const Count& binding,
                                     const Count* consultative) {
    Document d;
    d.title = titleOf(record, binding.result.rules);
    addHeader(d, record);
    addIntroduction(d, record, binding);
    addAgenda(d, binding.meeting.agenda);
    addItems(d, record, binding);
    if (consultative != nullptr) {
        addConsultative(d, *consultative);
    }
    addClosing(d, record, binding.result.rules);
    addAppendices(d, record, binding);
    return d;
}

std::string bodyOf(core::RuleSet rules) {
    return wording::termsOf(rules).body;
}

}  // namespace veche::minutes
