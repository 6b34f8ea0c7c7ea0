#include "veche/ussd/phone.h"

#include <gtest/gtest.h>

#include <deque>
#include <stdexcept>

#include "veche/ussd/handset_view.h"
#include "veche/ussd/replay.h"

namespace veche::ussd {
namespace {

using Form = std::map<std::string, std::string>;

// Records every form and answers with the next scripted body.
class FakeTransport : public UssdTransport {
public:
    explicit FakeTransport(std::deque<std::string> bodies) : bodies_(std::move(bodies)) {}

    std::string post(const Form& form) override {
        forms.push_back(form);
        if (bodies_.empty()) {
            throw std::runtime_error("POST fake: connection refused");
        }
        std::string body = bodies_.front();
        bodies_.pop_front();
        return body;
    }

    std::vector<Form> forms;

private:
    std::deque<std::string> bodies_;
};

TEST(PhoneSessionTest, FirstRequestHasEmptyText) {
    FakeTransport transport({"CON Главное меню\n1 Объявления"});
    PhoneSession phone(transport, "s-1", "+79161234567");
    const Screen screen = phone.dial("*123#");
    EXPECT_FALSE(screen.final);
    EXPECT_EQ(screen.text, "Главное меню\n1 Объявления");
    ASSERT_EQ(transport.forms.size(), 1u);
    EXPECT_EQ(transport.forms[0], (Form{{"sessionId", "s-1"},
                                        {"serviceCode", "*123#"},
                                        {"phoneNumber", "+79161234567"},
                                        {"text", ""}}));
}

TEST(PhoneSessionTest, AnswersAccumulateWithStars) {
    FakeTransport transport({"CON a", "CON b", "CON c", "END d"});
    PhoneSession phone(transport, "s-2", "+79001112233");
    phone.dial("*123#");
    phone.answer("1");
    phone.answer("99");
    EXPECT_TRUE(phone.answer("0").final);
    ASSERT_EQ(transport.forms.size(), 4u);
    EXPECT_EQ(transport.forms[1].at("text"), "1");
    EXPECT_EQ(transport.forms[2].at("text"), "1*99");
    EXPECT_EQ(transport.forms[3].at("text"), "1*99*0");
    for (const Form& form : transport.forms) {
        EXPECT_EQ(form.at("sessionId"), "s-2");
        EXPECT_EQ(form.at("serviceCode"), "*123#");
    }
}

TEST(PhoneSessionTest, ChainDialSendsTheInputsAsText) {
    FakeTransport transport({"CON a", "END b"});
    PhoneSession phone(transport, "s-3", "+79161234567");
    phone.dial("*123*1*2#");
    phone.answer("3");
    EXPECT_EQ(transport.forms[0].at("serviceCode"), "*123#");
    EXPECT_EQ(transport.forms[0].at("text"), "1*2");
    EXPECT_EQ(transport.forms[1].at("text"), "1*2*3");
}

TEST(PhoneSessionTest, EmptyInputsKeepTheirPlace) {
    FakeTransport transport({"CON a", "CON b", "CON c"});
    PhoneSession phone(transport, "s-4", "+79161234567");
    phone.dial("*123#");
    phone.answer("");
    phone.answer("1");
    EXPECT_EQ(transport.forms[1].at("text"), "");
    EXPECT_EQ(transport.forms[2].at("text"), "*1");
}

TEST(PhoneSessionTest, FailedAnswerCanBeSentAgain) {
    FakeTransport transport({"CON a", "Internal error", "CON b"});
    PhoneSession phone(transport, "s-7", "+79161234567");
    phone.dial("*123#");
    EXPECT_THROW(phone.answer("1"), std::runtime_error);
    EXPECT_EQ(phone.answer("1").text, "b");
    EXPECT_EQ(transport.forms[1].at("text"), "1");
    EXPECT_EQ(transport.forms[2].at("text"), "1");
}

TEST(PhoneSessionTest, RefusesToAnswerAfterEndOrBeforeDial) {
    FakeTransport transport({"END Ваш номер +79161234567"});
    PhoneSession phone(transport, "s-5", "+79161234567");
    EXPECT_THROW(phone.answer("1"), std::logic_error);
    const Screen screen = phone.dial("*123*5#");
    EXPECT_TRUE(screen.final);
    EXPECT_EQ(screen.text, "Ваш номер +79161234567");
    EXPECT_THROW(phone.answer("1"), std::logic_error);
    EXPECT_THROW(phone.dial("*123#"), std::logic_error);
    EXPECT_EQ(transport.forms.size(), 1u);
}

TEST(PhoneSessionTest, RefusesCodesThatAreNotUssd) {
    FakeTransport transport({});
    for (const std::string code : {"123#", "*123", "*#", "**1#", "*", ""}) {
        PhoneSession phone(transport, "s", "+7");
        EXPECT_THROW(phone.dial(code), std::invalid_argument) << code;
    }
    EXPECT_TRUE(transport.forms.empty());
}

TEST(PhoneSessionTest, BodyWithoutConOrEndIsAnError) {
    FakeTransport transport({"<html>Not Found</html>"});
    PhoneSession phone(transport, "s-6", "+79161234567");
    try {
        phone.dial("*123#");
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(),
                     "the reply starts with neither \"CON \" nor \"END \": \"<html>Not "
                     "Found</html>\"");
    }
}

TEST(PhoneSessionTest, SessionIdsComeFromTheRandomSource) {
    EXPECT_EQ(newSessionId([] { return std::uint64_t{0x1f}; }), "phone-000000000000001f");
    EXPECT_EQ(newSessionId([] { return ~std::uint64_t{0}; }), "phone-ffffffffffffffff");
}

TEST(ReplayTest, AllScreensMatch) {
    FakeTransport transport({"CON a\n1 x", "END b", "END c"});
    std::uint64_t next = 1;
    const auto report =
        replayTranscript(parseTranscript("> *123#\nCON a\n1 x\n> 1\nEND b\n\n> *123*5#\nEND c\n"),
                         transport, "+79161234567", [&next] { return next++; });
    EXPECT_EQ(report.sessions, 2u);
    EXPECT_EQ(report.screens, 3u);
    EXPECT_TRUE(report.mismatches.empty());
    EXPECT_EQ(transport.forms[0].at("sessionId"), "phone-0000000000000001");
    EXPECT_EQ(transport.forms[2].at("sessionId"), "phone-0000000000000002");
    EXPECT_EQ(transport.forms[2].at("text"), "5");
}

TEST(ReplayTest, FirstMismatchPerSessionIsDescribed) {
    // Session 1 differs at step 2 and stops there; session 2 fails to connect.
    FakeTransport transport({"CON a", "CON Объявления\n1 Вода\n2 Газ\n0 Назад"});
    const auto report = replayTranscript(parseTranscript("> *123#\nCON a\n> 1\n"
                                                         "CON Объявления\n1 Свет\n0 Назад\n"
                                                         "> 1\nEND Свет\n\n"
                                                         "> *123#\nCON a\n"),
                                         transport, "+79161234567", [] { return 7; });
    EXPECT_EQ(report.screens, 3u);
    ASSERT_EQ(report.mismatches.size(), 2u);
    EXPECT_EQ(describeMismatch(report.mismatches[0]),
              "session 1, step 2: > *123# > 1\n"
              "  CON Объявления\n"
              "- 1 Свет\n"
              "+ 1 Вода\n"
              "- 0 Назад\n"
              "+ 2 Газ\n"
              "+ 0 Назад\n");
    EXPECT_EQ(describeMismatch(report.mismatches[1]),
              "session 2, step 1: > *123#\n"
              "- CON a\n"
              "! POST fake: connection refused\n");
}

TEST(HandsetViewTest, FramesTheScreenAndShowsItsCost) {
    EXPECT_EQ(renderScreen({false, "Меню\n1 Объявления"}),
              "┌──────────────┐\n"
              "│ Меню         │\n"
              "│ 1 Объявления │\n"
              "└──────────────┘\n"
              "[17/80 символов, UCS-2]\n");
    EXPECT_EQ(renderScreen({true, "Bye"}),
              "┌─────┐\n"
              "│ Bye │\n"
              "└─────┘\n"
              "[3/182 символов, GSM 7-bit]\n"
              "(сеанс завершён)\n");
    const std::string tooLong = renderScreen({false, std::string(90, 'x') + "я"});
    EXPECT_NE(tooLong.find("[91/80 символов, UCS-2] ВНИМАНИЕ: не помещается на один экран\n"),
              std::string::npos)
        << tooLong;
}

}  // namespace
}  // namespace veche::ussd
