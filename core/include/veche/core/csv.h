#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veche::core {

struct CsvRecord {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvError {
    std::size_t line = 0;
    std::string message;
};

struct CsvDocument {
    std::vector<CsvRecord> records;  // the header, if any, is records[0]
    std::vector<CsvError> errors;    // records that could not be read, left out of `records`
};

// Parses RFC 4180 text: fields separated by commas, optionally quoted with
// '"'; a quoted field may hold commas, doubled quotes and line breaks. Accepts a
// UTF-8 byte order mark and LF or CRLF line ends; skips empty lines. A quote
// inside an unquoted field, text after a closing quote, or a quoted field that
// never closes is an error: that record is left out and parsing goes on at the
// next line.
CsvDocument parseCsv(std::string_view text);

// One line of CSV (with its final "\n"), quoting the fields that need it.
std::string csvLine(const std::vector<std::string>& fields);

}  // namespace veche::core
