// The printed personal ballot (решение собственника), LAW.md §4.
#include <algorithm>

#include "veche/hub/paper/personal_ballots.h"
#include "veche/paperwork/typography.h"
#include "veche/provisioning/qr.h"

namespace veche::hub::paper {
namespace {

using paperwork::Align;
using paperwork::typeset;

constexpr int kQrModulePixels = 8;
constexpr double kQrWidthMm = 25;

std::string formName(Form form) {
    switch (form) {
        case Form::InPerson:
            return "очного";
        case Form::Mixed:
            return "очно-заочного";
        case Form::Absentee:
            break;
    }
    return "заочного";
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& part : parts) {
        out += (out.empty() ? "" : separator) + part;
    }
    return out;
}

std::string votesText(const core::Fraction& votes) {
    return paperwork::formatDecimal(votes.toDecimal(2), 2);
}

// At the top, so that staff scan it first even when the ballot runs to a
// second page.
void addCode(paperwork::Document& doc, const PersonalBallot& b) {
    const std::string qr =
        provisioning::pngOf(provisioning::encodeQr(qrTextOf(b.code)), kQrModulePixels);
    doc.blocks.push_back(paperwork::Image{qr, kQrWidthMm, Align::Center});
    doc.blocks.push_back(paperwork::Paragraph{
        "Бюллетень № " + printedId(b.code.ballotId) + "   Контрольный код: " + b.code.check, true,
        Align::Center});
}

void addHeader(paperwork::Document& doc, const Assembly& a, const BallotContext& context) {
    std::string text = std::string(a.extraordinary ? "Внеочередное" : "Годовое") +
                       " общее собрание в форме " + formName(a.form) + " голосования";
    if (!context.buildingAddress.empty()) {
        text +=
            " собственников помещений в многоквартирном доме по адресу: " + context.buildingAddress;
    }
    text += ". Тема: \"" + a.title + "\". Инициатор: " + a.initiator + ".";
    doc.blocks.push_back(paperwork::Paragraph{typeset(text), false, Align::Justify});
}

void addVoter(paperwork::Document& doc, const PersonalBallot& b, bool byArea) {
    const std::string who = b.voterNames.size() > 1 ? "Собственники (совместная собственность): "
                            : byArea ? "Собственник: "
                                     : "Участник: ";
    doc.blocks.push_back(paperwork::Paragraph{who + joined(b.voterNames, ", "), true, Align::Left});
    if (!byArea) {
        return;
    }
    paperwork::Table table;
    table.columnWidths = {17, 15, 9, 43, 16};
    table.columnAligns = {Align::Left, Align::Right, Align::Center, Align::Left, Align::Right};
    table.rows.push_back(
        {"Помещение", "Площадь, м²", "Доля", "Документ о праве собственности", "Голосов"});
    for (const BallotHolding& h : b.holdings) {
        table.rows.push_back({h.premises, votesText(core::Fraction(h.areaHundredths, 100)), h.share,
                              h.document, votesText(h.votes)});
    }
    doc.blocks.push_back(std::move(table));
    doc.blocks.push_back(
        paperwork::Paragraph{"Количество голосов: " + votesText(b.votes) +
                                 " (1 голос = 1 м² площади × доля)\n"
                                 "СНИЛС собственника (физического лица): ______________________",
                             false, Align::Left});
}

// One row an item: its wording and three empty ruled cells, where the mark goes.
void addAgenda(paperwork::Document& doc, const Assembly& a) {
    doc.blocks.push_back(paperwork::Paragraph{
        typeset("По каждому вопросу отметьте один вариант: \"За\", \"Против\" или "
                "\"Воздержался\". Ответ без отметки или с несколькими отметками по вопросу "
                "недействителен."),
        false, Align::Justify});
    paperwork::Table table;
    table.columnWidths = {56, 11, 13, 20};
    table.columnAligns = {Align::Left, Align::Center, Align::Center, Align::Center};
    table.rows.push_back({"Вопрос повестки дня", "За", "Против", "Воздержался"});
    int n = 0;
    for (const core::AgendaItem& item : a.agenda.items) {
        table.rows.push_back({typeset(std::to_string(++n) + ". " + item.title), "", "", ""});
    }
    doc.blocks.push_back(std::move(table));
}

void addReturn(paperwork::Document& doc, const Assembly& a, const BallotContext& context) {
    doc.blocks.push_back(paperwork::Paragraph{
        typeset("Заполненное решение передайте по адресу: " + a.ballotAddress + " не позднее " +
                formatDeadline(a.closesAt, context.utcOffsetMinutes) +
                ". Решения, полученные позже, не учитываются."),
        false, Align::Justify});
    doc.blocks.push_back(paperwork::Signature{"Собственник (представитель)", ""});
    doc.blocks.push_back(paperwork::Paragraph{
        "Реквизиты доверенности (если голосует представитель): ______________________\n"
        "Дата заполнения: «____» ______________ 20____ г.",
        false, Align::Left});
}

}  // namespace

paperwork::Document ballotDocument(const Assembly& assembly, const PersonalBallot& ballot,
                                   const BallotContext& context) {
    const bool byArea = core::weighsByArea(assembly.agenda.rules);
    paperwork::Document doc;
    doc.title = byArea ? "РЕШЕНИЕ СОБСТВЕННИКА ПОМЕЩЕНИЯ\nпо вопросам повестки дня"
                       : "РЕШЕНИЕ УЧАСТНИКА СОБРАНИЯ\nпо вопросам повестки дня";
    addCode(doc, ballot);
    addHeader(doc, assembly, context);
    addVoter(doc, ballot, byArea);
    addAgenda(doc, assembly);
    addReturn(doc, assembly, context);
    return doc;
}

paperwork::Document ballotsDocument(const Assembly& assembly,
                                    const std::vector<PersonalBallot>& ballots,
                                    const BallotContext& context) {
    paperwork::Document all;
    for (const PersonalBallot& b : ballots) {
        paperwork::Document one = ballotDocument(assembly, b, context);
        if (all.blocks.empty()) {
            all.title = one.title;
        } else {
            all.blocks.push_back(paperwork::PageBreak{});
            std::string heading = one.title;
            std::replace(heading.begin(), heading.end(), '\n', ' ');
            all.blocks.push_back(paperwork::Heading{heading, 1});
        }
        all.blocks.insert(all.blocks.end(), one.blocks.begin(), one.blocks.end());
    }
    return all;
}

}  // namespace veche::hub::paper
