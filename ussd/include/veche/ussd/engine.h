#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "veche/ussd/backend.h"
#include "veche/ussd/screen.h"
#include "veche/ussd/session.h"

namespace veche::ussd {

// One request of an operator's USSD gateway, whatever its protocol
// (gateway.h turns the protocol's message into this).
struct UssdRequest {
    std::string sessionId;
    std::string serviceCode;  // "*123#", or a whole chain dialled at once: "*123*2*1#"
    std::string msisdn;       // the caller, as the network proved it: "+7…"
    std::string text;         // every input of the session so far, joined by '*'
};

struct EngineOptions {
    std::chrono::milliseconds stepTimeout{30'000};      // between two inputs
    std::chrono::milliseconds sessionTimeout{180'000};  // the whole session
    std::string dialCode = "*123#";                     // named on the farewell screens
};

// The USSD menus (menu.h) for one caller at a time per session. Navigation:
// `0` back, `00` main menu, `99` next page, otherwise the number of a choice.
// A vote is recorded only by its confirmation, in one call to the backend;
// an expired session records nothing more. A repeated request (the same
// inputs) gets the same screen and does nothing again.
class UssdEngine {
public:
    UssdEngine(UssdBackend& backend, SessionStore& sessions, std::function<std::int64_t()> nowMs,
               EngineOptions options = {});

    // Never throws: trouble ends the session with an apology.
    Screen step(const UssdRequest& request);

private:
    struct Turn;  // one request's work on a session (engine.cpp)

    Screen stepOnce(const UssdRequest& request, const std::vector<std::string>& inputs,
                    bool& conflict);

    UssdBackend& backend_;
    SessionStore& sessions_;
    std::function<std::int64_t()> nowMs_;
    EngineOptions options_;
};

// The inputs a request carries: those dialled with the code ("*123*2*1#"
// gives 2, 1), then those in `text`.
std::vector<std::string> inputsOf(const UssdRequest& request);

}  // namespace veche::ussd
