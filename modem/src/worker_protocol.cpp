#include "veche/modem/worker_protocol.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <stdexcept>

namespace veche::modem::worker {

std::string encodeLine(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out += '\t';
        }
        for (const char c : fields[i]) {
            switch (c) {
                case '\\':
                    out += "\\\\";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                default:
                    out += c;
            }
        }
    }
    out += '\n';
    return out;
}

std::vector<std::string> decodeLine(std::string_view line) {
    std::vector<std::string> fields(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\t') {
            fields.emplace_back();
        } else if (c != '\\') {
            fields.back() += c;
        } else if (i + 1 == line.size()) {
            throw std::invalid_argument("a line ends inside an escape");
        } else {
            switch (line[++i]) {
                case '\\':
                    fields.back() += '\\';
                    break;
                case 't':
                    fields.back() += '\t';
                    break;
                case 'n':
                    fields.back() += '\n';
                    break;
                case 'r':
                    fields.back() += '\r';
                    break;
                default:
                    throw std::invalid_argument(std::string("unknown escape \\") + line[i]);
            }
        }
    }
    return fields;
}

int toInt(const std::string& field, const char* what) {
    int value = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (ec != std::errc() || end != field.data() + field.size() || field.empty()) {
        throw std::invalid_argument(std::string(what) + " is not a number: '" + field + "'");
    }
    return value;
}

std::vector<int> toInts(const std::string& commaSeparated, const char* what) {
    std::vector<int> out;
    std::size_t start = 0;
    while (start < commaSeparated.size()) {
        const std::size_t comma = commaSeparated.find(',', start);
        const std::size_t end = comma == std::string::npos ? commaSeparated.size() : comma;
        out.push_back(toInt(commaSeparated.substr(start, end - start), what));
        start = end + 1;
    }
    return out;
}

std::string joinInts(const std::vector<int>& values) {
    std::string out;
    for (const int v : values) {
        if (!out.empty()) {
            out += ',';
        }
        out += std::to_string(v);
    }
    return out;
}

bool LineReader::next(std::string& line) {
    while (!take(line)) {
        if (readOnce() <= 0) {
            return false;
        }
    }
    return true;
}

bool LineReader::take(std::string& line) {
    const std::size_t lf = buffer_.find('\n');
    if (lf == std::string::npos) {
        return false;
    }
    line = buffer_.substr(0, lf);
    buffer_.erase(0, lf + 1);
    return true;
}

long LineReader::readOnce() {
    char chunk[4096];
    ssize_t n = 0;
    do {
        n = ::read(fd_, chunk, sizeof chunk);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
    return static_cast<long>(n);
}

bool writeAll(int fd, std::string_view data) {
    while (!data.empty()) {
        // send() on a socket can refuse SIGPIPE; a pipe falls back to write().
        ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == ENOTSOCK) {
            n = ::write(fd, data.data(), data.size());
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace veche::modem::worker
