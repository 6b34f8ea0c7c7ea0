// Golden transcripts: whole USSD sessions of every flow, replayed through the
// engine as a handset would send them and compared with the saved files in
// transcripts/. The file names say who calls: known-* from a number linked to
// a flat, unknown-* from one that is not.
//
// To regenerate after an intended change (then read the diff):
//   VECHE_REGENERATE_TRANSCRIPTS=1 build/default/bin/ussd_engine_tests
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fake_backend.h"
#include "veche/ussd/engine.h"
#include "veche/ussd/gateway.h"
#include "veche/ussd/phone.h"
#include "veche/ussd/transcript.h"

namespace veche::ussd {
namespace {

namespace fs = std::filesystem;
using testing::FakeBackend;
using testing::MemorySessionStore;

// The engine behind the gateway protocol, as the hub's POST /ussd runs it.
class EngineTransport : public UssdTransport {
public:
    explicit EngineTransport(UssdEngine& engine) : engine_(engine) {}
    std::string post(const std::map<std::string, std::string>& form) override {
        UssdRequest r{form.at("sessionId"), form.at("serviceCode"), form.at("phoneNumber"),
                      form.at("text")};
        return gateway_.reply(engine_.step(r));
    }

private:
    UssdEngine& engine_;
    ConEndGateway gateway_;
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Each session's inputs sent afresh; the screens that came back.
std::vector<TranscriptSession> replay(const std::vector<TranscriptSession>& expected,
                                      const std::string& msisdn) {
    FakeBackend backend;
    MemorySessionStore store;
    std::int64_t now = 1'800'000'000'000;
    UssdEngine engine(backend, store, [&now] { return now += 1000; });
    EngineTransport transport(engine);
    std::vector<TranscriptSession> actual;
    int n = 0;
    for (const TranscriptSession& session : expected) {
        PhoneSession phone(transport, "s" + std::to_string(++n), msisdn);
        TranscriptSession got;
        for (const TranscriptStep& step : session) {
            const Screen screen = got.empty() ? phone.dial(step.input) : phone.answer(step.input);
            got.push_back({step.input, screenBody(screen)});
            if (screen.final) {
                break;
            }
        }
        actual.push_back(got);
    }
    return actual;
}

class Transcripts : public ::testing::TestWithParam<std::string> {};

TEST_P(Transcripts, MatchTheSavedFile) {
    const fs::path path = fs::path(VECHE_TRANSCRIPTS) / (GetParam() + ".txt");
    const std::string saved = readFile(path);
    const auto expected = parseTranscript(saved);
    ASSERT_FALSE(expected.empty()) << path;
    const std::string msisdn =
        GetParam().rfind("known", 0) == 0 ? testing::kKnown : testing::kUnknown;
    std::string header;  // the file's leading comment lines, kept when regenerating
    std::istringstream lines(saved);
    for (std::string line; std::getline(lines, line) && line.rfind("#", 0) == 0;) {
        header += line + "\n";
    }
    const std::string actual = header + formatTranscript(replay(expected, msisdn));
    if (std::getenv("VECHE_REGENERATE_TRANSCRIPTS") != nullptr) {
        std::ofstream(path) << actual;
        return;
    }
    EXPECT_EQ(actual, saved) << "regenerate with VECHE_REGENERATE_TRANSCRIPTS=1 if intended";
}

INSTANTIATE_TEST_SUITE_P(Flows, Transcripts,
                         ::testing::Values("known-notices", "known-vote", "known-polls",
                                           "known-report", "known-number", "known-navigation",
                                           "unknown-caller"),
                         [](const auto& test) {
                             std::string name = test.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

}  // namespace
}  // namespace veche::ussd
