#pragma once

// The PDF writer's own layout (internal): the Document measured with
// QTextLayout and cut into pages, ready to paint (pdf_painter.h). Lengths are
// in 1/96 inch from the top-left corner of a page's body (inside the margins).

#include <QImage>
#include <QLineF>
#include <QRectF>
#include <QTextLayout>

#include <deque>
#include <memory>
#include <vector>

#include "veche/paperwork/document.h"

class QPaintDevice;

namespace veche::paperwork::detail {

// Lines [first, first + count) of a laid-out text, drawn with the layout's
// origin at `origin` (a text cut by a page break is two runs).
struct TextRun {
    const QTextLayout* layout = nullptr;
    int first = 0;
    int count = 0;
    QPointF origin;
};

struct Picture {
    const QImage* image = nullptr;
    QRectF rect;
};

// What one page shows, footer aside.
struct Page {
    std::vector<TextRun> texts;
    std::vector<QLineF> rules;  // table borders, 1 unit wide
    std::vector<Picture> pictures;
};

// The pages and the texts and images they point into (owned here).
struct PdfLayout {
    std::deque<std::unique_ptr<QTextLayout>> texts;
    std::deque<QImage> images;
    std::vector<Page> pages;  // never empty: an empty document is one blank page
};

// Lays `document` out on pages whose body is `body`, measuring the fonts as
// `device` (the QPdfWriter) prints them. Throws std::invalid_argument when an
// image cannot be decoded.
PdfLayout layOut(const Document& document, const QSizeF& body, const QPaintDevice& device);

}  // namespace veche::paperwork::detail
