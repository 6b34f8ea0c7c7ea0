#include "text_document.h"

#include <QGuiApplication>
#include <QImage>
#include <QTextCursor>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace veche::paperwork::detail {
namespace {

QTextCharFormat charFormat(bool bold, double points = kBodyPoints) {
    QTextCharFormat format;
    format.setFont(documentFont(points));
    // Qt's ODF writer (6.4) names the font from this property only.
    format.setProperty(QTextFormat::OldFontFamily, QStringLiteral("Liberation Serif"));
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    return format;
}

QTextBlockFormat blockFormat(Align align, double spaceBefore, double spaceAfter) {
    QTextBlockFormat format;
    format.setAlignment(qtAlign(align));
    format.setTopMargin(spaceBefore);
    format.setBottomMargin(spaceAfter);
    return format;
}

// The width of the text between the margins, in points.
constexpr double kBodyWidthPoints = (210 - kMarginLeftMm - kMarginRightMm) / 25.4 * 72;

// `percent` of the body's width, in points: Qt's ODF writer (6.4) writes a
// table's and its columns' widths as their raw numbers followed by "pt"
// whatever their unit, so percentages would come out wrong.
QTextLength widthOf(double percent) {
    return QTextLength(QTextLength::FixedLength, kBodyWidthPoints * percent / 100);
}

// Relative widths of `columns` columns (missing or non-positive ones: 1).
QList<QTextLength> columnConstraints(const std::vector<double>& widths, int columns) {
    std::vector<double> weights(widths.begin(), widths.end());
    weights.resize(static_cast<std::size_t>(columns), 0.0);
    for (double& weight : weights) {
        weight = weight > 0 ? weight : 1.0;
    }
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    QList<QTextLength> constraints;
    for (const double weight : weights) {
        constraints.append(widthOf(100.0 * weight / total));
    }
    return constraints;
}

// Lays the blocks one after another into a QTextDocument.
class Composer {
public:
    explicit Composer(QTextDocument& document) : document_(document), cursor_(&document) {}

    void title(const std::string& text) {
        if (!text.empty()) {
            paragraph(text, blockFormat(Align::Center, 0, 12), charFormat(true, kTitlePoints));
        }
    }

    void operator()(const Heading& heading) {
        const bool main = heading.level <= 1;
        paragraph(heading.text, blockFormat(main ? Align::Center : Align::Left, main ? 12 : 8, 6),
                  charFormat(true));
    }

    void operator()(const Paragraph& block) {
        paragraph(block.text, blockFormat(block.align, 0, 6), charFormat(block.bold));
    }

    void operator()(const Table& table) {
        QTextTableFormat format;
        format.setWidth(widthOf(100));
        format.setBorder(1);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderBrush(Qt::black);
        format.setBorderCollapse(true);
        format.setCellSpacing(0);
        format.setCellPadding(3);
        format.setHeaderRowCount(std::max(0, table.headerRows));
        format.setBottomMargin(6);
        fillTable(format, table);
    }

    void operator()(const Signature& signature) {
        QTextTableFormat format;
        format.setWidth(widthOf(100));
        format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        format.setBorder(0);
        format.setCellPadding(0);
        format.setTopMargin(18);
        format.setBottomMargin(6);
        Table cells;
        cells.columnWidths = {45, 30, 25};
        cells.columnAligns = {Align::Left, Align::Center, Align::Left};
        cells.headerRows = 0;
        cells.rows = {{signature.role, "____________________", "/ " + signature.name + " /"},
                      {"", "(подпись)", ""}};
        QTextTable* table = fillTable(format, cells);
        for (int column = 0; column < 3; ++column) {
            QTextCursor caption = table->cellAt(1, column).firstCursorPosition();
            caption.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            caption.mergeCharFormat(charFormat(false, kCaptionPoints));
        }
    }

    void operator()(const PageBreak&) { pageBreakPending_ = true; }

    void operator()(const Image& image) {
        const QImage picture = decodedImage(image);
        const QString name = QStringLiteral("veche-image-%1").arg(++images_);
        document_.addResource(QTextDocument::ImageResource, QUrl(name), picture);
        QTextImageFormat format;
        format.setName(name);
        format.setWidth(pxOfMm(image.widthMm));
        format.setHeight(pxOfMm(image.widthMm) * picture.height() / picture.width());
        startBlock(blockFormat(image.align, 6, 6), charFormat(false));
        cursor_.insertImage(format);
    }

private:
    void paragraph(const std::string& text, const QTextBlockFormat& block,
                   const QTextCharFormat& chars) {
        startBlock(block, chars);
        cursor_.insertText(qt(text), chars);
    }

    // A new block after everything so far; the document's first block is reused.
    void startBlock(QTextBlockFormat block, const QTextCharFormat& chars) {
        if (pageBreakPending_) {
            block.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            pageBreakPending_ = false;
        }
        cursor_.movePosition(QTextCursor::End);
        if (empty_) {
            cursor_.setBlockFormat(block);
            cursor_.setBlockCharFormat(chars);
            empty_ = false;
        } else {
            cursor_.insertBlock(block, chars);
        }
    }

    QTextTable* fillTable(QTextTableFormat format, const Table& table) {
        int columns = static_cast<int>(table.columnWidths.size());
        for (const auto& row : table.rows) {
            columns = std::max(columns, static_cast<int>(row.size()));
        }
        const int rows = static_cast<int>(table.rows.size());
        format.setColumnWidthConstraints(columnConstraints(table.columnWidths, columns));
        if (pageBreakPending_) {  // an empty paragraph carries the break
            startBlock(blockFormat(Align::Left, 0, 0), charFormat(false));
        }
        cursor_.movePosition(QTextCursor::End);
        QTextTable* qtTable = cursor_.insertTable(std::max(rows, 1), std::max(columns, 1), format);
        for (int r = 0; r < rows; ++r) {
            const auto& row = table.rows[static_cast<std::size_t>(r)];
            for (std::size_t c = 0; c < row.size(); ++c) {
                const auto column = static_cast<int>(c);
                const Align align =
                    c < table.columnAligns.size() ? table.columnAligns[c] : Align::Left;
                QTextCursor cell = qtTable->cellAt(r, column).firstCursorPosition();
                cell.setBlockFormat(blockFormat(align, 0, 0));
                cell.insertText(qt(row[c]), charFormat(r < table.headerRows));
            }
        }
        empty_ = true;  // the next paragraph takes the empty block Qt puts after a table
        return qtTable;
    }

    QTextDocument& document_;
    QTextCursor cursor_;
    bool empty_ = true;
    bool pageBreakPending_ = false;
    int images_ = 0;
};

}  // namespace

Qt::Alignment qtAlign(Align align) {
    switch (align) {
        case Align::Left:
            return Qt::AlignLeft;
        case Align::Center:
            return Qt::AlignHCenter;
        case Align::Right:
            return Qt::AlignRight;
        case Align::Justify:
            return Qt::AlignJustify;
    }
    return Qt::AlignLeft;
}

void requireGuiApplication() {
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr) {
        throw std::logic_error(
            "veche::paperwork needs a QGuiApplication (QT_QPA_PLATFORM=offscreen without a "
            "display)");
    }
}

QFont documentFont(double pointSize) {
    QFont font(QStringLiteral("Liberation Serif"));
    font.setFamilies({QStringLiteral("Liberation Serif"), QStringLiteral("DejaVu Serif")});
    font.setPointSizeF(pointSize);
    return font;
}

QImage decodedImage(const Image& image) {
    QImage picture = QImage::fromData(reinterpret_cast<const uchar*>(image.bytes.data()),
                                      static_cast<int>(image.bytes.size()));
    if (picture.isNull()) {
        throw std::invalid_argument("an image in the document cannot be decoded (" +
                                    std::to_string(image.bytes.size()) + " bytes)");
    }
    return picture;
}

std::unique_ptr<QTextDocument> textDocumentOf(const Document& document) {
    requireGuiApplication();
    auto text = std::make_unique<QTextDocument>();
    text->setDefaultFont(documentFont(kBodyPoints));
    text->setDocumentMargin(0);
    text->setUseDesignMetrics(true);
    text->setMetaInformation(QTextDocument::DocumentTitle, QString::fromStdString(document.title));
    Composer composer(*text);
    composer.title(document.title);
    for (const Block& block : document.blocks) {
        std::visit(composer, block);
    }
    return text;
}

}  // namespace veche::paperwork::detail
