#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace veche::hub {

// `veche-hub print-ballots --assembly A --out FILE [--config FILE]`: writes
// the personal ballots of assembly A, one a page, as one PDF
// (docs/paper-ballots.md). Needs a QGuiApplication (docs/paperwork.md), which
// veche-hub's main() makes. Returns the exit code: 0, 64 for wrong usage, 2
// for an unknown assembly or an unwritable file.
int printBallotsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace veche::hub
