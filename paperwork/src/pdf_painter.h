#pragma once

// Paints a PdfLayout (pdf_layout.h) into a PDF (internal).

#include <QPdfWriter>

#include "pdf_layout.h"

namespace veche::paperwork::detail {

// Paints each page of `layout` on its own page of `writer` (set up at 96 dpi
// with the document's margins; `layout` measured on it) with «Страница N из M»
// centred in the bottom margin.
void paintPdf(const PdfLayout& layout, QPdfWriter& writer);

}  // namespace veche::paperwork::detail
