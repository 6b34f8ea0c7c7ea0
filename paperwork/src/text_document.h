#pragma once

// The Document as a QTextDocument, shared by the PDF and ODT writers
// (internal). Lengths are in QTextDocument units of 1/96 inch, the unit Qt's
// ODF writer converts to points.

#include <QTextDocument>

#include <memory>

#include "veche/paperwork/document.h"

namespace veche::paperwork::detail {

// Millimetres in 1/96 inch.
inline double pxOfMm(double mm) {
    return mm / 25.4 * 96.0;
}

// Throws std::logic_error unless a QGuiApplication exists.
void requireGuiApplication();

// What the QTextDocument is for. Qt's ODF writer (6.4) writes a table's and
// its columns' widths as their raw numbers followed by "pt" whatever their
// unit, so for ODT tables get fixed widths in points; for PDF, percentages.
enum class Target { Pdf, Odt };

// The blocks laid into a new QTextDocument in the document fonts. Throws
// std::invalid_argument when an image cannot be decoded.
std::unique_ptr<QTextDocument> textDocumentOf(const Document& document, Target target);

// The font of the footer and of captions, at `pointSize`.
QFont documentFont(double pointSize);

}  // namespace veche::paperwork::detail
