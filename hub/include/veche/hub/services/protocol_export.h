#pragma once

// The protocol export of an assembly (docs/protocol.md): the hub's side,
// which gathers the meeting's facts, bundles and ballots for
// veche::minutes. Shared by POST /api/v1/assemblies/{id}/protocol and
// `veche-hub export-protocol`.

#include <optional>
#include <string>
#include <vector>

#include "veche/hub/services/hub.h"
#include "veche/minutes/export.h"
#include "veche/minutes/record.h"

namespace veche::hub {

// Everything the protocol of `assemblyId` is made of, from one reading of
// its ballots. The details' defaults are resolved here: the number (the
// assembly's sequence among those of its building, or territory, that closed
// in the same year), the date of counting (today by the hub's clock, local
// time) and the place (where decisions were handed in, or where the meeting
// was held). Throws ApiError: 404 for an unknown assembly, 400 naming the
// detail that is missing or wrong, 409 while voting is not over.
minutes::MeetingRecord protocolRecord(Hub& hub, const std::string& assemblyId,
                                      minutes::ProtocolDetails details);

// minutes::exportFiles of protocolRecord: the files to write or zip. Needs a
// QGuiApplication (minutes::GuiApplication); errors as protocolRecord.
std::vector<minutes::ExportFile> exportProtocol(Hub& hub, const std::string& assemblyId,
                                                const minutes::ProtocolDetails& details);

// "2026-11-26" as a day; nullopt for anything else (including 2026-02-30).
std::optional<paperwork::CivilDate> parseDay(const std::string& text);

}  // namespace veche::hub
