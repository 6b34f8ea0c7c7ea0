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
// part / whole as "52,37 %" (2 places, as results.json); "0,00 %" when whole is 0.
std::string percent(const core::Fraction& part, const core::Fraction& whole);

// The body in the genitive: "общего собрания собственников помещений в
// многоквартирном доме", "схода граждан"…
std::string bodyOf(core::RuleSet rules);
// "заочного голосования", "очного голосования (совместного присутствия)"…
std::string formOf(MeetingForm form);
// What an item needs to be adopted, in words.
std::string thresholdOf(core::Threshold threshold);
// "бумажный бюллетень (письменное решение)", "терминал", "USSD", "SMS".
std::string channelOf(const std::string& channel);
// Why a received ballot was or was not counted.
std::string statusOf(ReceivedBallot::Status status);

// Local calendar day / "26.11.2026 14:05" of `ms` at `utcOffsetMinutes`.
paperwork::CivilDate localDate(std::int64_t ms, int utcOffsetMinutes);
std::string localDateTime(std::int64_t ms, int utcOffsetMinutes);

}  // namespace veche::minutes::wording
