#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace veche::hub {

// `veche-hub export-protocol --assembly ID --out DIR [--config FILE]
//  --chair NAME --secretary NAME --storage TEXT [--counter NAME]…
//  [--number ID] [--counted-on YYYY-MM-DD] [--place TEXT]
//  [--initiator-details TEXT] [--invited TEXT]
//  [--heard ITEM=TEXT]… [--proposed ITEM=TEXT]…`
// writes the protocol export of a closed assembly into DIR (docs/protocol.md)
// and lists the files on `out`. The caller must have made a QGuiApplication
// (minutes::GuiApplication). Returns the exit code: 0, 64 for wrong usage,
// 2 when the hub refuses (unknown assembly, a missing detail, voting not
// over) or a file cannot be written; then nothing is left in DIR.
int exportProtocolCommand(const std::vector<std::string>& args, std::ostream& out,
                          std::ostream& err);

}  // namespace veche::hub
