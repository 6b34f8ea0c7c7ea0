// The PDF and ODT writers.
#include "veche/paperwork/document.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocumentWriter>

#include <fstream>
#include <stdexcept>

#include "text_document.h"

namespace veche::paperwork {
namespace {

// The PDF's device unit is the QTextDocument unit, 1/96 inch (text_document.h).
constexpr int kPdfDpi = 96;
constexpr double kFooterPoints = 10;
// The footer's baseline area starts this far below the body.
constexpr double kFooterGapMm = 8;
// Less than any line's height, in 1/96 inch.
constexpr double kEdge = 0.5;

std::string bytesOf(const QByteArray& bytes) {
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        throw std::runtime_error("cannot write the document to " + path);
    }
}

QPageLayout pageLayout() {
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                       QMarginsF(kMarginLeftMm, kMarginTopMm, kMarginRightMm, kMarginBottomMm),
                       QPageLayout::Millimeter);
}

// «Страница N из M», centred in the bottom margin under a body of `body` size.
void drawFooter(QPainter& painter, const QSizeF& body, int page, int pages) {
    painter.setFont(detail::documentFont(kFooterPoints));
    painter.setPen(Qt::black);
    const QRectF area(0, body.height() + detail::pxOfMm(kFooterGapMm), body.width(),
                      detail::pxOfMm(kMarginBottomMm - kFooterGapMm));
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop,
                     QStringLiteral("Страница %1 из %2").arg(page).arg(pages));
}

// Paints the laid-out `text` page by page: each page is a window of the
// body's height onto the one long layout.
void paintPages(QPainter& painter, QPdfWriter& writer, QTextDocument& text, const QSizeF& body) {
    const int pages = text.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            writer.newPage();
        }
        const QRectF window(0, page * body.height(), body.width(), body.height());
        painter.save();
        painter.translate(0, -window.top());
        painter.setClipRect(window);
        QAbstractTextDocumentLayout::PaintContext context;
        // Qt draws a line touching the clip's edge; a line starting exactly at
        // the next page's top would land, clipped but extractable, on this one.
        context.clip = window.adjusted(0, kEdge, 0, -kEdge);
        context.palette.setColor(QPalette::Text, Qt::black);
        text.documentLayout()->draw(&painter, context);
        painter.restore();
        drawFooter(painter, body, page + 1, pages);
    }
}

}  // namespace

std::string pdfOf(const Document& document) {
    const auto text = detail::textDocumentOf(document, detail::Target::Pdf);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kPdfDpi);
        writer.setPageLayout(pageLayout());
        writer.setTitle(QString::fromStdString(document.title));
        writer.setCreator(QStringLiteral("Veche"));
        text->documentLayout()->setPaintDevice(&writer);
        const QSizeF body = writer.pageLayout().paintRectPixels(kPdfDpi).size();
        text->setPageSize(body);
        QPainter painter(&writer);
        paintPages(painter, writer, *text, body);
    }
    return bytesOf(bytes);
}

void writePdf(const Document& document, const std::string& path) {
    writeFile(path, pdfOf(document));
}

std::string odtOf(const Document& document) {
    const auto text = detail::textDocumentOf(document, detail::Target::Odt);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QTextDocumentWriter writer(&buffer, "odf");
    if (!writer.write(text.get())) {
        throw std::runtime_error("Qt could not write the document as ODT");
    }
    return bytesOf(bytes);
}

void writeOdt(const Document& document, const std::string& path) {
    writeFile(path, odtOf(document));
}

}  // namespace veche::paperwork
