#include "veche/ussd/transcript.h"

#include <algorithm>
#include <stdexcept>

namespace veche::ussd {
namespace {

bool isInputLine(std::string_view line) {
    return line == ">" || line.starts_with("> ");
}

bool startsScreen(std::string_view line) {
    return line.starts_with("CON ") || line.starts_with("END ");
}

bool isFinal(const TranscriptStep& step) {
    return step.screen.starts_with("END ");
}

[[noreturn]] void failAt(std::size_t line, const std::string& why) {
    throw std::invalid_argument("transcript line " + std::to_string(line) + ": " + why);
}

// Collects the lines of one screen and closes it into its step.
class ScreenBuilder {
public:
    void start(TranscriptStep& step, std::size_t inputLine) {
        step_ = &step;
        inputLine_ = inputLine;
        blankLine_ = 0;
        lines_.clear();
    }

    void add(std::string_view line, std::size_t number) {
        if (lines_.empty() && line.empty()) {
            blankLine_ = blankLine_ == 0 ? number : blankLine_;
            return;  // an error unless only blank lines follow up to the next input
        }
        if (lines_.empty() && (blankLine_ != 0 || !startsScreen(line))) {
            failAt(blankLine_ != 0 ? blankLine_ : number,
                   "the screen after `> " + step_->input +
                       "` must start with \"CON \" or \"END \" on the next line");
        }
        lines_.emplace_back(line);
    }

    void finish() {
        if (step_ == nullptr) {
            return;
        }
        while (!lines_.empty() && lines_.back().empty()) {
            lines_.pop_back();
        }
        if (lines_.empty()) {
            failAt(inputLine_, "no screen after `> " + step_->input + "`");
        }
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            step_->screen += (i == 0 ? "" : "\n") + lines_[i];
        }
        step_ = nullptr;
    }

    bool open() const { return step_ != nullptr; }

private:
    TranscriptStep* step_ = nullptr;
    std::size_t inputLine_ = 0;
    std::size_t blankLine_ = 0;  // the first blank line before the screen, if any
    std::vector<std::string> lines_;
};

[[noreturn]] void failStep(std::size_t session, std::size_t step, const std::string& why) {
    throw std::invalid_argument("transcript session " + std::to_string(session + 1) + ", step " +
                                std::to_string(step + 1) + ": " + why);
}

void checkScreen(const std::string& screen, std::size_t session, std::size_t step) {
    if (!startsScreen(screen)) {
        failStep(session, step, "the screen must start with \"CON \" or \"END \"");
    }
    if (screen.find('\r') != std::string::npos) {
        failStep(session, step, "the screen holds a carriage return");
    }
    if (screen.back() == '\n') {
        failStep(session, step, "the screen ends with a line break");
    }
    std::size_t from = 0;
    while (from <= screen.size()) {
        const std::size_t end = std::min(screen.find('\n', from), screen.size());
        const std::string_view line = std::string_view(screen).substr(from, end - from);
        if (isInputLine(line) || line.starts_with('#')) {
            failStep(session, step,
                     "the screen line \"" + std::string(line) +
                         "\" would read as an input or a comment");
        }
        from = end + 1;
    }
}

}  // namespace

bool isDialledCode(std::string_view input) {
    return input.size() >= 3 && input.front() == '*' && input.back() == '#';
}

std::vector<TranscriptSession> parseTranscript(std::string_view text) {
    std::vector<TranscriptSession> sessions;
    ScreenBuilder screen;
    std::size_t number = 0;
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t end = std::min(text.find('\n', from), text.size());
        const std::string_view line = text.substr(from, end - from);
        from = end + 1;
        ++number;
        if (line.find('\r') != std::string_view::npos) {
            failAt(number, "carriage return (the file must have Unix line ends)");
        }
        if (line.starts_with('#')) {
            continue;
        }
        if (!isInputLine(line)) {
            if (screen.open()) {
                screen.add(line, number);
            } else if (!line.empty()) {
                failAt(number, "text before the first input; a transcript starts with `> *…#`");
            }
            continue;
        }
        screen.finish();
        TranscriptStep step{std::string(line.substr(line.size() > 1 ? 2 : 1)), ""};
        if (isDialledCode(step.input)) {
            sessions.emplace_back();
        } else if (sessions.empty()) {
            failAt(number, "the first input must be a dialled code like `> *123#`");
        } else if (isFinal(sessions.back().back())) {
            failAt(number, "input after an END screen; a new session starts with `> *…#`");
        }
        sessions.back().push_back(std::move(step));
        screen.start(sessions.back().back(), number);
    }
    screen.finish();
    return sessions;
}

std::string formatTranscript(const std::vector<TranscriptSession>& sessions) {
    std::string out;
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        if (sessions[s].empty()) {
            failStep(s, 0, "the session has no steps");
        }
        out += s == 0 ? "" : "\n";
        for (std::size_t i = 0; i < sessions[s].size(); ++i) {
            const TranscriptStep& step = sessions[s][i];
            if (isDialledCode(step.input) != (i == 0)) {
                failStep(s, i,
                         i == 0 ? "a session starts with a dialled code like *123#"
                                : "the input \"" + step.input + "\" would start a new session");
            }
            if (step.input.find_first_of("\r\n") != std::string::npos) {
                failStep(s, i, "the input holds a line break");
            }
            checkScreen(step.screen, s, i);
            if (isFinal(step) && i + 1 < sessions[s].size()) {
                failStep(s, i, "an END screen must be the last of its session");
            }
            out += (step.input.empty() ? ">" : "> " + step.input) + "\n" + step.screen + "\n";
        }
    }
    return out;
}

}  // namespace veche::ussd
