#pragma once

// The Document as a QTextDocument for the ODT writer, and what the PDF
// renderer (pdf_layout.h) shares with it: fonts, type sizes, units (internal).
// Lengths are in QTextDocument units of 1/96 inch, the unit Qt's ODF writer
// converts to points.

#include <QImage>
#include <QTextDocument>

#include <memory>

#include "veche/paperwork/document.h"

namespace veche::paperwork::detail {

// Millimetres in 1/96 inch.
inline double pxOfMm(double mm) {
    return mm / 25.4 * 96.0;
}

// Type sizes in points: running text, the title, the caption under a signature.
inline constexpr double kBodyPoints = 12;
inline constexpr double kTitlePoints = 14;
inline constexpr double kCaptionPoints = 9;

// `text` for Qt: "\n" breaks the line inside a paragraph (Qt's line separator).
inline QString qt(const std::string& text) {
    return QString::fromStdString(text).replace(u'\n', QChar::LineSeparator);
}

// The Qt alignment of text aligned `align`.
Qt::Alignment qtAlign(Align align);

// The image's picture; throws std::invalid_argument when it cannot be decoded.
QImage decodedImage(const Image& image);

// Throws std::logic_error unless a QGuiApplication exists.
void requireGuiApplication();

// The blocks laid into a new QTextDocument in the document fonts. Throws
// std::invalid_argument when an image cannot be decoded.
std::unique_ptr<QTextDocument> textDocumentOf(const Document& document);

// The font of the footer and of captions, at `pointSize`.
QFont documentFont(double pointSize);

}  // namespace veche::paperwork::detail
