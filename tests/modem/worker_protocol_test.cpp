// The lines between a WorkerModem and its worker process, and the worker's
// command line.
#include "veche/modem/worker_protocol.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include "veche/modem/worker_server.h"

namespace veche::modem::worker {
namespace {

using namespace std::chrono_literals;

TEST(WorkerProtocol, FieldsWithSeparatorsAndCyrillicSurviveALine) {
    const std::vector<std::string> fields = {
        "send", "7", "+79001112233", "Сбор\tв 19:00\nдвор \\ подъезд\r", "", "1"};
    const std::string line = encodeLine(fields);
    EXPECT_EQ(line.find('\n'), line.size() - 1);  // one line, whatever the text
    EXPECT_EQ(decodeLine(line.substr(0, line.size() - 1)), fields);
}

TEST(WorkerProtocol, AnUnknownEscapeIsNamed) {
    try {
        decodeLine("send\\x");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "unknown escape \\x");
    }
    EXPECT_THROW(decodeLine("send\\"), std::invalid_argument);
}

TEST(WorkerProtocol, NumbersAreCheckedAndNamed) {
    EXPECT_EQ(toInts("12,0,255", "refs"), (std::vector<int>{12, 0, 255}));
    EXPECT_TRUE(toInts("", "refs").empty());
    EXPECT_EQ(joinInts({12, 0, 255}), "12,0,255");
    try {
        toInt("12a", "seq");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "seq is not a number: '12a'");
    }
}

TEST(WorkerProtocol, TheReaderJoinsLinesSplitAcrossWrites) {
    int pair[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    ASSERT_TRUE(writeAll(pair[0], "info\t1\t5"));
    ASSERT_TRUE(writeAll(pair[0], "0\tMTS\t\t0\nconnection\t0\n"));
    ::close(pair[0]);
    LineReader reader(pair[1]);
    std::string line;
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line, "info\t1\t50\tMTS\t\t0");
    ASSERT_TRUE(reader.next(line));
    EXPECT_EQ(line, "connection\t0");
    EXPECT_FALSE(reader.next(line));
    ::close(pair[1]);
}

TEST(WorkerArguments, EveryOptionSurvivesTheCommandLine) {
    GammuModemOptions o;
    o.id = "modem2";
    o.device = "/dev/serial/by-id/usb-Huawei-if00";
    o.driver = GammuModemOptions::Driver::Dummy;
    o.replyNum = 3;
    o.pollInboxEvery = 1500ms;
    o.statusEvery = 20s;
    o.reconnectFirst = 250ms;
    o.reconnectMax = 9s;
    o.sendConfirmTimeout = 12s;
    o.ussdTimeout = 7s;
    const GammuModemOptions back = optionsFrom(argumentsFor(o));
    EXPECT_EQ(back.id, o.id);
    EXPECT_EQ(back.device, o.device);
    EXPECT_EQ(back.driver, GammuModemOptions::Driver::Dummy);
    EXPECT_EQ(optionsFrom({"--device", "/dev/x"}).driver, GammuModemOptions::Driver::At);
    EXPECT_EQ(back.replyNum, 3);
    EXPECT_EQ(back.pollInboxEvery, 1500ms);
    EXPECT_EQ(back.statusEvery, 20s);
    EXPECT_EQ(back.reconnectFirst, 250ms);
    EXPECT_EQ(back.reconnectMax, 9s);
    EXPECT_EQ(back.sendConfirmTimeout, 12s);
    EXPECT_EQ(back.ussdTimeout, 7s);
}

TEST(WorkerArguments, BadArgumentsAreNamed) {
    auto errorOf = [](std::vector<std::string> args) {
        try {
            optionsFrom(args);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(errorOf({"--id", "m"}), "--device is required");
    EXPECT_EQ(errorOf({"--device", "/dev/x", "--colour", "red"}), "unknown argument --colour");
    EXPECT_EQ(errorOf({"--device", "/dev/x", "--status-ms", "soon"}),
              "--status-ms is not a number: 'soon'");
    EXPECT_EQ(errorOf({"--device"}), "--device needs a value");
    EXPECT_EQ(errorOf({"--device", "/tmp/d", "--driver", "fbus"}),
              "--driver is at or dummy, not 'fbus'");
}

}  // namespace
}  // namespace veche::modem::worker
