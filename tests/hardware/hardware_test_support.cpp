#include "hardware_test_support.h"

namespace veche::hardware::testing {

CabinetConfig lobbyCabinet(const std::string& device, int port) {
    auto cabinet = loadCabinet(cabinetDir() + "/owen-lobby.json", profileDir());
    auto& bus = cabinet.buses.at(0);
    if (port > 0) {
        bus.link = TcpEndpoint{"127.0.0.1", port};
    } else {
        std::get<RtuLine>(bus.link).device = device;
    }
    bus.responseTimeout = std::chrono::milliseconds(100);
    bus.pollInterval = std::chrono::milliseconds(20);
    bus.offlineRetry = std::chrono::milliseconds(200);
    return cabinet;
}

}  // namespace veche::hardware::testing
