#include "veche/hardware/sim/modbus_simulator.h"

#include <arpa/inet.h>
#include <modbus/modbus.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "frames.h"
#include "veche/sim/pty.h"

namespace veche::hardware::sim {
namespace {

constexpr int kPollMs = 20;       // how often the servers look at the stop flag
constexpr std::size_t kMbap = 7;  // Modbus TCP header: transaction, protocol, length, unit

struct SimDevice {
    DeviceConfig config;
    modbus_mapping_t* map = nullptr;
    Fault fault = Fault::None;
    int exceptionCode = 0;
    std::uint64_t requests = 0;
};

modbus_mapping_t* mappingFor(const DeviceProfile& profile) {
    auto ranges = addressRanges(profile);
    auto start = [&](Table t) { return ranges.contains(t) ? ranges[t].first : 0; };
    auto count = [&](Table t) { return ranges.contains(t) ? ranges[t].count() : 0; };
    auto* map = modbus_mapping_new_start_address(
        static_cast<unsigned>(start(Table::Coil)), static_cast<unsigned>(count(Table::Coil)),
        static_cast<unsigned>(start(Table::DiscreteInput)),
        static_cast<unsigned>(count(Table::DiscreteInput)),
        static_cast<unsigned>(start(Table::HoldingRegister)),
        static_cast<unsigned>(count(Table::HoldingRegister)),
        static_cast<unsigned>(start(Table::InputRegister)),
        static_cast<unsigned>(count(Table::InputRegister)));
    if (!map) {
        throw std::runtime_error("modbus_mapping_new: " + std::string(modbus_strerror(errno)));
    }
    return map;
}

// The cell of the mapping that holds `map`'s raw value: a bit or a register.
std::uint8_t* bitCell(modbus_mapping_t* m, const SignalMap& map) {
    return map.table == Table::Coil
               ? &m->tab_bits[map.address - static_cast<int>(m->start_bits)]
               : &m->tab_input_bits[map.address - static_cast<int>(m->start_input_bits)];
}

std::uint16_t* registerCell(modbus_mapping_t* m, const SignalMap& map) {
    return map.table == Table::HoldingRegister
               ? &m->tab_registers[map.address - static_cast<int>(m->start_registers)]
               : &m->tab_input_registers[map.address - static_cast<int>(m->start_input_registers)];
}

// Writes to the pty or a socket; a socket whose peer left gives an error,
// not SIGPIPE.
void writeAll(int fd, const std::uint8_t* data, std::size_t size, bool socket) {
    while (size > 0) {
        const ssize_t n = socket ? ::send(fd, data, size, MSG_NOSIGNAL) : ::write(fd, data, size);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, 100);
            continue;
        }
        if (n <= 0) {
            return;  // the other side is gone
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

}  // namespace

struct ModbusSimulator::Impl {
    std::vector<SimDevice> devices;
    mutable std::mutex mutex;
    mutable std::condition_variable changed;

    std::unique_ptr<veche::sim::Pty> pty;
    modbus_t* rtu = nullptr;
    int paceBaud = 0;
    std::atomic<bool> rtuStop{false};
    std::thread rtuThread;

    modbus_t* tcp = nullptr;
    int listenFd = -1;
    std::atomic<bool> tcpStop{false};
    std::thread tcpThread;

    SimDevice* deviceBySlave(int slave) {
        for (auto& d : devices) {
            if (d.config.slave == slave) {
                return &d;
            }
        }
        return nullptr;
    }

    // The device and map of `signal`; throws when no device has it.
    std::pair<SimDevice*, SignalMap> find(Signal signal) {
        for (auto& d : devices) {
            auto it = d.config.profile.signalMaps.find(signal);
            if (it != d.config.profile.signalMaps.end()) {
                return {&d, it->second};
            }
        }
        throw std::invalid_argument("no simulated device has the signal " +
                                    std::string(nameOf(signal)));
    }

    double read(Signal signal) {
        auto [device, map] = find(signal);
        std::uint16_t raw = 0;
        if (map.table == Table::Coil || map.table == Table::DiscreteInput) {
            raw = *bitCell(device->map, map);
        } else {
            raw = *registerCell(device->map, map);
            if (map.bit >= 0) {
                raw = static_cast<std::uint16_t>((static_cast<unsigned>(raw) >> map.bit) & 1U);
            }
        }
        if (isMeasurement(signal)) {
            const double number = map.isSigned ? static_cast<std::int16_t>(raw) : raw;
            return number * map.scale + map.offset;
        }
        return ((raw != 0) != map.inverted) ? 1.0 : 0.0;
    }

    void write(Signal signal, double value) {
        auto [device, map] = find(signal);
        if (isMeasurement(signal)) {
            const long raw = std::lround((value - map.offset) / map.scale);
            *registerCell(device->map, map) = static_cast<std::uint16_t>(raw & 0xFFFF);
            return;
        }
        const bool bit = (value != 0.0) != map.inverted;
        if (map.table == Table::Coil || map.table == Table::DiscreteInput) {
            *bitCell(device->map, map) = bit ? 1 : 0;
        } else if (map.bit < 0) {
            *registerCell(device->map, map) = bit ? 1 : 0;
        } else {
            auto* cell = registerCell(device->map, map);
            const unsigned mask = 1U << map.bit;
            *cell = static_cast<std::uint16_t>(bit ? (*cell | mask) : (*cell & ~mask));
        }
    }

    // Answers one request frame (with its header) from `fd` through `ctx`.
    void answer(modbus_t* ctx, int fd, const Bytes& frame, std::size_t header) {
        const std::uint8_t* pdu = frame.data() + header;
        const int slave = frame[header - 1];
        Fault fault = Fault::None;
        int code = 0;
        {
            std::lock_guard lock(mutex);
            SimDevice* device = deviceBySlave(slave);
            if (!device) {
                return;  // another slave's frame: not ours to answer
            }
            ++device->requests;
            fault = device->fault;
            code = device->exceptionCode;
        }
        changed.notify_all();
        if (fault == Fault::NoReply || fault == Fault::Gone) {
            return;
        }
        pace(frame.size(), fault == Fault::Exception ? 5 : 3 + replyPduLength(pdu), header);
        if (fault == Fault::BadCrc) {
            sendCorrupt(fd, frame, header);
            return;
        }
        std::lock_guard lock(mutex);
        modbus_set_socket(ctx, fd);
        if (fault == Fault::Exception) {
            modbus_reply_exception(ctx, frame.data(), static_cast<unsigned>(code));
        } else {
            modbus_reply(ctx, frame.data(), static_cast<int>(frame.size()),
                         deviceBySlave(slave)->map);
        }
        changed.notify_all();
    }

    // On a paced RTU line, waits as long as the request, the reply and the
    // two silent intervals take at `paceBaud`, 10 bits a character.
    void pace(std::size_t requestBytes, std::size_t replyBytes, std::size_t header) const {
        if (paceBaud <= 0 || header != 1) {
            return;
        }
        const double chars = static_cast<double>(requestBytes + replyBytes) + 7.0;
        std::this_thread::sleep_for(
            std::chrono::microseconds(static_cast<long>(chars * 10.0 * 1e6 / paceBaud)));
    }

    static void sendCorrupt(int fd, const Bytes& frame, std::size_t header) {
        const std::uint8_t* pdu = frame.data() + header;
        Bytes reply(frame.begin(), frame.begin() + static_cast<long>(header));
        if (header == 1) {  // RTU: the right frame with a wrong CRC
            auto body = plainReplyPdu(pdu);
            reply.insert(reply.end(), body.begin(), body.end());
            const auto crc = static_cast<std::uint16_t>(crc16(reply.data(), reply.size()) ^ 0xFFFF);
            reply.push_back(static_cast<std::uint8_t>(crc & 0xFF));
            reply.push_back(static_cast<std::uint8_t>(crc >> 8));
        } else {  // TCP: a well-framed reply whose content does not fit the request
            auto body = corruptReplyPdu(pdu);
            reply.insert(reply.end(), body.begin(), body.end());
            const auto length = reply.size() - 6;
            reply[4] = static_cast<std::uint8_t>(length >> 8);
            reply[5] = static_cast<std::uint8_t>(length & 0xFF);
        }
        writeAll(fd, reply.data(), reply.size(), header != 1);
    }

    void serveRtuLoop() {
        Bytes buffer;
        const int fd = pty->masterFd();
        while (!rtuStop) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, kPollMs) <= 0) {
                buffer.clear();  // silence ends a frame: drop a partial one
                continue;
            }
            std::uint8_t chunk[256];
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n <= 0) {
                continue;
            }
            buffer.insert(buffer.end(), chunk, chunk + n);
            while (auto length = rtuRequestLength(buffer)) {
                if (*length == 0) {
                    buffer.clear();
                    break;
                }
                if (buffer.size() < *length) {
                    break;
                }
                Bytes frame(buffer.begin(), buffer.begin() + static_cast<long>(*length));
                buffer.erase(buffer.begin(), buffer.begin() + static_cast<long>(*length));
                const auto crc = crc16(frame.data(), frame.size() - 2);
                if (frame[frame.size() - 2] == (crc & 0xFF) && frame.back() == (crc >> 8)) {
                    answer(rtu, fd, frame, 1);
                }
            }
        }
    }

    void serveTcpLoop() {
        struct Client {
            int fd;
            Bytes buffer;
        };
        std::vector<Client> clients;
        while (!tcpStop) {
            std::vector<pollfd> fds{{listenFd, POLLIN, 0}};
            for (const auto& c : clients) {
                fds.push_back({c.fd, POLLIN, 0});
            }
            if (::poll(fds.data(), fds.size(), kPollMs) <= 0) {
                continue;
            }
            if ((fds[0].revents & POLLIN) != 0) {
                const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
                if (fd >= 0) {
                    clients.push_back({fd, {}});
                }
            }
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (fds[i].revents == 0) {
                    continue;
                }
                auto& client = clients[i - 1];
                if (!readTcp(client.fd, client.buffer)) {
                    ::close(client.fd);
                    client.fd = -1;
                }
            }
            std::erase_if(clients, [](const Client& c) { return c.fd < 0; });
        }
        for (const auto& c : clients) {
            ::close(c.fd);
        }
    }

    // Reads what `fd` sent and answers each whole frame; false when closed.
    bool readTcp(int fd, Bytes& buffer) {
        std::uint8_t chunk[512];
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n <= 0) {
            return false;
        }
        buffer.insert(buffer.end(), chunk, chunk + n);
        while (buffer.size() >= kMbap) {
            const std::size_t length = 6 + static_cast<std::size_t>((buffer[4] << 8) | buffer[5]);
            if (length < kMbap + 1 || length > 260) {
                return false;  // not Modbus TCP
            }
            if (buffer.size() < length) {
                break;
            }
            Bytes frame(buffer.begin(), buffer.begin() + static_cast<long>(length));
            buffer.erase(buffer.begin(), buffer.begin() + static_cast<long>(length));
            answer(tcp, fd, frame, kMbap);
        }
        return true;
    }
};

ModbusSimulator::ModbusSimulator(std::vector<DeviceConfig> devices)
    : impl_(std::make_unique<Impl>()) {
    for (auto& config : devices) {
        auto* map = mappingFor(config.profile);
        impl_->devices.push_back({std::move(config), map});
    }
    // A quiet cabinet: every input and relay off, whatever its wiring.
    for (const auto& device : impl_->devices) {
        for (const auto& [signal, map] : device.config.profile.signalMaps) {
            if (!isMeasurement(signal)) {
                impl_->write(signal, 0);
            }
        }
    }
}

ModbusSimulator::~ModbusSimulator() {
    stopTcp();
    impl_->rtuStop = true;
    if (impl_->rtuThread.joinable()) {
        impl_->rtuThread.join();
    }
    if (impl_->rtu) {
        modbus_free(impl_->rtu);
    }
    if (impl_->tcp) {
        modbus_free(impl_->tcp);
    }
    for (auto& d : impl_->devices) {
        modbus_mapping_free(d.map);
    }
}

void ModbusSimulator::serveRtu(const std::filesystem::path& link, int paceBaud) {
    impl_->pty = std::make_unique<veche::sim::Pty>(link);
    impl_->paceBaud = paceBaud;
    // A context only to build replies with; its socket is the pty's master side.
    impl_->rtu = modbus_new_rtu("/dev/null", paceBaud > 0 ? paceBaud : 19200, 'N', 8, 1);
    impl_->rtuThread = std::thread([this] { impl_->serveRtuLoop(); });
}

int ModbusSimulator::serveTcp(int port) {
    stopTcp();
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    socklen_t size = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd, 4) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw std::system_error(error, std::generic_category(),
                                "listen on 127.0.0.1:" + std::to_string(port));
    }
    impl_->listenFd = fd;
    if (!impl_->tcp) {
        impl_->tcp = modbus_new_tcp("127.0.0.1", 502);
    }
    impl_->tcpStop = false;
    impl_->tcpThread = std::thread([this] { impl_->serveTcpLoop(); });
    return ntohs(address.sin_port);
}

void ModbusSimulator::stopTcp() {
    impl_->tcpStop = true;
    if (impl_->tcpThread.joinable()) {
        impl_->tcpThread.join();
    }
    if (impl_->listenFd >= 0) {
        ::close(impl_->listenFd);
        impl_->listenFd = -1;
    }
}

void ModbusSimulator::set(Signal signal, double value) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->write(signal, value);
    }
    impl_->changed.notify_all();
}

double ModbusSimulator::get(Signal signal) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->read(signal);
}

bool ModbusSimulator::waitFor(Signal signal, double value,
                              std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout,
                                   [&] { return std::abs(impl_->read(signal) - value) < 1e-9; });
}

std::uint64_t ModbusSimulator::requestsSeen(const std::string& device) const {
    std::lock_guard lock(impl_->mutex);
    for (const auto& d : impl_->devices) {
        if (d.config.name == device) {
            return d.requests;
        }
    }
    throw std::invalid_argument("no simulated device " + device);
}

bool ModbusSimulator::waitForRequests(const std::string& device, std::uint64_t atLeast,
                                      std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] {
        for (const auto& d : impl_->devices) {
            if (d.config.name == device) {
                return d.requests >= atLeast;
            }
        }
        return false;
    });
}

void ModbusSimulator::setFault(const std::string& device, Fault fault, int exceptionCode) {
    std::lock_guard lock(impl_->mutex);
    for (auto& d : impl_->devices) {
        if (d.config.name == device) {
            d.fault = fault;
            d.exceptionCode = exceptionCode;
            return;
        }
    }
    throw std::invalid_argument("no simulated device " + device);
}

}  // namespace veche::hardware::sim
