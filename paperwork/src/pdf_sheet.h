#pragma once

// The pages of a PdfLayout being filled, top to bottom (internal to
// pdf_layout.cpp and pdf_grid.cpp). Lengths in 1/96 inch.

#include <QFont>
#include <QSizeF>

#include "pdf_layout.h"
#include "text_document.h"

namespace veche::paperwork::detail {

// The document font at `points`, bold or not.
QFont fontOf(bool bold, double points = kBodyPoints);

class Sheet {
public:
    // Starts `out` with one empty page whose body is `body`; texts are
    // measured as `device` prints them.
    Sheet(PdfLayout& out, const QSizeF& body, const QPaintDevice& device);

    Page& page() { return out_.pages.back(); }
    std::size_t pageCount() const { return out_.pages.size(); }
    const QSizeF& body() const { return body_; }
    double y() const { return y_; }  // the next thing's top on the page
    double room() const { return body_.height() - y_; }
    bool atPageTop() const { return y_ <= 0; }

    void advance(double height) { y_ += height; }
    void newPage();

    // `text` laid out in lines of `width` from (0, 0), kept in the layout.
    const QTextLayout* measure(const QString& text, const QFont& font, Align align, double width);
    // `image` kept in the layout.
    const QImage* keep(const QImage& image);
    // The height of a line of body text.
    double lineHeight() const { return lineHeight_; }

private:
    PdfLayout& out_;
    QSizeF body_;
    const QPaintDevice& device_;
    double lineHeight_;
    double y_ = 0;
};

}  // namespace veche::paperwork::detail
