#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "hardware_test_support.h"
#include "veche/hardware/cabinet.h"
#include "veche/hardware/profile.h"

namespace veche::hardware {
namespace {

using testing::cabinetDir;
using testing::profileDir;

// The message of the std::invalid_argument `parse` throws; "" when none.
template <typename Parse>
std::string errorOf(Parse parse) {
    try {
        parse();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST(Profile, EveryShippedProfileLoadsAndSaysWhereItsMapComesFrom) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(profileDir())) {
        const auto id = entry.path().stem().string();
        const auto profile = loadProfile(profileDir(), id);
        EXPECT_FALSE(profile.model.empty()) << id;
        EXPECT_FALSE(profile.source.empty()) << id;
        EXPECT_FALSE(profile.signalMaps.empty()) << id;
        // No map we ship was checked against a maker's own table (KIOSK.md §9).
        EXPECT_FALSE(profile.confirmed) << id;
        ++count;
    }
    EXPECT_GE(count, 4);
}

TEST(Profile, ReadsBitsOfRegistersInversionAndScaling) {
    auto inputs = loadProfile(profileDir(), "owen-mv110-8d");
    const auto& tamper = inputs.signalMaps.at(Signal::Tamper);
    EXPECT_EQ(tamper.table, Table::HoldingRegister);
    EXPECT_EQ(tamper.address, 51);
    EXPECT_EQ(tamper.bit, 1);
    EXPECT_TRUE(tamper.inverted);
    auto sensor = loadProfile(profileDir(), "rs485-temperature-sensor");
    const auto& t = sensor.signalMaps.at(Signal::Temperature);
    EXPECT_TRUE(t.isSigned);
    EXPECT_DOUBLE_EQ(t.scale, 0.1);
}

TEST(Profile, ErrorsNameTheProfileAndTheField) {
    auto parse = [](const std::string& signals) {
        return errorOf([&] {
            parseProfile("board", R"({"model": "m", "source": "s", "signals": {)" + signals + "}}");
        });
    };
    EXPECT_EQ(parse(R"("presence": {"table": "coils", "address": 0})"),
              "profile board: signals.presence: table: must be coil, discrete_input, "
              "holding_register or input_register, not coils");
    EXPECT_EQ(parse(R"("heater_relay": {"table": "discrete_input", "address": 0})"),
              "profile board: signals.heater_relay: table: a relay must be a coil or a holding "
              "register, which can be written");
    EXPECT_EQ(parse(R"("presence": {"table": "coil", "address": 0, "bit": 3})"),
              "profile board: signals.presence: bit: only a register has bits");
    EXPECT_EQ(parse(R"("presence": {"table": "coil", "address": 70000})"),
              "profile board: signals.presence: address: must be an integer 0–65535, not 70000");
    EXPECT_EQ(parse(R"("presence": {"table": "coil"})"),
              "profile board: signals.presence: address: is missing (an integer 0–65535)");
    EXPECT_EQ(parse(R"("smoke": {"table": "coil", "address": 1})"),
              "profile board: signals: unknown signal smoke");
    EXPECT_EQ(parse(R"("temperature": {"table": "coil", "address": 1})"),
              "profile board: signals.temperature: table: a measurement must be a whole register");
    EXPECT_EQ(parse(R"("presence": {"table": "holding_register", "address": 0, "bit": 0},
                       "tamper": {"table": "holding_register", "address": 200, "bit": 0})"),
              "profile board: signals: the holding_registers span 201, more than one request "
              "reads (125)");
    EXPECT_EQ(errorOf([] { parseProfile("x", "{"); }).rfind("profile x: not valid JSON", 0), 0u);
    EXPECT_EQ(errorOf([] { loadProfile(profileDir(), "no-such-module"); }),
              profileDir() + "/no-such-module.json: cannot be read");
}

// A cabinet file around `buses` and `policy` (JSON texts).
std::string cabinetJson(const std::string& devices, const std::string& policy = "{}") {
    return R"({"buses": [{"name": "line", "rtu": {"device": "/dev/ttyUSB0"}, "devices": [)" +
           devices + R"(]}], "policy": )" + policy + "}";
}

TEST(Cabinet, TheShippedCabinetsLoad) {
    auto lobby = loadCabinet(cabinetDir() + "/owen-lobby.json", profileDir());
    ASSERT_EQ(lobby.buses.size(), 1u);
    EXPECT_EQ(lobby.buses[0].devices.size(), 4u);
    EXPECT_EQ(std::get<RtuLine>(lobby.buses[0].link).baud, 19200);
    EXPECT_EQ(lobby.buses[0].devices[1].slave, 17);
    auto generic = loadCabinet(cabinetDir() + "/generic-io-board.json", profileDir());
    EXPECT_EQ(std::get<RtuLine>(generic.buses[0].link).baud, 9600);
    EXPECT_EQ(generic.policy.heaterOnBelow, PolicyConfig{}.heaterOnBelow);
}

TEST(Cabinet, RefusesAmbiguousOrImpossibleSetups) {
    auto parse = [](const std::string& text) {
        return errorOf([&] { parseCabinet(text, profileDir()); });
    };
    EXPECT_EQ(parse(cabinetJson(R"({"name": "a", "profile": "generic-relay-io-8ch", "slave": 1},
                                 {"name": "b", "profile": "wirenboard-style-io", "slave": 2})")),
              "cabinet: signal presence comes from both a and b");
    EXPECT_EQ(parse(cabinetJson(R"({"name": "a", "profile": "owen-mv110-8d", "slave": 5},
                                 {"name": "b", "profile": "owen-mu110-8r", "slave": 5})")),
              "cabinet: bus line: slave id 5 of b is taken by another device");
    EXPECT_EQ(parse(cabinetJson(R"({"name": "ИБП", "profile": "owen-mv110-8d"})")),
              "cabinet: device name ИБП must be 1 to 40 of a-z, 0-9, _ and - (the hub names "
              "alarms by it)");
    EXPECT_EQ(parse(cabinetJson(R"({"name": "a", "profile": "owen-mv110-8d", "slave": 300})")),
              "cabinet: buses[0].devices[0]: slave: must be an integer 1–247, not 300");
    EXPECT_EQ(parse(cabinetJson(R"({"name": "a", "profile": "owen-mv110-8d"})",
                                R"({"heater_on_below_c": 12, "heater_off_above_c": 10})")),
              "cabinet: policy: heater_on_below_c must be below heater_off_above_c");
    EXPECT_EQ(parse(R"({"buses": [{"name": "x", "devices": []}]})"),
              "cabinet: buses[0]: needs exactly one of rtu and tcp");
    EXPECT_EQ(parse(R"({"buses": [{"name": "x", "rtu": {"device": "/dev/x", "parity": "X"},
                                   "devices": [{"name": "a", "profile": "owen-mv110-8d"}]}]})"),
              "cabinet: buses[0].rtu: parity: must be N, E or O, not X");
}

TEST(Cabinet, AnOmittedSlaveIsTheProfilesDefault) {
    auto cabinet =
        parseCabinet(cabinetJson(R"({"name": "a", "profile": "owen-mu110-8r"})"), profileDir());
    EXPECT_EQ(cabinet.buses[0].devices[0].slave, 17);
}

}  // namespace
}  // namespace veche::hardware
