#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/csv.h"
#include "veche/core/problem.h"

namespace veche::core {

// A CSV file whose header must name exactly the expected columns, in any
// order. Rows with the wrong number of fields are reported and left out.
class CsvTable {
public:
    // nullopt (with problems added) when the text or its header is unusable.
    static std::optional<CsvTable> open(std::string file, std::string_view text,
                                        std::initializer_list<std::string_view> columns,
                                        Problems& problems);

    // The rows with the right number of fields.
    const std::vector<CsvRecord>& rows() const { return rows_; }
    // Whether the file has any record after the header, right or wrong.
    bool hasData() const { return hasData_; }
    // Whether every record after the header was read into rows().
    bool complete() const { return complete_; }

    // The field of `row` in expected column `column` (index into `columns`).
    const std::string& field(const CsvRecord& row, std::size_t column) const {
        return row.fields[positions_[column]];
    }

    void report(Problems& problems, const CsvRecord& row, std::string message) const {
        problems.push_back({file_, row.line, std::move(message)});
    }

private:
    std::string file_;
    std::vector<std::size_t> positions_;
    std::vector<CsvRecord> rows_;
    bool hasData_ = false;
    bool complete_ = true;
};

// `text` in double quotes, for messages.
inline std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

}  // namespace veche::core
