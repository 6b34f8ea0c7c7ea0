// veche-provision: enrol, list, revoke and replace kiosks, print their
// labels, and rotate a kiosk's key (docs/provisioning.md).
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "provision_cli.h"
#include "veche/kiosk/environment.h"

int main(int argc, char** argv) {
    const auto env = veche::kiosk::systemEnvironment();
    veche::provisioning::ProvisionContext context;
    context.now = env.now;
    context.nonce = [random = env.randomHex] { return random(16); };
    if (const char* token = std::getenv("VECHE_TOKEN")) {
        context.token = token;
    }
    return veche::provisioning::runProvision(std::vector<std::string>(argv + 1, argv + argc),
                                             std::cout, std::cerr, context);
}
