#pragma once

// The protocol's appendices (internal): 1 реестр собственников or the
// members, 2 the notice, 3 the participants, 4 the ballots received.

#include <string>

#include "veche/minutes/protocol.h"

namespace veche::minutes {

// "Реестр собственников помещений", "Сообщение о проведении собрания"…
std::string appendixTitle(int number, const MeetingRecord& record);

// Each appendix on new pages, after the main part.
void addAppendices(paperwork::Document& document, const MeetingRecord& record,
                   const Count& binding);

}  // namespace veche::minutes
