#pragma once

// Short constructors of paperwork blocks with the text typeset (internal).

#include <string>

#include "veche/paperwork/document.h"
#include "veche/paperwork/typography.h"

namespace veche::minutes::blocks {

inline paperwork::Paragraph para(const std::string& text, bool bold = false,
                                 paperwork::Align align = paperwork::Align::Justify) {
    return {paperwork::typeset(text), bold, align};
}

inline paperwork::Heading heading(const std::string& text, int level = 2) {
    return {paperwork::typeset(text), level};
}

}  // namespace veche::minutes::blocks
