#pragma once

// Russian wording shared by the protocol's parts (internal).

#include <cstdint>
#include <string>

#include "veche/core/agenda.h"
#include "veche/core/fraction.h"
#include "veche/minutes/record.h"
#include "veche/paperwork/typography.h"

namespace veche::minutes::wording {

// Votes as printed: "1234,56 м²" for oss-mkd (2 places), "12 чел." otherwise.
std::string amount(const core::Fraction& votes, core::RuleSet rules,
                   paperwork::Grouping grouping = paperwork::Grouping::Text);
// `text` ending a sentence: with a period unless it ends in one ("12 чел.").
std::string withPeriod(const std::string& text);
// part / whole as "52,37 %" (2 places, as results.json); "0,00 %" when whole is 0.
std::string percent(const core::Fraction& part, const core::Fraction& whole);

// The words of a rule set's meeting (LAW.md §7–§10): an owners' meeting
// weighs votes by m² among owners; a ТОС собрание or конференция, a сход and
// a СНТ's general meeting count persons among residents, delegates, members.
struct Terms {
    std::string body;  // title, genitive: "общего собрания собственников помещений…"
    std::string regular;  // kind of a regular meeting: "годового", "очередного", ""
    std::string extraordinary;  // "внеочередного" or ""
    std::string meeting;  // genitive: "собрания", "конференции", "схода", "опроса"
    std::string competent;  // "Собрание правомочно", "Конференция правомочна"…
    std::string incompetent;  // "Собрание неправомочно"…
    std::string voters;  // who hold the votes, genitive plural: "членов товарищества"
    std::string voter;  // a table's heading: "Собственник", "Член товарищества"…
    std::string votersList;  // appendix 1 without a registry: "Реестр членов товарищества"…
};
const Terms& termsOf(core::RuleSet rules);
// "заочного голосования", "очного голосования (совместного присутствия)"…
std::string formOf(MeetingForm form);
// What an item needs to be adopted, in words.
std::string thresholdOf(core::Threshold threshold, const Terms& terms);
// "бумажный бюллетень (письменное решение)", "терминал", "USSD", "SMS".
std::string channelOf(const std::string& channel);
// The same in the plural, for a total: "письменные решения", "терминал"…
std::string channelsOf(const std::string& channel);
// Why a received ballot was or was not counted.
std::string statusOf(ReceivedBallot::Status status);

// Local calendar day / "26.11.2026 14:05" of `ms` at `utcOffsetMinutes`.
paperwork::CivilDate localDate(std::int64_t ms, int utcOffsetMinutes);
std::string localDateTime(std::int64_t ms, int utcOffsetMinutes);

}  // namespace veche::minutes::wording
