// The real libmodbus master (ModbusBus, BusPoller) against the simulator,
// over an RTU pseudo-terminal and over Modbus TCP on loopback.
#include <gtest/gtest.h>

#include <modbus/modbus.h>

#include <filesystem>

#include "hardware_test_support.h"
#include "veche/hardware/bus_poller.h"
#include "veche/hardware/modbus_bus.h"
#include "veche/hardware/sim/modbus_simulator.h"

namespace veche::hardware {
namespace {

using sim::Fault;
using sim::ModbusSimulator;

std::vector<DeviceConfig> devicesOf(const CabinetConfig& cabinet) {
    return cabinet.buses.at(0).devices;
}

// A temporary directory for the pty's link, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/veche-modbus-XXXXXX";
        path = mkdtemp(name);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

// Parameterised by link: true RTU over a pty, false TCP.
class ModbusLinkTest : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override {
        auto base = testing::lobbyCabinet("");
        simulator = std::make_unique<ModbusSimulator>(devicesOf(base));
        if (GetParam()) {
            simulator->serveRtu(dir.path / "ttyModbus");
            cabinet = testing::lobbyCabinet((dir.path / "ttyModbus").string());
        } else {
            cabinet = testing::lobbyCabinet("", simulator->serveTcp());
        }
        simulator->set(Signal::Temperature, -12.5);
        simulator->set(Signal::Mains, 1);
        simulator->set(Signal::BatteryLevel, 87);
        poller = std::make_unique<BusPoller>(cabinet.buses[0],
                                             std::make_unique<ModbusBus>(cabinet.buses[0]));
    }

    const DeviceStatus& device(const BusSnapshot& s, const std::string& name) {
        for (const auto& d : s.devices) {
            if (d.name == name) {
                return d;
            }
        }
        throw std::invalid_argument(name);
    }

    TempDir dir;
    CabinetConfig cabinet;
    std::unique_ptr<ModbusSimulator> simulator;
    std::unique_ptr<BusPoller> poller;
};

TEST_P(ModbusLinkTest, ReadsEverySignalOfTheFourDevices) {
    simulator->set(Signal::Presence, 1);
    simulator->set(Signal::Door, 1);
    auto snapshot = poller->poll({}, 0);
    for (const auto& d : snapshot.devices) {
        EXPECT_TRUE(d.online && d.failures == 0) << d.name << ": " << d.lastError;
    }
    EXPECT_EQ(snapshot.values.at(Signal::Presence), 1);
    EXPECT_EQ(snapshot.values.at(Signal::Door), 1);
    EXPECT_EQ(snapshot.values.at(Signal::Tamper), 0);
    EXPECT_DOUBLE_EQ(snapshot.values.at(Signal::Temperature), -12.5);
    EXPECT_EQ(snapshot.values.at(Signal::Mains), 1);
    EXPECT_EQ(snapshot.values.at(Signal::BatteryLevel), 87);
    EXPECT_EQ(snapshot.values.at(Signal::HeaterRelay), 0);
}

TEST_P(ModbusLinkTest, WritesRelaysIntoTheBitMaskRegisterAndReadsThemBack) {
    auto snapshot = poller->poll({{Signal::HeaterRelay, true}, {Signal::BacklightRelay, true}}, 0);
    EXPECT_EQ(snapshot.values.at(Signal::HeaterRelay), 1);
    EXPECT_EQ(simulator->get(Signal::HeaterRelay), 1);
    EXPECT_EQ(simulator->get(Signal::BacklightRelay), 1);
    EXPECT_EQ(simulator->get(Signal::FanRelay), 0);
    poller->poll({{Signal::HeaterRelay, false}, {Signal::FanRelay, true}}, 0);
    EXPECT_EQ(simulator->get(Signal::HeaterRelay), 0);
    EXPECT_EQ(simulator->get(Signal::FanRelay), 1);
    EXPECT_EQ(simulator->get(Signal::BacklightRelay), 1);  // not named: left as it was
}

TEST_P(ModbusLinkTest, ARelayThatResetItselfIsWrittenAgain) {
    poller->poll({{Signal::HeaterRelay, true}}, 0);
    simulator->set(Signal::HeaterRelay, 0);  // the module lost power
    auto snapshot = poller->poll({{Signal::HeaterRelay, true}}, 0);
    EXPECT_EQ(snapshot.values.at(Signal::HeaterRelay), 1);
    EXPECT_EQ(simulator->get(Signal::HeaterRelay), 1);
}

TEST_P(ModbusLinkTest, ASilentDeviceGoesOfflineIsPolledBackAndRecovers) {
    simulator->setFault("climate", Fault::Gone);
    BusSnapshot snapshot;
    for (Millis t = 0; t < 3; ++t) {
        snapshot = poller->poll({}, t);
    }
    EXPECT_FALSE(device(snapshot, "climate").online);
    EXPECT_EQ(device(snapshot, "climate").lastError.rfind(GetParam() ? "rtu:" : "tcp:", 0), 0u);
    EXPECT_NE(device(snapshot, "climate").lastError.find("timed out"), std::string::npos);
    EXPECT_FALSE(snapshot.values.contains(Signal::Temperature));
    EXPECT_TRUE(device(snapshot, "inputs").online);  // the others still answer
    EXPECT_TRUE(snapshot.values.contains(Signal::Presence));

    // Offline, it is asked again only when its retry is due (200 ms here).
    const auto asked = simulator->requestsSeen("climate");
    poller->poll({}, 100);
    EXPECT_EQ(simulator->requestsSeen("climate"), asked);
    simulator->setFault("climate", Fault::None);
    snapshot = poller->poll({}, 2 + 200);
    EXPECT_TRUE(device(snapshot, "climate").online);
    EXPECT_DOUBLE_EQ(snapshot.values.at(Signal::Temperature), -12.5);
}

TEST_P(ModbusLinkTest, ACorruptReplyIsAnErrorAndTheLineStaysUsable) {
    simulator->setFault("ups", Fault::BadCrc);
    auto snapshot = poller->poll({}, 0);
    const auto& ups = device(snapshot, "ups");
    EXPECT_EQ(ups.failures, 1);
    EXPECT_NE(ups.lastError.find(GetParam() ? "Invalid CRC" : "Invalid data"), std::string::npos)
        << ups.lastError;
    simulator->setFault("ups", Fault::None);
    snapshot = poller->poll({}, 1);
    EXPECT_EQ(device(snapshot, "ups").failures, 0);
    EXPECT_EQ(snapshot.values.at(Signal::BatteryLevel), 87);
}

TEST_P(ModbusLinkTest, AnImplausibleMeasurementFailsItsDevicesPoll) {
    simulator->set(Signal::Temperature, -3276.8);  // the sensor's "no probe" value
    auto snapshot = poller->poll({}, 0);
    EXPECT_EQ(device(snapshot, "climate").lastError.rfind("temperature reads -3276.8", 0), 0u)
        << device(snapshot, "climate").lastError;
    EXPECT_FALSE(snapshot.values.contains(Signal::Temperature));
}

TEST_P(ModbusLinkTest, AnExceptionReplyIsNamedAndNotRetried) {
    simulator->setFault("inputs", Fault::Exception, MODBUS_EXCEPTION_ILLEGAL_DATA_ADDRESS);
    const auto before = simulator->requestsSeen("inputs");
    auto snapshot = poller->poll({}, 0);
    EXPECT_NE(device(snapshot, "inputs").lastError.find("Illegal data address"), std::string::npos)
        << device(snapshot, "inputs").lastError;
    EXPECT_EQ(simulator->requestsSeen("inputs"), before + 1);
}

INSTANTIATE_TEST_SUITE_P(Links, ModbusLinkTest, ::testing::Values(true, false),
                         [](const auto& link) { return link.param ? "Rtu" : "Tcp"; });

TEST(ModbusBus, RetriesATimedOutRequestBeforeGivingUp) {
    auto cabinet = testing::lobbyCabinet("");
    ModbusSimulator simulator(devicesOf(cabinet));
    cabinet = testing::lobbyCabinet("", simulator.serveTcp());
    cabinet.buses[0].retries = 2;
    ModbusBus bus(cabinet.buses[0]);
    simulator.setFault("climate", Fault::NoReply);
    std::vector<std::uint16_t> words;
    auto result = bus.read(1, Table::InputRegister, 1, 1, words);
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.answered);
    EXPECT_EQ(simulator.requestsSeen("climate"), 3u);
}

TEST(ModbusBus, ReconnectsWhenTheTcpLinkComesBack) {
    auto cabinet = testing::lobbyCabinet("");
    ModbusSimulator simulator(devicesOf(cabinet));
    const int port = simulator.serveTcp();
    cabinet = testing::lobbyCabinet("", port);
    simulator.set(Signal::BatteryLevel, 55);
    ModbusBus bus(cabinet.buses[0]);
    std::vector<std::uint16_t> words;
    ASSERT_TRUE(bus.read(30, Table::InputRegister, 0, 1, words).ok);

    simulator.stopTcp();  // the gateway is unplugged
    auto result = bus.read(30, Table::InputRegister, 0, 1, words);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(bus.read(30, Table::InputRegister, 0, 1, words).error,
              "cannot open tcp:127.0.0.1:" + std::to_string(port) + ": Connection refused");

    simulator.serveTcp(port);  // and back
    ASSERT_TRUE(bus.read(30, Table::InputRegister, 0, 1, words).ok);
    EXPECT_EQ(words.at(0), 55);
}

TEST(ModbusBus, ReportsALineThatCannotBeOpened) {
    auto cabinet = testing::lobbyCabinet("/nonexistent/ttyUSB9");
    ModbusBus bus(cabinet.buses[0]);
    std::vector<std::uint16_t> words;
    auto result = bus.read(16, Table::HoldingRegister, 51, 1, words);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error,
              "cannot open rtu:/nonexistent/ttyUSB9@19200: No such file or directory");
}

TEST(ModbusBus, AnotherSlavesFramesAreIgnoredOnTheRtuLine) {
    auto cabinet = testing::lobbyCabinet("");
    ModbusSimulator simulator(devicesOf(cabinet));
    TempDir dir;
    simulator.serveRtu(dir.path / "tty");
    cabinet = testing::lobbyCabinet((dir.path / "tty").string());
    cabinet.buses[0].retries = 0;
    ModbusBus bus(cabinet.buses[0]);
    std::vector<std::uint16_t> words;
    auto result = bus.read(99, Table::HoldingRegister, 51, 1, words);  // nobody is 99
    EXPECT_NE(result.error.find("timed out"), std::string::npos) << result.error;
    EXPECT_TRUE(bus.read(16, Table::HoldingRegister, 51, 1, words).ok);  // the next one works
}

}  // namespace
}  // namespace veche::hardware
