#pragma once

// Tables and signatures on a Sheet: rows of cells in columns (internal).

#include <QFont>
#include <QString>

#include <vector>

#include "pdf_sheet.h"

namespace veche::paperwork::detail {

struct Cell {
    QString text;
    QFont font;
    Align align = Align::Left;
};

struct Grid {
    std::vector<double> widths;           // of the columns, summing to the body's width
    std::vector<std::vector<Cell>> rows;  // rows may be shorter than `widths`
    int headerRows = 0;                   // repeated at the top of each page the grid continues on
    bool ruled = true;                    // 1-unit borders around every cell
    bool keepTogether = false;            // all rows on one page
    double padding = 3;                   // between a cell's border and its text
};

// `count` relative widths (missing or non-positive ones: 1) scaled to `total`.
std::vector<double> columnWidths(const std::vector<double>& relative, int count, double total);

// Places `grid` at the sheet's position: a row that does not fit goes whole
// to the next page, under the header rows; only a row taller than a page is
// cut between lines.
void placeGrid(Sheet& sheet, const Grid& grid);

}  // namespace veche::paperwork::detail
