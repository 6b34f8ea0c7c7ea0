#include "veche/hub/app/serve_app.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/Timer.h>
#include <Poco/Util/TimerTaskAdapter.h>

#include <iostream>

#include "veche/hub/app/config.h"
#include "veche/hub/app/demo.h"
#include "veche/hub/app/hub_stack.h"

namespace veche::hub {
namespace {

constexpr long kScheduleEveryMs = 15'000;

Poco::Logger& setUpLogging(const std::string& level) {
    Poco::AutoPtr<Poco::PatternFormatter> format(
        new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S%z level=%p source=%s %t"));
    Poco::AutoPtr<Poco::FormattingChannel> channel(
        new Poco::FormattingChannel(format, new Poco::ConsoleChannel(std::clog)));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(level);
    return Poco::Logger::get("veche-hub");
}

// Opens and closes assemblies on time, whether or not anyone is asking, and
// forgets USSD sessions a day old.
class ScheduleTask {
public:
    ScheduleTask(Hub& hub, UssdSessionStore& ussd, Poco::Logger& log)
        : hub_(hub), ussd_(ussd), log_(log) {}
    void run(Poco::Util::TimerTask&) {
        try {
            if (const int changed = hub_.advanceSchedule(); changed > 0) {
                log_.information("event=schedule assemblies_changed=%d", changed);
            }
            ussd_.forgetBefore(hub_.clock().now() - kUssdSessionsKeptMs);
        } catch (const std::exception& e) {
            log_.error("event=schedule_failed what=%s", std::string(e.what()));
        }
    }

private:
    static constexpr Millis kUssdSessionsKeptMs = 24LL * 60 * 60 * 1000;
    Hub& hub_;
    UssdSessionStore& ussd_;
    Poco::Logger& log_;
};

}  // namespace

void ServeApp::defineOptions(Poco::Util::OptionSet& options) {
    ServerApplication::defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", "show this help").required(false));
    options.addOption(Poco::Util::Option("config", "c", "configuration file (docs/hub.md)")
                          .required(false)
                          .argument("FILE"));
    options.addOption(
        Poco::Util::Option("demo", "", "fill an empty hub with a demo from a meeting bundle")
            .required(false)
            .argument("BUNDLE"));
}

void ServeApp::handleOption(const std::string& name, const std::string& value) {
    ServerApplication::handleOption(name, value);
    if (name == "help") {
        helpRequested_ = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        configPath_ = value;
    } else if (name == "demo") {
        demoBundle_ = value;
    }
}

int ServeApp::main(const std::vector<std::string>&) {
    if (helpRequested_) {
        Poco::Util::HelpFormatter help(options());
        help.setCommand("veche-hub serve");
        help.setHeader("The Veche hub: operator API, kiosk sync and meeting results.");
        help.format(std::cout);
        return EXIT_OK;
    }
    const HubConfig config = loadConfig(configPath_);
    Poco::Logger& log = setUpLogging(config.logLevel);
    const std::unique_ptr<Database> db = openDatabase(config);
    SystemClock clock;
    SystemRandom random;
    HubStack stack(*db, clock, random, config.settings, config.server, log, config.ussd);
    Hub& hub = stack.hub;
    HttpServer& server = stack.server;
    if (!demoBundle_.empty()) {
        seedDemo(hub, demoBundle_, std::clog);
    }
    std::unique_ptr<SmsGateway> sms;
    if (!config.sms.devices.empty()) {
        sms = std::make_unique<SmsGateway>(stack.sms, clock, config.sms, stack.metrics);
    }
    server.start();

    ScheduleTask schedule(hub, stack.ussdSessions, log);
    Poco::Util::Timer timer;
    timer.scheduleAtFixedRate(
        new Poco::Util::TimerTaskAdapter<ScheduleTask>(schedule, &ScheduleTask::run), 0,
        kScheduleEveryMs);

    log.information("event=listening address=%s:%hu tls=%s store=%s modems=%z", config.server.host,
                    server.port(), std::string(config.server.tls ? "on" : "off"), config.backend,
                    config.sms.devices.size());
    waitForTerminationRequest();
    timer.cancel(true);
    server.stop();
    sms.reset();
    log.information("event=stopped");
    return EXIT_OK;
}

}  // namespace veche::hub
