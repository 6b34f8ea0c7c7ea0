#include <sstream>

#include "blocks.h"
#include "veche/minutes/protocol.h"

namespace veche::minutes {

paperwork::Document noticeDocument(std::string_view noticeText) {
    paperwork::Document d;
    std::istringstream in{std::string(noticeText)};
    std::string line;
    bool inTitle = true;
    while (std::getline(in, line)) {
        if (inTitle) {
            if (line.empty()) {
                inTitle = false;
            } else {
                d.title += (d.title.empty() ? "" : "\n") + paperwork::typeset(line);
            }
            continue;
        }
        if (!line.empty()) {
            d.blocks.push_back(blocks::para(line));
        }
    }
    return d;
}

}  // namespace veche::minutes
