// Painting a PdfLayout page by page (pdf_painter.h).
#include "pdf_painter.h"

#include <QPainter>
#include <QPen>

#include "text_document.h"

namespace veche::paperwork::detail {
namespace {

constexpr double kFooterPoints = 10;
// The footer's line starts this far below the body.
constexpr double kFooterGapMm = 8;

// «Страница N из M», centred in the bottom margin under a body of `body` size.
void paintFooter(QPainter& painter, const QSizeF& body, int page, int pages) {
    painter.setFont(documentFont(kFooterPoints));
    const QRectF area(0, body.height() + pxOfMm(kFooterGapMm), body.width(),
                      pxOfMm(kMarginBottomMm - kFooterGapMm));
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop,
                     QStringLiteral("Страница %1 из %2").arg(page).arg(pages));
}

void paintPage(QPainter& painter, const Page& page) {
    for (const Picture& picture : page.pictures) {
        painter.drawImage(picture.rect, *picture.image);
    }
    if (!page.rules.empty()) {
        painter.drawLines(page.rules.data(), static_cast<int>(page.rules.size()));
    }
    for (const TextRun& run : page.texts) {
        for (int i = run.first; i < run.first + run.count; ++i) {
            run.layout->lineAt(i).draw(&painter, run.origin);
        }
    }
}

}  // namespace

void paintPdf(const PdfLayout& layout, QPdfWriter& writer) {
    const QSizeF body = writer.pageLayout().paintRectPixels(writer.resolution()).size();
    QPainter painter(&writer);
    painter.setPen(QPen(Qt::black, 1));
    const auto pages = static_cast<int>(layout.pages.size());
    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            writer.newPage();
        }
        paintPage(painter, layout.pages[static_cast<std::size_t>(page)]);
        paintFooter(painter, body, page + 1, pages);
    }
}

}  // namespace veche::paperwork::detail
