#pragma once
// Replaying a transcript against the hub: every session dialled anew, every
// screen compared with the one the transcript expects.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "veche/ussd/phone.h"
#include "veche/ussd/transcript.h"

namespace veche::ussd {

// The first step of a session that went otherwise than the transcript says.
struct ReplayMismatch {
    std::size_t session = 0;          // 0-based, in the transcript
    std::vector<std::string> inputs;  // the session's inputs up to this step
    std::string expected;             // the transcript's screen
    std::string actual;               // the reply body; empty when `error` is set
    std::string error;                // why the step gave no screen, if it did not
};

struct ReplayReport {
    std::size_t sessions = 0;
    std::size_t screens = 0;  // compared, the mismatching ones included
    std::vector<ReplayMismatch> mismatches;
};

// Replays each session as a new PhoneSession of `phoneNumber` whose id comes
// from newSessionId(random), up to its first mismatch. Exceptions of the
// transport and of bodies with neither CON nor END become mismatches.
ReplayReport replayTranscript(const std::vector<TranscriptSession>& sessions,
                              UssdTransport& transport, const std::string& phoneNumber,
                              const std::function<std::uint64_t()>& random);

// A diff-like account of `m`: a heading with the inputs, then the screens
// line by line, "  " where they agree, "- " expected and "+ " actual where not.
std::string describeMismatch(const ReplayMismatch& m);

}  // namespace veche::ussd
