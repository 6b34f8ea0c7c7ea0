#pragma once

// A printable document (the notice, a ballot, the protocol) as a list of
// blocks, and its writers: PDF for printing, ODT (ГОСТ Р ИСО/МЭК 26300) for
// editing. Texts are UTF-8 and printed as given: set them with typeset()
// (typography.h) first.
//
// Qt: the writers lay text out with Qt Gui (the PDF with its own layout on
// QTextLayout and QPainter, the ODT through QTextDocument), which needs a
// QGuiApplication. The caller must construct one before the first call and
// keep it until the last; a process without a display runs it with
// QT_QPA_PLATFORM=offscreen (as the tests do). Without one the writers throw
// std::logic_error. No Qt type appears in this header, so code that includes
// it (the hub) needs no Qt headers; it links Qt6::Gui through this library.
//
// Fonts: Liberation Serif (Debian's fonts-liberation2), metrically the same
// as Times New Roman, with DejaVu Serif (fonts-dejavu-core) as a fallback;
// both cover Cyrillic (docs/paperwork.md).

#include <string>
#include <variant>
#include <vector>

namespace veche::paperwork {

enum class Align { Left, Center, Right, Justify };

// A section heading: level 1 bold and centred, level 2 bold on the left.
struct Heading {
    std::string text;
    int level = 1;
};

// A paragraph; "\n" in the text breaks the line within it.
struct Paragraph {
    std::string text;
    bool bold = false;
    Align align = Align::Justify;
};

// A ruled table. Rows shorter than the table get empty cells.
struct Table {
    // Relative column widths (e.g. {10, 60, 30}); empty: equal columns. The
    // number of columns is the larger of its size and the longest row's.
    std::vector<double> columnWidths;
    // Alignment of each column's cells; missing columns are left-aligned.
    std::vector<Align> columnAligns;
    // The first rows are the header: bold, repeated on every page in PDF.
    int headerRows = 1;
    std::vector<std::vector<std::string>> rows;
};

// A signature line: «Председатель собрания   ____________   / И. И. Иванов /»
// with «(подпись)» under the line.
struct Signature {
    std::string role;
    std::string name;
};

// The next block starts a new page.
struct PageBreak {};

// An image (such as a ballot's QR code) in its own centred paragraph.
struct Image {
    std::string bytes;    // an encoded image Qt reads: PNG (provisioning::pngOf), JPEG
    double widthMm = 30;  // printed width; the height keeps the aspect ratio
    Align align = Align::Center;
};

using Block = std::variant<Heading, Paragraph, Table, Signature, PageBreak, Image>;

struct Document {
    // Printed at the top, bold and centred ("\n" breaks the line), and kept
    // as the file's title (PDF metadata); empty: none.
    std::string title;
    std::vector<Block> blocks;
};

// Page geometry of the PDF: A4 portrait, margins in millimetres (the left one
// wider for binding), «Страница N из M» centred in the bottom margin.
inline constexpr double kMarginLeftMm = 30;
inline constexpr double kMarginTopMm = 20;
inline constexpr double kMarginRightMm = 20;
inline constexpr double kMarginBottomMm = 20;

// The document as PDF bytes / written to `path`. Throws std::logic_error
// without a QGuiApplication, std::invalid_argument when an image cannot be
// decoded, std::runtime_error naming the path when it cannot be written.
std::string pdfOf(const Document& document);
void writePdf(const Document& document, const std::string& path);

// The document as ODT bytes (a zip: mimetype, content.xml, manifest, images)
// / written to `path`; errors as for PDF. Qt writes no page layout, footer or
// title into ODT: the editor's defaults apply (docs/paperwork.md).
std::string odtOf(const Document& document);
void writeOdt(const Document& document, const std::string& path);

}  // namespace veche::paperwork
