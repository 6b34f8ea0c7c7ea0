// Rows of cells placed on pages (pdf_grid.h).
#include "pdf_grid.h"

#include <algorithm>
#include <numeric>

namespace veche::paperwork::detail {
namespace {

constexpr double kRule = 1;  // a border's width

// A grid's row measured: its cells' texts (as many as the row has cells) and
// its height, padding included.
struct Row {
    std::vector<const QTextLayout*> cells;
    double height = 0;
};

class GridPlacer {
public:
    GridPlacer(Sheet& sheet, const Grid& grid) : sheet_(sheet), grid_(grid) {}

    void place() {
        std::vector<Row> rows;
        for (const auto& cells : grid_.rows) {
            rows.push_back(measure(cells));
        }
        const auto headers = std::min(static_cast<std::size_t>(grid_.headerRows), rows.size());
        header_.assign(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(headers));
        const double headerHeight = heightOf(header_);
        const double start =
            grid_.keepTogether ? heightOf(rows)
                               : headerHeight + (rows.size() > headers ? rows[headers].height : 0);
        if (start > sheet_.room() && !sheet_.atPageTop()) {
            sheet_.newPage();
        }
        placeHeader();
        for (std::size_t r = headers; r < rows.size(); ++r) {
            if (rows[r].height <= sheet_.room()) {
                placeRow(rows[r]);
            } else if (rows[r].height + headerHeight <= sheet_.body().height()) {
                continueOnNewPage();
                placeRow(rows[r]);
            } else {
                splitRow(rows[r]);
            }
        }
    }

private:
    static double heightOf(const std::vector<Row>& rows) {
        return std::accumulate(rows.begin(), rows.end(), 0.0,
                               [](double sum, const Row& row) { return sum + row.height; });
    }

    // The left edge of a cell's text in the column starting at `x`.
    double textLeft(double x) const { return x + grid_.padding + (grid_.ruled ? kRule / 2 : 0); }

    Row measure(const std::vector<Cell>& cells) {
        Row row;
        double content = sheet_.lineHeight();
        for (std::size_t c = 0; c < cells.size() && c < grid_.widths.size(); ++c) {
            const double width = grid_.widths[c] - 2 * grid_.padding - (grid_.ruled ? kRule : 0);
            const QTextLayout* text =
                sheet_.measure(cells[c].text, cells[c].font, cells[c].align, width);
            content = std::max(content, text->boundingRect().height());
            row.cells.push_back(text);
        }
        row.height = content + 2 * grid_.padding;
        return row;
    }

    void placeHeader() {
        for (const Row& row : header_) {
            placeRow(row);
        }
    }

    void continueOnNewPage() {
        sheet_.newPage();
        placeHeader();
    }

    void placeRow(const Row& row) {
        double x = 0;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const QPointF origin(textLeft(x), sheet_.y() + grid_.padding);
            sheet_.page().texts.push_back({row.cells[c], 0, row.cells[c]->lineCount(), origin});
            x += grid_.widths[c];
        }
        rule(row.height);
        sheet_.advance(row.height);
    }

    // A row taller than a page, cut between lines: each page takes of every
    // cell the lines that fit (at least one, so that it always ends). It
    // starts on the next page when less than a quarter of this one is left.
    void splitRow(const Row& row) {
        if (sheet_.room() < sheet_.body().height() / 4) {
            continueOnNewPage();
        }
        std::vector<int> next(row.cells.size(), 0);
        const auto done = [&] {
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                if (next[c] < row.cells[c]->lineCount()) {
                    return false;
                }
            }
            return true;
        };
        while (!done()) {
            const double limit = sheet_.room() - 2 * grid_.padding;
            double height = 0;
            double x = 0;
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                height = std::max(height, cut(*row.cells[c], next[c], x, limit));
                x += grid_.widths[c];
            }
            rule(height + 2 * grid_.padding);
            sheet_.advance(height + 2 * grid_.padding);
            if (!done()) {
                continueOnNewPage();
            }
        }
    }

    // Places the lines of `text` from `next` that fit in `limit` (at least
    // one) in the column at `x`; advances `next`, returns their height.
    double cut(const QTextLayout& text, int& next, double x, double limit) {
        if (next >= text.lineCount()) {
            return 0;
        }
        const double top = text.lineAt(next).y();
        int end = next + 1;
        while (end < text.lineCount() && text.lineAt(end).rect().bottom() - top <= limit) {
            ++end;
        }
        const QPointF origin(textLeft(x), sheet_.y() + grid_.padding - top);
        sheet_.page().texts.push_back({&text, next, end - next, origin});
        next = end;
        return text.lineAt(end - 1).rect().bottom() - top;
    }

    // The borders of a ruled row of `height` at the sheet's position; the
    // verticals of the row just above on the page are lengthened, not repeated.
    void rule(double height) {
        if (!grid_.ruled) {
            return;
        }
        auto& rules = sheet_.page().rules;
        const double top = sheet_.y();
        const double bottom = top + height;
        const double width = sheet_.body().width();
        if (last_.page == sheet_.pageCount() && last_.bottom == top) {
            for (std::size_t i = last_.verticals; i <= last_.verticals + grid_.widths.size(); ++i) {
                rules[i].setP2(QPointF(rules[i].x2(), bottom));
            }
        } else {
            rules.emplace_back(0, top, width, top);
            last_.verticals = rules.size();
            double x = 0;
            rules.emplace_back(x, top, x, bottom);
            for (const double column : grid_.widths) {
                x += column;
                rules.emplace_back(x, top, x, bottom);
            }
        }
        rules.emplace_back(0, bottom, width, bottom);
        last_.page = sheet_.pageCount();
        last_.bottom = bottom;
    }

    Sheet& sheet_;
    const Grid& grid_;
    std::vector<Row> header_;
    // The last ruled row: its page (count of pages then), its bottom, and
    // where its verticals are in that page's rules.
    struct {
        std::size_t page = 0;
        double bottom = 0;
        std::size_t verticals = 0;
    } last_;
};

}  // namespace

std::vector<double> columnWidths(const std::vector<double>& relative, int count, double total) {
    std::vector<double> widths(relative.begin(), relative.end());
    widths.resize(static_cast<std::size_t>(count), 0.0);
    for (double& width : widths) {
        width = width > 0 ? width : 1.0;
    }
    const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
    for (double& width : widths) {
        width *= total / sum;
    }
    return widths;
}

void placeGrid(Sheet& sheet, const Grid& grid) {
    GridPlacer(sheet, grid).place();
}

}  // namespace veche::paperwork::detail
