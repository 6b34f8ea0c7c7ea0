// The hub's USSD gateway endpoint over real HTTP: the engine with the hub's
// store and services behind it.
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <set>

#include "../hub_fixture.h"
#include "veche/provisioning/hub_client.h"

namespace veche::hub {
namespace {

using provisioning::HubAddress;
using provisioning::HubClient;

constexpr Millis kDay = 24LL * 60 * 60 * 1000;
const std::string kPhone = "+79161234567";

std::string formOf(const std::map<std::string, std::string>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        std::string encoded;
        Poco::URI::encode(value, "&=+*#", encoded);
        out += (out.empty() ? "" : "&") + name + "=" + encoded;
    }
    return out;
}

class UssdTest : public ::testing::Test {
protected:
    explicit UssdTest(UssdSettings settings = {}) : hub({}, testing::Backend::SQLite, settings) {}

    void SetUp() override {
        territory = hub.hub->territories().createTerritory("ТОС «Садовый»").id;
        building = hub.hub->territories().createBuilding(territory, "ул. Садовая, д. 12")->id;
        hub.hub->territories().replaceRegistry(
            building,
            "premises,kind,area,owner_id,owner,share,document,joint\n"
            "1,residential,60,a,A,1,,\n2,residential,40,b,B,1,,\n");
        hub.hub->residents().registerPhone(kPhone, "kiosk");
        hub.hub->residents().store().addLinkRequest({"l-1", kPhone, building, "1", "confirmed", "a",
                                                     hub.clock.now(), "kiosk", hub.clock.now(),
                                                     "test", ""});
        Assembly a;
        a.territoryId = territory;
        a.buildingId = building;
        a.agenda = {core::RuleSet::OssMkd,
                    {{"1", "Ремонт крыши", core::Threshold::ParticipantsMajority}}};
        a.title = "ОСС";
        a.initiator = "И";
        a.ballotAddress = "кв. 1";
        a.materials = "кв. 1";
        a.opensAt = hub.clock.now() - kDay;
        a.closesAt = hub.clock.now() + kDay;
        assembly = hub.hub->createAssembly(a, hub.clock.now() - 20 * kDay).id;
        notice(false, "Субботник во дворе");
        notice(true, "Приём депутата");
    }

    void notice(bool isPublic, const std::string& title) {
        Notice n;
        n.territoryId = territory;
        n.category = NoticeCategory::Board;
        n.title = title;
        n.body = "Текст";
        n.author = "ТОС";
        n.validFrom = hub.clock.now() - kDay;
        n.validUntil = hub.clock.now() + kDay;
        n.isPublic = isPublic;
        hub.hub->createNotice(n, Role::Operator);
    }

    // One request of the gateway; the reply's body.
    std::string step(const std::string& session, const std::string& text,
                     const std::string& phone = kPhone, const std::string& path = "/ussd") {
        const auto reply = hub.anonymous().request("POST", path,
                                                   formOf({{"sessionId", session},
                                                           {"serviceCode", "*123#"},
                                                           {"phoneNumber", phone},
                                                           {"networkCode", "25001"},
                                                           {"text", text}}),
                                                   "application/x-www-form-urlencoded");
        EXPECT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(reply.contentType, "text/plain; charset=utf-8");
        return reply.body;
    }

    std::vector<Ballot> ballots() { return hub.hub->ballotStore().ballots(assembly); }

    testing::HubFixture hub;
    std::string territory, building, assembly;
};

TEST_F(UssdTest, AVoteByUssdIsStoredOnceWithAnSmsReceipt) {
    EXPECT_EQ(step("s1", "").rfind("CON Вече\n1 Объявления\n2 Голосование", 0), 0u);
    EXPECT_NE(step("s1", "2").find("1 ОСС"), std::string::npos);
    EXPECT_NE(step("s1", "2*1").find("Ремонт крыши"), std::string::npos);
    EXPECT_EQ(step("s1", "2*1*1"), "CON Выбор: за.\nГолос совещательный.\n1 Подтвердить 2 Отмена");
    EXPECT_TRUE(ballots().empty());  // nothing before the confirmation
    const std::string receipt = step("s1", "2*1*1*1");
    ASSERT_EQ(receipt.rfind("END Голос принят (совещательный). Квитанция ", 0), 0u) << receipt;
    EXPECT_EQ(step("s1", "2*1*1*1"), receipt);  // a retry by the gateway
    ASSERT_EQ(ballots().size(), 1u);
    const std::string code = receiptOf(ballots()[0].id);
    EXPECT_NE(receipt.find(code), std::string::npos);
    EXPECT_EQ(ballots()[0].channel, Channel::Ussd);
    EXPECT_EQ(ballots()[0].voterId, "a");
    bool smsReceipt = false;
    for (const auto& sms : hub.stack->smsStore.list("", 100)) {
        smsReceipt |= sms.phone == kPhone && sms.text.find(code) != std::string::npos;
    }
    EXPECT_TRUE(smsReceipt);
}

TEST_F(UssdTest, AnUnknownNumberSeesOnlyPublicNoticesAndNoVoting) {
    const std::string stranger = "+79007654321";
    EXPECT_EQ(step("s2", "", stranger), "CON Вече. Номер не привязан\n1 Объявления\n2 Мой номер");
    EXPECT_EQ(step("s2", "1", stranger), "CON Объявления\n1 Приём депутата\n0 Назад");
    EXPECT_EQ(step("s3", "", kPhone).find("Номер не привязан"), std::string::npos);
    const std::string known = step("s3", "1");
    EXPECT_NE(known.find("Субботник во дворе"), std::string::npos) << known;
    EXPECT_NE(known.find("Приём депутата"), std::string::npos) << known;
}

TEST_F(UssdTest, SmsConsentIsRecordedAsItsOwnActWithTheTextShown) {
    step("s4", "");
    step("s4", "5");
    step("s4", "5*1");
    step("s4", "5*1*99");
    step("s4", "5*1*99*99");
    EXPECT_EQ(step("s4", "5*1*99*99*1").rfind("END Согласие записано", 0), 0u);
    const auto consents = hub.hub->residents().store().consents(kPhone);
    ASSERT_EQ(consents.size(), 1u);
    EXPECT_EQ(consents[0].kind, "sms");
    EXPECT_EQ(consents[0].channel, "ussd");
    EXPECT_EQ(consents[0].textVersion, "ussd-sms-2026-11");
}

TEST_F(UssdTest, WhatTheGatewaySendsWrongIsAnsweredWithAnEndNotAnHttpError) {
    const auto reply = hub.anonymous().request(
        "POST", "/ussd", "sessionId=s5&text=", "application/x-www-form-urlencoded");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body.rfind("END ", 0), 0u);
    EXPECT_EQ(step("s6", "", "not a number").rfind("CON ", 0), 0u);  // an unknown caller
    const auto bad = hub.anonymous().request("POST", "/ussd", "sessionId=%zz",
                                             "application/x-www-form-urlencoded");
    EXPECT_EQ(bad.status, 200);
    EXPECT_EQ(bad.body.rfind("END ", 0), 0u);
}

class UssdFromElsewhereTest : public UssdTest {
protected:
    static UssdSettings onlyFrom() {
        UssdSettings s;
        s.access.allowFrom = {"10.0.0.5"};  // the gateway; the test calls from 127.0.0.1
        return s;
    }
    UssdFromElsewhereTest() : UssdTest(onlyFrom()) {}
};

TEST_F(UssdFromElsewhereTest, AnAddressNotAllowedIsRefused) {
    const auto refused = hub.anonymous().request(
        "POST", "/ussd", "sessionId=s8&serviceCode=*123%23&phoneNumber=%2B79161234567&text=",
        "application/x-www-form-urlencoded");
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(ballots().empty());
}

class UssdWithTokenTest : public UssdTest {
protected:
    static UssdSettings withToken() {
        UssdSettings s;
        s.access.gatewayToken = "gateway-secret";
        return s;
    }
    UssdWithTokenTest() : UssdTest(withToken()) {}
};

TEST_F(UssdWithTokenTest, OnlyTheGatewayWithItsTokenIsAnswered) {
    const auto refused = hub.anonymous().request(
        "POST", "/ussd", "sessionId=s7&text=", "application/x-www-form-urlencoded");
    EXPECT_EQ(refused.status, 403);
    const auto wrong =
        hub.anonymous().request("POST", "/ussd?token=gateway-secreT",
                                "sessionId=s7&text=", "application/x-www-form-urlencoded");
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(step("s7", "", kPhone, "/ussd?token=gateway-secret").rfind("CON Вече", 0), 0u);
}

// The same owner votes by USSD, at a kiosk and by SMS: the first ballot counts
// and the others are kept as repeats (docs/ussd.md, one ballot per owner).
TEST_F(UssdTest, OneOwnerVotingByUssdKioskAndSmsCountsOnce) {
    step("v1", "");
    ASSERT_EQ(step("v1", "2*1*1*1").rfind("END Голос принят", 0), 0u);  // за, at t

    hub.clock.advance(60'000);
    auto staff = hub.client(Role::Staff);
    const auto code =
        Poco::JSON::Parser()
            .parse(
                staff.post("/api/v1/enrolments", R"({"building_id": ")" + building + R"("})").body)
            .extract<Poco::JSON::Object::Ptr>()
            ->getValue<std::string>("code");
    const auto key = signing::KeyPair::generate();
    const HubAddress address{"127.0.0.1", hub.server->port()};
    const auto enrolled = HubClient::enrol(address, code, key, "Подъезд 1");
    ASSERT_EQ(enrolled.status, 201) << enrolled.body;
    HubClient kiosk(
        address,
        Poco::JSON::Parser()
            .parse(enrolled.body)
            .extract<Poco::JSON::Object::Ptr>()
            ->getValue<std::string>("kiosk_id"),
        key, [this] { return hub.clock.now(); }, [this] { return "n-" + hub.random.hex(8); });
    const auto pushed = kiosk.send(
        "POST", "/api/v1/kiosk/events",
        R"({"events": [{"id": ")" + kiosk.kioskId() + R"(-b1", "type": "ballot", "at": )" +
            std::to_string(hub.clock.now()) + R"(, "data": {"assembly_id": ")" + assembly +
            R"(", "phone": ")" + kPhone + R"(", "answers": {"1": "against"}}}]})");
    ASSERT_EQ(pushed.status, 200) << pushed.body;

    hub.clock.advance(60'000);
    hub.stack->sms.handle({kPhone, "Г 3", std::chrono::system_clock::now()});

    std::set<Channel> channels;
    for (const Ballot& b : ballots()) {
        channels.insert(b.channel);
    }
    EXPECT_EQ(channels, (std::set<Channel>{Channel::Ussd, Channel::Kiosk, Channel::Sms}));
    const AssemblyResults results = hub.hub->results(assembly);
    EXPECT_EQ(results.consultative.ballots, 1u);
    EXPECT_EQ(results.consultative.repeats, 2u);
    EXPECT_EQ(results.binding.ballots, 0u);
    const auto& item = results.consultative.result.items.at(0);
    EXPECT_GT(item.forVotes, core::Fraction(0));  // the USSD ballot, the first, counted
    EXPECT_EQ(item.against, core::Fraction(0));
    EXPECT_EQ(item.abstain, core::Fraction(0));
}

}  // namespace
}  // namespace veche::hub
