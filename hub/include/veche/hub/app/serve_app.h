#pragma once

#include <Poco/Util/ServerApplication.h>

#include <string>

namespace veche::hub {

// `veche-hub serve [--config FILE] [--demo BUNDLE]`: the hub service. Runs
// until SIGINT or SIGTERM, then stops taking requests and exits.
class ServeApp : public Poco::Util::ServerApplication {
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    std::string configPath_;
    std::string demoBundle_;
    bool helpRequested_ = false;
};

// `veche-hub token create --role R [--label L] [--config FILE]`: prints a new
// API token. Returns the exit code.
int tokenCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `veche-hub enrolment create --building ID [--cabinet NAME] [--modem DEVICE]
// [--config FILE]`: prints a one-time code for enrolling a kiosk into the
// building; the kiosk gets the cabinet and modem as its settings
// (docs/kiosk-sync.md). Returns the exit code: 64 for wrong usage, 2 for an
// unknown building or a setting the hub refuses.
int enrolmentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace veche::hub
