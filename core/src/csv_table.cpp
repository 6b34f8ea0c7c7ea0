#include "csv_table.h"

#include <algorithm>

namespace veche::core {

std::optional<CsvTable> CsvTable::open(std::string file, std::string_view text,
                                       std::initializer_list<std::string_view> columns,
                                       Problems& problems) {
    CsvDocument doc = parseCsv(text);
    for (const CsvError& e : doc.errors) {
        problems.push_back({file, e.line, e.message});
    }
    if (doc.records.empty()) {
        if (doc.errors.empty()) {
            problems.push_back({file, 0, "the file is empty; it needs a header line"});
        }
        return std::nullopt;
    }
    const CsvRecord& header = doc.records.front();
    CsvTable table;
    table.file_ = file;
    bool headerOk = true;
    for (std::string_view column : columns) {
        const auto it = std::find(header.fields.begin(), header.fields.end(), column);
        if (it == header.fields.end()) {
            problems.push_back({file, header.line, "missing column " + quoted(column)});
            headerOk = false;
        } else {
            table.positions_.push_back(static_cast<std::size_t>(it - header.fields.begin()));
        }
    }
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string& name = header.fields[i];
        const bool expected = std::find(columns.begin(), columns.end(), name) != columns.end();
        const bool repeated =
            std::find(header.fields.begin(), header.fields.begin() + static_cast<long>(i), name) !=
            header.fields.begin() + static_cast<long>(i);
        if (!expected || repeated) {
            problems.push_back(
                {file, header.line,
                 (repeated ? "repeated column " : "unexpected column ") + quoted(name)});
            headerOk = false;
        }
    }
    if (!headerOk) {
        return std::nullopt;
    }
    table.hasData_ = doc.records.size() > 1 || !doc.errors.empty();
    table.complete_ = doc.errors.empty();
    for (std::size_t r = 1; r < doc.records.size(); ++r) {
        CsvRecord& row = doc.records[r];
        if (row.fields.size() != header.fields.size()) {
            table.complete_ = false;
            table.report(problems, row,
                         "expected " + std::to_string(header.fields.size()) + " fields, found " +
                             std::to_string(row.fields.size()));
            continue;
        }
        table.rows_.push_back(std::move(row));
    }
    return table;
}

}  // namespace veche::core
