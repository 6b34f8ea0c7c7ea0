// PocoUssdTransport and veche-ussd-phone against a scripted hub over real HTTP.

#include <Poco/Net/ServerSocket.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <thread>

#include "fake_hub.h"
#include "veche/ussd/phone.h"

namespace veche::ussd {
namespace {

using testing::FakeHub;
using testing::HubReply;
using testing::HubRequest;

// A hub that answers by the text alone, as the real one does.
HubReply menu(const HubRequest& request) {
    const std::string text = request.form.count("text") ? request.form.at("text") : "?";
    if (text.empty() || text == "1*0") {
        return {200, "CON Главное меню\n1 Объявления\n5 Мой номер"};
    }
    if (text == "1") {
        return {200, "CON Объявлений нет\n0 Назад"};
    }
    if (text == "5" || text == "1*0*5") {
        return {200, "END Ваш номер " + request.form.at("phoneNumber")};
    }
    return {200, "END Неверный ввод"};
}

std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

TEST(PocoUssdTransportTest, PostsTheFormAndReadsTheScreens) {
    FakeHub hub(menu);
    PocoUssdTransport transport(hub.url());
    PhoneSession phone(transport, "phone-1", "+79161234567");
    EXPECT_EQ(phone.dial("*123*1#").text, "Объявлений нет\n0 Назад");
    const Screen last = phone.answer("0");
    EXPECT_FALSE(last.final);
    EXPECT_TRUE(phone.answer("5").final);
    const auto requests = hub.requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].uri, "/ussd");
    EXPECT_EQ(requests[0].contentType, "application/x-www-form-urlencoded");
    EXPECT_EQ(requests[0].form, (std::map<std::string, std::string>{{"phoneNumber", "+79161234567"},
                                                                    {"serviceCode", "*123#"},
                                                                    {"sessionId", "phone-1"},
                                                                    {"text", "1"}}));
    EXPECT_EQ(requests[2].form.at("text"), "1*0*5");
}

TEST(PocoUssdTransportTest, PostsUnderTheUrlsPath) {
    FakeHub hub(menu);
    PocoUssdTransport transport(hub.url() + "/gateway/");
    EXPECT_EQ(transport.post({{"text", "5"}, {"phoneNumber", "+7"}}), "END Ваш номер +7");
    EXPECT_EQ(hub.requests().at(0).uri, "/gateway/ussd");
}

TEST(PocoUssdTransportTest, FailuresNameTheEndpoint) {
    FakeHub hub([](const HubRequest&) { return HubReply{503, "busy"}; });
    const std::string url = hub.url() + "/ussd";
    EXPECT_EQ(errorOf([&] { PocoUssdTransport(hub.url()).post({}); }),
              "POST " + url + ": HTTP 503 Service Unavailable: busy");

    std::uint16_t closed = 0;
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        closed = socket.address().port();
    }
    const std::string refused =
        errorOf([&] { PocoUssdTransport("http://127.0.0.1:" + std::to_string(closed)).post({}); });
    EXPECT_TRUE(refused.starts_with("POST http://127.0.0.1:" + std::to_string(closed) + "/ussd: "))
        << refused;

    for (const std::string bad : {"https://hub", "hub:8080", "http:///x", "http://hub/?a=1"}) {
        EXPECT_THROW(PocoUssdTransport{bad}, std::invalid_argument) << bad;
    }
}

TEST(PocoUssdTransportTest, GivesUpAfterTheTimeout) {
    FakeHub hub([](const HubRequest&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return HubReply{200, "END late"};
    });
    PocoUssdTransport transport(hub.url(), Poco::Timespan(0, 100'000));
    EXPECT_TRUE(errorOf([&] { transport.post({}); }).starts_with("POST " + hub.url()));
}

struct PhoneRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

PhoneRun runPhone(const std::vector<std::string>& args, const std::string& input = "") {
    Poco::Pipe in;
    Poco::Pipe out;
    Poco::ProcessHandle process = Poco::Process::launch(VECHE_USSD_PHONE, args, &in, &out, &out);
    Poco::PipeOutputStream toPhone(in);
    toPhone << input;
    toPhone.close();
    Poco::PipeInputStream fromPhone(out);
    PhoneRun run;
    Poco::StreamCopier::copyToString(fromPhone, run.output);
    run.exitCode = process.wait();
    return run;
}

TEST(UssdPhoneProgramTest, ShowsScreensAndReadsInputs) {
    FakeHub hub(menu);
    const PhoneRun run = runPhone({"--hub", hub.url(), "--msisdn", "+79161234567"}, "1\n0\n5\n");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(
        run.output.starts_with("> *123#\n"
                               "┌──────────────┐\n"
                               "│ Главное меню │\n"
                               "│ 1 Объявления │\n"
                               "│ 5 Мой номер  │\n"
                               "└──────────────┘\n"
                               "[37/80 символов, UCS-2]\n"
                               "> 1\n"))
        << run.output;
    EXPECT_TRUE(
        run.output.ends_with("│ Ваш номер +79161234567 │\n"
                             "└────────────────────────┘\n"
                             "[22/80 символов, UCS-2]\n"
                             "(сеанс завершён)\n"))
        << run.output;
    EXPECT_EQ(hub.requests().at(3).form.at("text"), "1*0*5");
}

TEST(UssdPhoneProgramTest, ReplaysATranscript) {
    FakeHub hub(menu);
    Poco::TemporaryFile file;
    std::ofstream(file.path()) << "# the resident asks for the number\n"
                                  "> *123#\nCON Главное меню\n1 Объявления\n5 Мой номер\n"
                                  "> 5\nEND Ваш номер +79161234567\n\n"
                                  "> *123*1#\nCON Объявлений нет\n0 Назад\n";
    const PhoneRun same =
        runPhone({"--hub", hub.url(), "--msisdn", "+79161234567", "--script", file.path()});
    EXPECT_EQ(same.exitCode, 0) << same.output;
    EXPECT_EQ(same.output, file.path() + ": all 2 sessions match (3 screens compared)\n");

    const PhoneRun other =
        runPhone({"--hub", hub.url(), "--msisdn", "+79001112233", "--script", file.path()});
    EXPECT_EQ(other.exitCode, 1) << other.output;
    EXPECT_EQ(other.output,
              "session 1, step 2: > *123# > 5\n"
              "- END Ваш номер +79161234567\n"
              "+ END Ваш номер +79001112233\n\n" +
                  file.path() + ": 1 of 2 sessions differ (3 screens compared)\n");
    EXPECT_NE(hub.requests().at(0).form.at("sessionId"), hub.requests().at(2).form.at("sessionId"));
}

TEST(UssdPhoneProgramTest, ExplainsItsUsage) {
    const PhoneRun run = runPhone({"--hub", "http://127.0.0.1:1"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.output.starts_with("usage: veche-ussd-phone")) << run.output;
}

}  // namespace
}  // namespace veche::ussd
