#pragma once

#include <string>

#include "veche/hub/model.h"
#include "veche/hub/store/territory_store.h"

namespace veche::hub {

// The notice of a meeting (сообщение о проведении собрания) in Russian, with
// what ч. 5 ст. 45 ЖК requires: the initiator; the form; the date, time and
// place; for заочное and очно-заочное voting the period and where decisions
// are handed in; the agenda; and how to see the materials. Times are shown at
// `utcOffsetMinutes` (Moscow time, +180, by default).
std::string noticeText(const Assembly& assembly, TerritoryStore& territories,
                       int utcOffsetMinutes = 180);

// "10.12.2026 10:00 (UTC+03:00)"
std::string localTime(Millis t, int utcOffsetMinutes);

}  // namespace veche::hub
