#include "veche/ussd/engine.h"

#include <algorithm>
#include <exception>
#include <optional>

#include "flows.h"

namespace veche::ussd {

namespace {

const std::string kApology = "Извините, сервис временно недоступен. Попробуйте позже.";

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

Screen screenOf(const std::string& stored) {
    return {stored.rfind("END ", 0) == 0, stored.substr(4)};
}

std::string storedOf(const Screen& screen) {
    return (screen.final ? "END " : "CON ") + screen.text;
}

}  // namespace

std::vector<std::string> inputsOf(const UssdRequest& request) {
    std::vector<std::string> inputs;
    const std::string& code = request.serviceCode;
    if (code.size() > 2 && code.front() == '*' && code.back() == '#') {
        const auto parts = split(code.substr(1, code.size() - 2), '*');
        inputs.assign(parts.begin() + 1, parts.end());
    }
    if (!request.text.empty()) {
        for (std::string& input : split(request.text, '*')) {
            inputs.push_back(std::move(input));
        }
    }
    return inputs;
}

UssdEngine::UssdEngine(UssdBackend& backend, SessionStore& sessions,
                       std::function<std::int64_t()> nowMs, EngineOptions options)
    : backend_(backend),
      sessions_(sessions),
      nowMs_(std::move(nowMs)),
      options_(std::move(options)) {}

Screen UssdEngine::step(const UssdRequest& request) {
    try {
        const std::vector<std::string> inputs = inputsOf(request);
        for (int attempt = 0; attempt < 3; ++attempt) {
            bool conflict = false;
            Screen screen = stepOnce(request, inputs, conflict);
            if (!conflict) {
                return screen;
            }
        }
    } catch (const std::exception&) {
        // The session's last saved state stands; nothing half-done was saved.
    }
    return {true, kApology};
}

Screen UssdEngine::stepOnce(const UssdRequest& request, const std::vector<std::string>& inputs,
                            bool& conflict) {
    const std::int64_t now = nowMs_();
    std::optional<SessionState> loaded = sessions_.load(request.sessionId);
    // A gateway that numbers its sessions anew each day reuses old ids.
    const bool recycled = loaded && loaded->ended && inputs.empty();
    SessionState s;
    if (loaded && !recycled) {
        s = std::move(*loaded);
        if (s.msisdn != request.msisdn) {
            return {true, kApology};  // a session id reused by another number
        }
        const int seen = s.inputsSeen;
        if (s.ended || static_cast<int>(inputs.size()) <= seen) {
            return screenOf(s.lastScreen);  // a repeated request: the same answer
        }
    } else {
        s.version = loaded ? loaded->version : 0;
        s.id = request.sessionId;
        s.msisdn = request.msisdn;
        s.startedAt = now;
        s.lastStepAt = now;
        s.stack = {{"main", 0, -1}};
    }
    const int expectedVersion = s.version;
    Screen screen;
    if (loaded && !recycled &&
        (now - s.lastStepAt > options_.stepTimeout.count() ||
         now - s.startedAt > options_.sessionTimeout.count())) {
        screen = {true, "Время ожидания истекло, ничего не записано. Наберите " +
                            options_.dialCode + " снова."};
    } else {
        Flows flows(backend_, s, options_.dialCode);
        for (std::size_t i = static_cast<std::size_t>(s.inputsSeen);
             i < inputs.size() && !flows.ended(); ++i) {
            flows.apply(inputs[i]);
        }
        screen = flows.render();
    }
    s.inputsSeen = static_cast<int>(inputs.size());
    s.lastStepAt = now;
    s.ended = screen.final;
    s.lastScreen = storedOf(screen);
    if (!sessions_.save(s, expectedVersion)) {
        conflict = true;  // another instance moved this session on: start again from its state
    }
    return screen;
}

}  // namespace veche::ussd
