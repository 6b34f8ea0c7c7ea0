#include "veche/hub/services/codes.h"

#include <gtest/gtest.h>

#include "../hub_fixture.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

constexpr Millis kMinute = 60'000;

class CodesTest : public ::testing::Test {
protected:
    // The code in the newest SMS queued for `phone` (what the phone shows).
    std::string lastCodeFor(const std::string& phone) {
        for (const SmsRecord& m : hub.stack->smsStore.list("", 100)) {
            if (m.phone == phone && m.kind == "code") {
                const auto at = m.text.find_first_of("0123456789");
                return m.text.substr(at, 6);
            }
        }
        return "";
    }
    int status(const std::function<void()>& call) {
        try {
            call();
        } catch (const ApiError& e) {
            return e.status();
        }
        return 0;
    }

    testing::HubFixture hub;
    CodeService& codes = hub.stack->codes;
};

TEST_F(CodesTest, ARightCodeVerifiesThePhoneOnceAndAWrongOneCostsAnAttempt) {
    codes.issue("8 900 111-22-33", "k-1");
    const std::string code = lastCodeFor("+79001112233");
    ASSERT_EQ(code.size(), 6u);
    EXPECT_EQ(hub.stack->smsStore.list("queued", 10).front().priority,
              static_cast<int>(modem::SmsPriority::Code));
    EXPECT_FALSE(codes.verify("+79001112233", code == "000000" ? "111111" : "000000"));
    EXPECT_FALSE(hub.hub->residents().store().isVerified("+79001112233"));
    EXPECT_TRUE(codes.verify("+79001112233", code));
    EXPECT_TRUE(hub.hub->residents().store().isVerified("+79001112233"));
    EXPECT_FALSE(codes.verify("+79001112233", code));  // used up
}

TEST_F(CodesTest, ACodeDiesAfterFiveWrongEntriesOrFiveMinutes) {
    codes.issue("+79001112233", "k-1");
    const std::string code = lastCodeFor("+79001112233");
    const std::string wrong = code == "000000" ? "111111" : "000000";
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(codes.verify("+79001112233", wrong));
    }
    EXPECT_FALSE(codes.verify("+79001112233", code));

    codes.issue("+79001112244", "k-1");
    const std::string second = lastCodeFor("+79001112244");
    hub.clock.advance(5 * kMinute);
    EXPECT_FALSE(codes.verify("+79001112244", second));
}

TEST_F(CodesTest, LimitsPerPhoneKioskAndNumberPrefix) {
    for (int i = 0; i < 3; ++i) {
        codes.issue("+79001112233", "k-1");
    }
    EXPECT_EQ(status([&] { codes.issue("+79001112233", "k-1"); }), 429);
    hub.clock.advance(10 * kMinute + 1);
    EXPECT_EQ(status([&] { codes.issue("+79001112233", "k-1"); }), 0);

    // Ten numbers of one block (SMS pumping) in an hour, then no more.
    for (int i = 0; i < 10; ++i) {
        codes.issue("+7900222" + std::to_string(3000 + i), "k-2");
    }
    EXPECT_EQ(status([&] { codes.issue("+79002223999", "k-2"); }), 429);
    EXPECT_EQ(status([&] { codes.issue("+79005550000", "k-2"); }), 0);  // another block

    EXPECT_EQ(status([&] { codes.issue("+74951234567", "k-1"); }), 400);  // not a mobile
    EXPECT_EQ(status([&] { codes.issue("12345", "k-1"); }), 400);
}

TEST_F(CodesTest, OneKioskAsksForAtMostThirtyAnHour) {
    for (int i = 0; i < 30; ++i) {
        codes.issue("+790" + std::to_string(10000000 + i * 10000), "k-busy");
    }
    EXPECT_EQ(status([&] { codes.issue("+79990000000", "k-busy"); }), 429);
    EXPECT_EQ(status([&] { codes.issue("+79990000000", "k-other"); }), 0);
}

}  // namespace
}  // namespace veche::hub
