#include "veche/kiosk/environment.h"

#include <Poco/Exception.h>
#include <sys/random.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace veche::kiosk {

Environment systemEnvironment() {
    Environment env;
    env.now = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    env.randomHex = [](std::size_t bytes) {
        std::vector<unsigned char> raw(bytes);
        std::size_t filled = 0;
        while (filled < bytes) {
            const ssize_t n = getrandom(raw.data() + filled, bytes - filled, 0);
            if (n < 0) {
                throw std::runtime_error("getrandom failed");
            }
            filled += static_cast<std::size_t>(n);
        }
        static constexpr char kHex[] = "0123456789abcdef";
        std::string hex;
        hex.reserve(bytes * 2);
        for (unsigned char b : raw) {
            hex += kHex[b >> 4];
            hex += kHex[b & 15];
        }
        return hex;
    };
    return env;
}

std::string newEventId(const std::string& kioskId, const Environment& env) {
    std::ostringstream id;
    id << kioskId << '-' << std::hex << env.now() << '-' << env.randomHex(6);
    return id.str();
}

std::optional<provisioning::HubReply> SignedHubLink::send(const std::string& method,
                                                          const std::string& pathAndQuery,
                                                          const std::string& body) {
    try {
        return client_.send(method, pathAndQuery, body);
    } catch (const Poco::Exception&) {
        return std::nullopt;  // refused, reset, timed out, unresolvable
    }
}

}  // namespace veche::kiosk
