#include "veche/ussd/replay.h"

#include <algorithm>
#include <exception>

namespace veche::ussd {
namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t end = std::min(text.find('\n', from), text.size());
        out.push_back(text.substr(from, end - from));
        from = end + 1;
    }
    return out;
}

}  // namespace

ReplayReport replayTranscript(const std::vector<TranscriptSession>& sessions,
                              UssdTransport& transport, const std::string& phoneNumber,
                              const std::function<std::uint64_t()>& random) {
    ReplayReport report;
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        ++report.sessions;
        PhoneSession phone(transport, newSessionId(random), phoneNumber);
        ReplayMismatch m{s, {}, "", "", ""};
        for (const TranscriptStep& step : sessions[s]) {
            ++report.screens;
            m.inputs.push_back(step.input);
            m.actual.clear();
            try {
                const Screen screen =
                    m.inputs.size() == 1 ? phone.dial(step.input) : phone.answer(step.input);
                m.actual = screenBody(screen);
            } catch (const std::exception& e) {
                m.error = e.what();
            }
            if (!m.error.empty() || m.actual != step.screen) {
                m.expected = step.screen;
                report.mismatches.push_back(std::move(m));
                break;
            }
        }
    }
    return report;
}

std::string describeMismatch(const ReplayMismatch& m) {
    std::string out = "session " + std::to_string(m.session + 1) + ", step " +
                      std::to_string(m.inputs.size()) + ":";
    for (const std::string& input : m.inputs) {
        out += " > " + input;
    }
    out += "\n";
    const std::vector<std::string> expected = lines(m.expected);
    const std::vector<std::string> actual =
        m.error.empty() ? lines(m.actual) : std::vector<std::string>{};
    for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        if (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
            out += "  " + expected[i] + "\n";
            continue;
        }
        out += i < expected.size() ? "- " + expected[i] + "\n" : "";
        out += i < actual.size() ? "+ " + actual[i] + "\n" : "";
    }
    if (!m.error.empty()) {
        out += "! " + m.error + "\n";
    }
    return out;
}

}  // namespace veche::ussd
