// veche-modem-worker: one GSM modem in its own process, driven over stdin and
// stdout by a WorkerModem (docs/modem.md). Not meant to be run by hand.
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "veche/modem/gammu_modem.h"
#include "veche/modem/worker_server.h"

int main(int argc, char** argv) {
    using namespace veche::modem;
    GammuModemOptions options;
    try {
        options = worker::optionsFrom(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "veche-modem-worker: %s\n", e.what());
        return 2;
    }
    // The protocol gets stdout to itself; anything a library prints goes to
    // stderr instead of into the protocol.
    const int protocol = ::dup(STDOUT_FILENO);
    if (protocol < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        std::perror("veche-modem-worker: dup");
        return 2;
    }
    worker::ModemWorker server(STDIN_FILENO, protocol);
    GammuModem modem(options, server);
    return server.serve(modem);
}
