// The PDF layout: blocks measured with QTextLayout, placed top to bottom and
// cut into pages (pdf_layout.h). Spacing follows the QTextDocument the ODT
// writer builds (text_document.cpp), in the same 1/96-inch units.
#include "pdf_layout.h"

#include <QFontMetricsF>
#include <QTextOption>

#include <algorithm>
#include <stdexcept>

#include "pdf_grid.h"
#include "pdf_sheet.h"

namespace veche::paperwork::detail {

QFont fontOf(bool bold, double points) {
    QFont font = documentFont(points);
    font.setBold(bold);
    return font;
}

Sheet::Sheet(PdfLayout& out, const QSizeF& body, const QPaintDevice& device)
    : out_(out),
      body_(body),
      device_(device),
      lineHeight_(QFontMetricsF(fontOf(false), &device).height()) {
    out_.pages.emplace_back();
}

void Sheet::newPage() {
    out_.pages.emplace_back();
    y_ = 0;
}

const QTextLayout* Sheet::measure(const QString& text, const QFont& font, Align align,
                                  double width) {
    auto& layout = out_.texts.emplace_back(std::make_unique<QTextLayout>(text, font, &device_));
    QTextOption option(qtAlign(align));
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setUseDesignMetrics(true);
    layout->setTextOption(option);
    layout->beginLayout();
    double y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return layout.get();
}

const QImage* Sheet::keep(const QImage& image) {
    return &out_.images.emplace_back(image);
}

namespace {

// Places the blocks one after another, each below the last.
class Paginator {
public:
    explicit Paginator(Sheet& sheet) : sheet_(sheet) {}

    void title(const std::string& text) {
        if (!text.empty()) {
            paragraph(qt(text), fontOf(true, kTitlePoints), Align::Center, 0, 12);
        }
    }

    void operator()(const Heading& heading) {
        const bool main = heading.level <= 1;
        paragraph(qt(heading.text), fontOf(true), main ? Align::Center : Align::Left, main ? 12 : 8,
                  6);
    }

    void operator()(const Paragraph& block) {
        paragraph(qt(block.text), fontOf(block.bold), block.align, 0, 6);
    }

    void operator()(const Table& table) {
        int columns = static_cast<int>(table.columnWidths.size());
        for (const auto& row : table.rows) {
            columns = std::max(columns, static_cast<int>(row.size()));
        }
        Grid grid;
        grid.widths = columnWidths(table.columnWidths, std::max(columns, 1), sheet_.body().width());
        grid.headerRows = std::max(0, table.headerRows);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            std::vector<Cell>& cells = grid.rows.emplace_back();
            const bool header = static_cast<int>(r) < grid.headerRows;
            for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
                const Align align =
                    c < table.columnAligns.size() ? table.columnAligns[c] : Align::Left;
                cells.push_back({qt(table.rows[r][c]), fontOf(header), align});
            }
        }
        begin(0);
        placeGrid(sheet_, grid);
        end(6);
    }

    // «Role   ____________   / Name /» with «(подпись)» under the line.
    void operator()(const Signature& signature) {
        const QFont caption = fontOf(false, kCaptionPoints);
        Grid grid;
        grid.widths = columnWidths({45, 30, 25}, 3, sheet_.body().width());
        grid.ruled = false;
        grid.keepTogether = true;
        grid.padding = 0;
        grid.rows = {{{qt(signature.role), fontOf(false), Align::Left},
                      {QStringLiteral("____________________"), fontOf(false), Align::Center},
                      {qt("/ " + signature.name + " /"), fontOf(false), Align::Left}},
                     {{QString(), caption, Align::Left},
                      {QStringLiteral("(подпись)"), caption, Align::Center},
                      {QString(), caption, Align::Left}}};
        begin(18);
        placeGrid(sheet_, grid);
        end(6);
    }

    void operator()(const PageBreak&) { breakPending_ = true; }

    // Scaled to its width (at most the body's), never cut by a page break.
    void operator()(const Image& image) {
        const QImage picture = decodedImage(image);
        const double width = std::min(pxOfMm(image.widthMm), sheet_.body().width());
        const double height = width * picture.height() / picture.width();
        begin(6);
        if (height > sheet_.room() && !sheet_.atPageTop()) {
            sheet_.newPage();
        }
        const double free = sheet_.body().width() - width;
        const double x = image.align == Align::Center  ? free / 2
                         : image.align == Align::Right ? free
                                                       : 0;
        sheet_.page().pictures.push_back({sheet_.keep(picture), {x, sheet_.y(), width, height}});
        sheet_.advance(height);
        end(6);
    }

private:
    // Starts a block `before` below the last one (the larger of this and the
    // last one's space after; none at a page's top), on a new page after a
    // PageBreak.
    void begin(double before) {
        if (breakPending_ && !sheet_.atPageTop()) {
            sheet_.newPage();
        }
        breakPending_ = false;
        if (!sheet_.atPageTop()) {
            sheet_.advance(std::max(before, spaceAfter_));
        }
        spaceAfter_ = 0;
    }

    void end(double after) { spaceAfter_ = after; }

    void paragraph(const QString& text, const QFont& font, Align align, double before,
                   double after) {
        begin(before);
        flow(*sheet_.measure(text, font, align, sheet_.body().width()));
        end(after);
    }

    // Places `text`'s lines at the left edge, with a page break wherever the
    // next line does not fit.
    void flow(const QTextLayout& text) {
        TextRun run{&text, 0, 0, {}};
        for (int i = 0; i < text.lineCount(); ++i) {
            const QTextLine line = text.lineAt(i);
            if (line.height() > sheet_.room() && !sheet_.atPageTop()) {
                if (run.count > 0) {
                    sheet_.page().texts.push_back(run);
                }
                sheet_.newPage();
                run = TextRun{&text, i, 0, {}};
            }
            if (run.count == 0) {
                run.origin = QPointF(0, sheet_.y() - line.y());
            }
            ++run.count;
            sheet_.advance(line.height());
        }
        if (run.count > 0) {
            sheet_.page().texts.push_back(run);
        }
    }

    Sheet& sheet_;
    double spaceAfter_ = 0;  // of the last block
    bool breakPending_ = false;
};

}  // namespace

PdfLayout layOut(const Document& document, const QSizeF& body, const QPaintDevice& device) {
    PdfLayout out;
    Sheet sheet(out, body, device);
    Paginator paginator(sheet);
    paginator.title(document.title);
    for (const Block& block : document.blocks) {
        std::visit(paginator, block);
    }
    return out;
}

}  // namespace veche::paperwork::detail
