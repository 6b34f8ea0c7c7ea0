#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/agenda.h"
#include "veche/core/ballot.h"
#include "veche/core/electorate.h"

namespace veche::core {

// Writers of the meeting bundle's files (docs/bundle-format.md): what they
// write, readBundle reads back to an equal meeting.

std::string agendaToJson(const Agenda& agenda);

// One line of registry.csv.
struct RegistryRow {
    std::string premises;
    std::string kind;
    std::int64_t areaHundredths = 0;
    std::string ownerId;
    std::string owner;
    std::string share;
    std::string document;
    std::string joint;
};

// The rows of `registry`, one per owner of each holding; joint groups get
// labels J1, J2…
std::vector<RegistryRow> registryRows(const Registry& registry);
std::string rowsToCsv(const std::vector<RegistryRow>& rows);
std::string registryToCsv(const Registry& registry);
std::string membersToCsv(const std::vector<Member>& members);

struct BallotRow {
    std::string voterId;
    std::string itemId;
    Choice choice = Choice::Invalid;  // Unanswered rows are not written
};
std::string ballotsToCsv(const std::vector<BallotRow>& rows);

// "for", "against", "abstain", "invalid".
std::string_view nameOf(Choice choice);

}  // namespace veche::core
