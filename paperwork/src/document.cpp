// The PDF and ODT writers.
#include "veche/paperwork/document.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocumentWriter>

#include <fstream>
#include <stdexcept>

#include "pdf_layout.h"
#include "pdf_painter.h"
#include "text_document.h"

namespace veche::paperwork {
namespace {

// The PDF's device unit, the layout's 1/96 inch (pdf_layout.h).
constexpr int kPdfDpi = 96;

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

}  // namespace

// Laid out by the library itself (pdf_layout.h), not by QTextDocument: its
// table layout costs about 0.3 ms a cell (docs/paperwork.md).
std::string pdfOf(const Document& document) {
    detail::requireGuiApplication();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kPdfDpi);
        writer.setPageLayout(pageLayout());
        writer.setTitle(QString::fromStdString(document.title));
        writer.setCreator(QStringLiteral("Veche"));
        const QSizeF body = writer.pageLayout().paintRectPixels(kPdfDpi).size();
        const detail::PdfLayout layout = detail::layOut(document, body, writer);
        detail::paintPdf(layout, writer);
    }
    return bytesOf(bytes);
}

void writePdf(const Document& document, const std::string& path) {
    writeFile(path, pdfOf(document));
}

std::string odtOf(const Document& document) {
    const auto text = detail::textDocumentOf(document);
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
