#pragma once
// The lines a modem worker process (veche-modem-worker) and the process that
// drives it (WorkerModem) exchange over a socket pair (docs/modem.md).
//
// One line per message: fields separated by TAB, ended by LF; a backslash,
// TAB, LF or CR inside a field is written as \\, \t, \n or \r. The first
// field names the message:
//
//   driver → worker                    worker → driver
//   send  SEQ TO TEXT REPORT(0|1)      sent SEQ STATUS PARTS REFS(1,2,…) ERROR
//   ussd  SEQ CODE                     ussd SEQ OK(0|1) TEXT ERROR
//   stored RID                         received RID FROM AT(ms since epoch) TEXT
//   refused RID WHY                    report RECIPIENT REFERENCE DELIVERED(0|1) STATUS
//                                      connection CONNECTED(0|1)
//                                      info CONNECTED SIGNAL SIM IMSI OPERATOR LAST_ERROR
//                                           RECONNECTS
//
// A received message stays on the modem's SIM until the driver answers
// `stored` (it is kept safe) or `refused` (offer it again later).

#include <string>
#include <string_view>
#include <vector>

#include "veche/modem/modem.h"

namespace veche::modem::worker {

// A line with its LF, ready to write.
std::string encodeLine(const std::vector<std::string>& fields);

// The fields of one line (without its LF). Throws std::invalid_argument,
// naming the problem, on an unknown escape.
std::vector<std::string> decodeLine(std::string_view line);

// Field conversions that throw std::invalid_argument naming `what`.
int toInt(const std::string& field, const char* what);
std::vector<int> toInts(const std::string& commaSeparated, const char* what);
std::string joinInts(const std::vector<int>& values);

// Reads LF-ended lines from a file descriptor, keeping partial ones.
class LineReader {
public:
    explicit LineReader(int fd) : fd_(fd) {}
    // The next line without its LF, or false at end of file or on an error.
    bool next(std::string& line);
    // For callers that poll(): a whole line already read, if any…
    bool take(std::string& line);
    // …and one read(): the bytes read, 0 at end of file, -1 on an error.
    long readOnce();

private:
    int fd_;
    std::string buffer_;
};

// Writes a whole buffer to a descriptor (a socket or a pipe), retrying
// partial writes and EINTR, never raising SIGPIPE. False if the peer is gone.
bool writeAll(int fd, std::string_view data);

}  // namespace veche::modem::worker
