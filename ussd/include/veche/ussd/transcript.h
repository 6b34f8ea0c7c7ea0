#pragma once
// USSD transcripts: what a caller typed and what the handset showed, as a
// UTF-8 text file shared by golden tests and `veche-ussd-phone --script`.
//
//   # a comment
//   > *123#
//   CON Главное меню
//   1 Объявления
//   > 1
//   END Объявлений нет
//
//   > *123*5#
//   END Ваш номер +79161234567
//
// A line `> X` is an input (`>` alone is an empty input); the lines after it
// up to the next input are the screen, whose first line, right after the
// input, starts with "CON " or "END ". Trailing blank lines of a screen are
// dropped. An input `*…#` starts a new session; the first input of the file
// must be one. Lines starting with `#` are comments anywhere.

#include <string>
#include <string_view>
#include <vector>

namespace veche::ussd {

struct TranscriptStep {
    std::string input;   // the dialled code (first step of a session) or one reply
    std::string screen;  // the whole body: "CON …" or "END …", lines joined by '\n'
    bool operator==(const TranscriptStep&) const = default;
};

using TranscriptSession = std::vector<TranscriptStep>;

// The sessions of a transcript. Throws std::invalid_argument naming the line
// ("transcript line 7: …") when the text breaks the rules above, when an
// input follows an END screen, or when it holds a carriage return.
std::vector<TranscriptSession> parseTranscript(std::string_view text);

// The text parseTranscript reads back as `sessions`: sessions separated by a
// blank line. Throws std::invalid_argument for what the format cannot hold
// (an empty session, a first input that is not `*…#` or a later one that is,
// a screen not starting with "CON "/"END ", ending in a line break or with a
// line that reads as an input or a comment, a newline or carriage return in
// an input, an input after END).
std::string formatTranscript(const std::vector<TranscriptSession>& sessions);

// Whether `input` is a dialled code `*…#`, which starts a session.
bool isDialledCode(std::string_view input);

}  // namespace veche::ussd
