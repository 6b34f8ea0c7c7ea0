#include "veche/core/csv.h"

namespace veche::core {
namespace {

class CsvParser {
public:
    explicit CsvParser(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
            pos_ = 3;
        }
    }

    CsvDocument parse() {
        CsvDocument doc;
        while (pos_ < text_.size()) {
            if (atLineEnd()) {  // an empty line
                skipLineEnd();
                continue;
            }
            CsvRecord record{line_, {}};
            if (parseRecord(record, doc)) {
                doc.records.push_back(std::move(record));
            } else {
                skipRestOfLine();  // the record is reported and left out; the next line goes on
            }
        }
        return doc;
    }

private:
    bool atLineEnd() const {
        return text_[pos_] == '\n' ||
               (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
    }

    void skipLineEnd() {
        pos_ += text_[pos_] == '\r' ? 2u : 1u;
        ++line_;
    }

    void skipRestOfLine() {
        while (pos_ < text_.size() && text_[pos_] != '\n') {
            ++pos_;
        }
        if (pos_ < text_.size()) {
            ++pos_;
            ++line_;
        }
    }

    bool fail(CsvDocument& doc, std::size_t line, std::string message) {
        doc.errors.push_back({line, std::move(message)});
        return false;
    }

    // Reads fields up to and including the record's line end.
    bool parseRecord(CsvRecord& record, CsvDocument& doc) {
        for (;;) {
            std::string field;
            const bool ok = pos_ < text_.size() && text_[pos_] == '"' ? parseQuoted(field, doc)
                                                                      : parseBare(field, doc);
            if (!ok) {
                return false;
            }
            record.fields.push_back(std::move(field));
            if (pos_ >= text_.size()) {
                return true;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (atLineEnd()) {
                skipLineEnd();
                return true;
            }
            return fail(doc, line_, "unexpected text after a closing quote");
        }
    }

    bool parseBare(std::string& field, CsvDocument& doc) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && !atLineEnd()) {
            if (text_[pos_] == '"') {
                return fail(doc, line_, "a quote inside an unquoted field (quote the whole field)");
            }
            if (text_[pos_] == '\n' || text_[pos_] == '\r') {
                return fail(doc, line_, "a bare line break character inside a field");
            }
            ++pos_;
        }
        field.assign(text_.substr(start, pos_ - start));
        return true;
    }

    bool parseQuoted(std::string& field, CsvDocument& doc) {
        const std::size_t openedAt = line_;
        ++pos_;  // opening quote
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field.push_back('"');
                    ++pos_;
                    continue;
                }
                return true;
            }
            if (c == '\n') {
                ++line_;
            }
            field.push_back(c);
        }
        return fail(doc, openedAt, "a quoted field is never closed");
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

}  // namespace

CsvDocument parseCsv(std::string_view text) {
    return CsvParser(text).parse();
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& f = fields[i];
        if (i > 0) {
            line.push_back(',');
        }
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            line += f;
            continue;
        }
        line.push_back('"');
        for (char c : f) {
            line.append(c == '"' ? 2 : 1, c);
        }
        line.push_back('"');
    }
    line.push_back('\n');
    return line;
}

}  // namespace veche::core
