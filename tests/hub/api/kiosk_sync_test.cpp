// Kiosk enrolment and signed sync over real HTTP, with the client in
// provisioning/ that the kiosk uses.
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <gtest/gtest.h>

#include <mutex>

#include "../hub_fixture.h"
#include "veche/provisioning/hub_client.h"
#include "veche/signing/phone_hash.h"

namespace veche::hub {
namespace {

using provisioning::HubAddress;
using provisioning::HubClient;
using provisioning::HubReply;

Poco::JSON::Object::Ptr object(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string errorCode(const HubReply& reply) {
    return object(reply.body)->getObject("error")->getValue<std::string>("code");
}

constexpr Millis kDay = 24LL * 60 * 60 * 1000;

class KioskSyncTest : public ::testing::Test {
protected:
    void SetUp() override {
        territory = hub.hub->territories().createTerritory("ТОС").id;
        building = hub.hub->territories().createBuilding(territory, "д. 1")->id;
        otherBuilding = hub.hub->territories().createBuilding(territory, "д. 2")->id;
        hub.hub->territories().replaceRegistry(
            building,
            "premises,kind,area,owner_id,owner,share,document,joint\n"
            "1,residential,60,a,A,1,,\n2,residential,40,b,B,1,,\n");
        hub.hub->territories().replaceRegistry(
            otherBuilding,
            "premises,kind,area,owner_id,owner,share,document,joint\n"
            "1,residential,50,z,Z,1,,\n");
    }

    std::string issueCode(const std::string& forBuilding) {
        auto staff = hub.client(Role::Staff);
        const auto reply =
            staff.post("/api/v1/enrolments", R"({"building_id": ")" + forBuilding + R"("})");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return object(reply.body)->getValue<std::string>("code");
    }

    HubClient enrolled(const std::string& forBuilding = "") {
        const auto key = signing::KeyPair::generate();
        const auto reply = HubClient::enrol(
            address(), issueCode(forBuilding.empty() ? building : forBuilding), key, "Подъезд 1");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return HubClient(
            address(), object(reply.body)->getValue<std::string>("kiosk_id"), key,
            [this] { return hub.clock.now(); }, [this] { return "nonce-" + hub.random.hex(8); });
    }

    HubAddress address() { return {"127.0.0.1", hub.server->port()}; }

    std::string openAssembly(const std::string& inBuilding) {
        Assembly a;
        a.territoryId = territory;
        a.buildingId = inBuilding;
        a.agenda = {core::RuleSet::OssMkd, {{"1", "Т", core::Threshold::ParticipantsMajority}}};
        a.title = "ОСС";
        a.initiator = "И";
        a.ballotAddress = "кв. 1";
        a.materials = "кв. 1";
        a.opensAt = hub.clock.now() - kDay;
        a.closesAt = hub.clock.now() + kDay;
        return hub.hub->createAssembly(a, hub.clock.now() - 20 * kDay).id;
    }

    // A ballot from `kiosk`, cast by the resident whose phone is `phone`.
    std::string ballotEvent(const HubClient& kiosk, const std::string& id,
                            const std::string& assembly, const std::string& phone,
                            const std::string& choice, Millis at) {
        return R"({"id": ")" + kiosk.kioskId() + "-" + id + R"(", "type": "ballot", "at": )" +
               std::to_string(at) + R"(, "data": {"assembly_id": ")" + assembly +
               R"(", "phone": ")" + phone + R"(", "answers": {"1": ")" + choice + R"("}}})";
    }

    // A verified phone confirmed for an owner of `inBuilding`.
    void link(const std::string& phone, const std::string& inBuilding, const std::string& owner) {
        hub.hub->residents().registerPhone(phone, "test");
        hub.hub->residents().store().addLinkRequest({"l-" + phone, phone, inBuilding, "1",
                                                     "confirmed", owner, hub.clock.now(), "test",
                                                     hub.clock.now(), "test", ""});
    }

    std::vector<std::string> statuses(const HubReply& reply) {
        std::vector<std::string> out;
        const auto acks = object(reply.body)->getArray("acks");
        for (unsigned i = 0; i < acks->size(); ++i) {
            out.push_back(acks->getObject(i)->getValue<std::string>("status"));
        }
        return out;
    }

    testing::HubFixture hub;
    std::string territory, building, otherBuilding;
};

TEST_F(KioskSyncTest, EnrolsWithAOneTimeCodeAndSyncsItsBuilding) {
    HubClient kiosk = enrolled();
    hub.hub->createNotice({"",
                           territory,
                           {},
                           NoticeCategory::Emergency,
                           "Пожарная тревога",
                           "Текст",
                           "ТОС",
                           hub.clock.now() - 1,
                           hub.clock.now() + kDay,
                           0,
                           0},
                          Role::Operator);
    hub.clock.advance(60'000);
    const auto changes = kiosk.send("GET", "/api/v1/kiosk/changes?cursor=0");
    ASSERT_EQ(changes.status, 200) << changes.body;
    const auto body = object(changes.body);
    EXPECT_EQ(body->getObject("config")->getValue<std::string>("building_id"), building);
    EXPECT_EQ(body->getObject("config")->getValue<std::string>("address"), "д. 1");
    ASSERT_EQ(body->getArray("notices")->size(), 1u);
    EXPECT_EQ(body->getArray("notices")->getObject(0)->getValue<std::string>("title"),
              "Пожарная тревога");

    // Later syncs bring only what changed since the cursor (and the last
    // few seconds before it, which the kiosk upserts again).
    const auto cursor = body->getValue<Millis>("cursor");
    hub.clock.advance(60'000);
    hub.hub->createNotice({"",
                           territory,
                           {building},
                           NoticeCategory::Board,
                           "Субботник",
                           "Текст",
                           "ТОС",
                           hub.clock.now() - 1,
                           hub.clock.now() + kDay,
                           0,
                           0},
                          Role::Operator);
    const auto next = kiosk.send("GET", "/api/v1/kiosk/changes?cursor=" + std::to_string(cursor));
    ASSERT_EQ(next.status, 200);
    const auto notices = object(next.body)->getArray("notices");
    ASSERT_EQ(notices->size(), 1u);
    EXPECT_EQ(notices->getObject(0)->getValue<std::string>("title"), "Субботник");
}

TEST_F(KioskSyncTest, ACodeIsUsedOnceExpiresAndIsRateLimited) {
    const auto key = signing::KeyPair::generate();
    const std::string code = issueCode(building);
    EXPECT_EQ(HubClient::enrol(address(), code, key, "").status, 201);
    // With another key: with the same one it is the kiosk's own retry
    // (KioskProvisioningTest).
    const auto again = HubClient::enrol(address(), code, signing::KeyPair::generate(), "");
    EXPECT_EQ(again.status, 403);
    EXPECT_EQ(errorCode(again), "invalid_code");

    const std::string expiring = issueCode(building);
    hub.clock.advance(kDay + 1);
    EXPECT_EQ(HubClient::enrol(address(), expiring, key, "").status, 403);

    const std::string lowercase = issueCode(building);
    std::string typed = lowercase;
    std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
    EXPECT_EQ(HubClient::enrol(address(), typed, key, "").status, 201);  // typed as it sounds

    auto bad = HubClient::enrol(address(), issueCode(building), signing::KeyPair::generate(), "");
    const auto badKey = HubClient::enrol(address(), "ABCD-EFGH-JKLM", key, "");
    EXPECT_EQ(badKey.status, 403);
    for (int i = 0; i < 25; ++i) {
        bad = HubClient::enrol(address(), "WRONG-CODE-" + std::to_string(i), key, "");
    }
    EXPECT_EQ(bad.status, 429);
}

TEST_F(KioskSyncTest, RefusesTamperedStaleReplayedAndRevokedRequests) {
    HubClient kiosk = enrolled();
    const std::string path = "/api/v1/kiosk/changes?cursor=0";
    const auto signature = kiosk.sign("GET", path, "");
    EXPECT_EQ(kiosk.sendSigned("GET", path, "", signature).status, 200);
    const auto replayed = kiosk.sendSigned("GET", path, "", signature);
    EXPECT_EQ(replayed.status, 401);
    EXPECT_EQ(errorCode(replayed), "replayed_request");

    const auto forOtherPath = kiosk.sign("GET", path, "");
    const auto tampered =
        kiosk.sendSigned("GET", "/api/v1/kiosk/changes?cursor=9", "", forOtherPath);
    EXPECT_EQ(errorCode(tampered), "bad_signature");

    const auto old = kiosk.sign("GET", path, "");
    hub.clock.advance(6 * 60'000);
    EXPECT_EQ(errorCode(kiosk.sendSigned("GET", path, "", old)), "stale_request");

    HubClient impostor(
        address(), kiosk.kioskId(), signing::KeyPair::generate(),
        [this] { return hub.clock.now(); }, [] { return std::string(32, 'x'); });
    EXPECT_EQ(errorCode(impostor.send("GET", path)), "bad_signature");

    auto op = hub.client(Role::Operator);
    EXPECT_EQ(op.post("/api/v1/kiosks/" + kiosk.kioskId() + "/revoke", "{}").status, 200);
    const auto revoked = kiosk.send("GET", path);
    EXPECT_EQ(revoked.status, 401);
    EXPECT_EQ(errorCode(revoked), "unknown_kiosk");
    EXPECT_EQ(hub.anonymous().get(path).status, 401);
}

TEST_F(KioskSyncTest, EveryEventSentTwiceAndOutOfOrderIsStoredOnce) {
    HubClient kiosk = enrolled();
    const std::string assembly = openAssembly(building);
    const std::string foreign = openAssembly(otherBuilding);
    link("+79000000001", building, "a");
    link("+79000000002", building, "b");
    link("+79000000003", otherBuilding, "z");
    const Millis t = hub.clock.now() - 60'000;
    const std::string first =
        R"({"events": [)" + ballotEvent(kiosk, "b1", assembly, "+79000000001", "for", t) + "," +
        ballotEvent(kiosk, "b2", assembly, "+79000000002", "against", t + 5) + "," + R"({"id": ")" +
        kiosk.kioskId() + R"(-t1", "type": "telemetry", "at": )" + std::to_string(t) +
        R"(, "data": {"temperature": 21.5}}]})";
    const std::string second =
        R"({"events": [)" + ballotEvent(kiosk, "b2", assembly, "+79000000002", "against", t + 5) +
        "," + R"({"id": ")" + kiosk.kioskId() + R"(-t1", "type": "telemetry", "at": )" +
        std::to_string(t) + R"(, "data": {"temperature": 21.5}},)" +
        ballotEvent(kiosk, "b1", assembly, "+79000000001", "for", t) + "," +
        ballotEvent(kiosk, "b3", foreign, "+79000000003", "for", t) + "," + R"({"id": ")" +
        kiosk.kioskId() + R"(-t1", "type": "telemetry", "at": )" + std::to_string(t) +
        R"(, "data": {"temperature": 30}}]})";
    const auto pushed = kiosk.send("POST", "/api/v1/kiosk/events", first);
    ASSERT_EQ(pushed.status, 200) << pushed.body;
    EXPECT_EQ(statuses(pushed), (std::vector<std::string>{"stored", "stored", "stored"}));
    const auto again = kiosk.send("POST", "/api/v1/kiosk/events", second);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(statuses(again),
              (std::vector<std::string>{"already_stored", "already_stored", "already_stored",
                                        "rejected", "rejected"}));
    EXPECT_EQ(hub.hub->ballotStore().count(), 2u);
    const AssemblyResults r = hub.hub->results(assembly);
    EXPECT_EQ(r.consultative.ballots, 2u);  // kiosk votes do not bind an owners' meeting
    EXPECT_EQ(r.binding.ballots, 0u);
    EXPECT_EQ(r.consultative.result.items[0].forVotes, core::Fraction(60));
}

TEST_F(KioskSyncTest, APhoneRegistersConsentsAndVotesOnceLinked) {
    HubClient kiosk = enrolled();
    const std::string assembly = openAssembly(building);
    auto op = hub.client(Role::Operator);
    ASSERT_EQ(op.request("PUT", "/api/v1/buildings/" + building + "/owner-phones",
                         "owner_id,phone\na,8 900 111-22-33\n", "text/csv")
                  .status,
              200);
    const Millis t = hub.clock.now() - 1000;
    auto event = [t, &kiosk](const std::string& id, const std::string& type,
                             const std::string& data) {
        return R"({"id": ")" + kiosk.kioskId() + "-" + id + R"(", "type": ")" + type +
               R"(", "at": )" + std::to_string(t) + R"(, "data": )" + data + "}";
    };
    const std::string known = R"("phone": "+79001112233")";
    const std::string stranger = R"("phone": "+79004445566")";
    const std::string events =
        R"({"events": [)" + event("e1", "phone_registration", "{" + known + "}") + "," +
        event("e2", "consent", "{" + known + R"(, "kind": "sms", "text_version": "sms-2026-01"})") +
        "," + event("e3", "link_request", "{" + known + R"(, "premises": "1"})") + "," +
        event("e4", "phone_registration", "{" + stranger + "}") + "," +
        event("e5", "link_request", "{" + stranger + R"(, "premises": "2"})") + "," +
        event("e6", "ballot",
              "{" + known + R"(, "assembly_id": ")" + assembly + R"(", "answers": {"1": "for"}})") +
        "," +
        event("e7", "ballot",
              "{" + stranger + R"(, "assembly_id": ")" + assembly +
                  R"(", "answers": {"1": "against"}})") +
        "," +
        event("e8", "consent", R"({"phone": "+79990000000", "kind": "sms", "text_version": "v"})") +
        "]}";
    const auto pushed = kiosk.send("POST", "/api/v1/kiosk/events", events);
    ASSERT_EQ(pushed.status, 200) << pushed.body;
    EXPECT_EQ(statuses(pushed),
              (std::vector<std::string>{"stored", "stored", "stored", "stored", "stored", "stored",
                                        "rejected", "rejected"}));

    // The registry knew the first phone for owner a: linked at once, and its vote counts for a.
    auto auditor = hub.client(Role::Auditor);
    const auto record = object(auditor.get("/api/v1/phones/+79001112233").body);
    EXPECT_TRUE(record->getValue<bool>("verified"));
    EXPECT_EQ(record->getArray("consents")->getObject(0)->getValue<std::string>("text_version"),
              "sms-2026-01");
    EXPECT_EQ(record->getArray("links")->getObject(0)->getValue<std::string>("decided_by"),
              "registry");
    EXPECT_EQ(hub.hub->results(assembly).consultative.result.items[0].forVotes, core::Fraction(60));

    // The kiosk learns who may vote offline, as salted hashes only.
    const auto changes = kiosk.send("GET", "/api/v1/kiosk/changes?cursor=0");
    EXPECT_EQ(changes.body.find("9001112233"), std::string::npos);
    const auto eligibility = object(changes.body)->getObject("eligibility");
    const std::string salt = eligibility->getValue<std::string>("salt");
    ASSERT_EQ(eligibility->getArray("voters")->size(), 1u);
    EXPECT_EQ(eligibility->getArray("voters")->getObject(0)->getValue<std::string>("phone_hash"),
              signing::phoneHash(salt, "+79001112233"));
    EXPECT_EQ(eligibility->getValue<int>("iterations"), signing::kPhoneHashIterations);
    EXPECT_EQ(eligibility->getArray("voters")->getObject(0)->getValue<std::string>("voter_id"),
              "a");

    // The stranger waits for staff, who check the registry and confirm.
    auto staff = hub.client(Role::Staff);
    const auto pending = staff.get("/api/v1/link-requests?status=pending");
    const auto list = Poco::JSON::Parser().parse(pending.body).extract<Poco::JSON::Array::Ptr>();
    ASSERT_EQ(list->size(), 1u);
    const std::string request = list->getObject(0)->getValue<std::string>("id");
    EXPECT_EQ(
        staff.post("/api/v1/link-requests/" + request + "/confirm", R"({"owner_id": "a"})").status,
        400);  // a does not hold premises 2
    EXPECT_EQ(
        staff.post("/api/v1/link-requests/" + request + "/confirm", R"({"owner_id": "b"})").status,
        200);
    const auto retry = kiosk.send("POST", "/api/v1/kiosk/events",
                                  R"({"events": [)" +
                                      event("e7b", "ballot",
                                            "{" + stranger + R"(, "assembly_id": ")" + assembly +
                                                R"(", "answers": {"1": "against"}})") +
                                      "]}");
    EXPECT_EQ(statuses(retry), (std::vector<std::string>{"stored"}));
    EXPECT_EQ(hub.hub->results(assembly).consultative.result.items[0].against, core::Fraction(40));

    // Withdrawing consent is its own act; the first stays on record.
    kiosk.send(
        "POST", "/api/v1/kiosk/events",
        R"({"events": [)" +
            event("e9", "consent", "{" + known + R"(, "kind": "sms", "action": "withdrawn"})") +
            "]}");
    const auto after = object(auditor.get("/api/v1/phones/89001112233").body);
    const auto consent = after->getArray("consents")->getObject(0);
    EXPECT_FALSE(consent->isNull("withdrawn_at"));
    EXPECT_EQ(consent->getValue<std::string>("withdrawn_via"), "kiosk");
}

TEST_F(KioskSyncTest, PollsTakeTheEarliestAnswerOfEachPhoneAndReportsReachStaff) {
    HubClient kiosk = enrolled();
    auto op = hub.client(Role::Operator);
    const auto created =
        op.post("/api/v1/polls",
                R"({"territory_id": ")" + territory +
                    R"(", "question": "Нужна ли детская площадка?", "options": ["Да", "Нет"],
                              "opens_at": ")" +
                    hub.dayOffset(-1) + R"(", "closes_at": ")" + hub.dayOffset(7) + R"("})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string poll = object(created.body)->getValue<std::string>("id");
    EXPECT_EQ(op.post("/api/v1/polls", R"({"territory_id": ")" + territory +
                                           R"(", "question": "?", "options": ["Да"],
                              "opens_at": ")" +
                                           hub.dayOffset(0) + R"(", "closes_at": ")" +
                                           hub.dayOffset(1) + R"("})")
                  .status,
              400);  // one answer is not a question

    const auto changes = object(kiosk.send("GET", "/api/v1/kiosk/changes?cursor=0").body);
    ASSERT_EQ(changes->getArray("polls")->size(), 1u);

    const Millis t = hub.clock.now() - 5000;
    auto event = [&kiosk](const std::string& id, const std::string& type, Millis at,
                          const std::string& data) {
        return R"({"id": ")" + kiosk.kioskId() + "-" + id + R"(", "type": ")" + type +
               R"(", "at": )" + std::to_string(at) + R"(, "data": )" + data + "}";
    };
    const std::string phone = R"("phone": "+79001112233")";
    // The later answer arrives first; the earlier one still wins.
    const std::string events =
        R"({"events": [)" + event("q0", "phone_registration", t, "{" + phone + "}") + "," +
        event("q2", "poll_answer", t + 20,
              "{" + phone + R"(, "poll_id": ")" + poll + R"(", "option": 1})") +
        "," +
        event("q1", "poll_answer", t + 10,
              "{" + phone + R"(, "poll_id": ")" + poll + R"(", "option": 0})") +
        "," +
        event("q3", "poll_answer", t,
              R"({"phone": "+79005550000", "poll_id": ")" + poll + R"(", "option": 0})") +
        "," +
        event(
            "q4", "problem_report", t,
            R"({"category": "housing", "text": "Не горит свет в подъезде", "phone": "8 900 111 22 33"})") +
        "]}";
    const auto pushed = kiosk.send("POST", "/api/v1/kiosk/events", events);
    ASSERT_EQ(pushed.status, 200) << pushed.body;
    EXPECT_EQ(statuses(pushed),
              (std::vector<std::string>{"stored", "stored", "stored", "rejected", "stored"}));
    auto auditor = hub.client(Role::Auditor);
    const auto results = object(auditor.get("/api/v1/polls/" + poll + "/results").body);
    EXPECT_EQ(results->getArray("answers")->getElement<int>(0), 1);
    EXPECT_EQ(results->getArray("answers")->getElement<int>(1), 0);

    auto staff = hub.client(Role::Staff);
    const auto reports = Poco::JSON::Parser()
                             .parse(staff.get("/api/v1/reports?status=new").body)
                             .extract<Poco::JSON::Array::Ptr>();
    ASSERT_EQ(reports->size(), 1u);
    EXPECT_EQ(reports->getObject(0)->getValue<std::string>("phone"), "+79001112233");
    const std::string report = "/api/v1/reports/" + kiosk.kioskId() + "-q4/status";
    EXPECT_EQ(staff.post(report, R"({"status": "answered"})").status, 400);
    const auto answered =
        staff.post(report, R"({"status": "answered", "answer": "Лампу заменили"})");
    ASSERT_EQ(answered.status, 200);
    EXPECT_EQ(object(answered.body)->getValue<std::string>("status"), "answered");
}

TEST_F(KioskSyncTest, AnEventThatCannotBeAppliedYetIsNotKeptSoItCanComeAgain) {
    HubClient kiosk = enrolled();
    const std::string id = kiosk.kioskId();
    const std::string consent = R"({"id": ")" + id + R"(-c1", "type": "consent", "at": 1, "data":
        {"phone": "+79005550101", "kind": "sms", "text_version": "v1"}})";
    const std::string registration = R"({"id": ")" + id + R"(-r1", "type": "phone_registration",
        "at": 1, "data": {"phone": "+79005550101"}})";
    EXPECT_EQ(statuses(kiosk.send("POST", "/api/v1/kiosk/events",
                                  R"({"events": [)" + consent + "," + registration + "]}")),
              (std::vector<std::string>{"rejected", "stored"}));
    EXPECT_EQ(
        statuses(kiosk.send("POST", "/api/v1/kiosk/events", R"({"events": [)" + consent + "]}")),
        (std::vector<std::string>{"stored"}));
    EXPECT_EQ(hub.hub->residents().store().consents("+79005550101").size(), 1u);

    // Ids belong to their kiosk; numbers must fit.
    const std::string squatter = R"({"events": [{"id": "k-other-1", "type": "telemetry", "at": 1,
        "data": {}}]})";
    EXPECT_EQ(statuses(kiosk.send("POST", "/api/v1/kiosk/events", squatter)),
              (std::vector<std::string>{"rejected"}));
    const auto huge =
        kiosk.send("POST", "/api/v1/kiosk/events",
                   R"({"events": [{"id": ")" + id +
                       R"(-h", "type": "telemetry", "at": 18446744073709551615, "data": {}}]})");
    EXPECT_EQ(huge.status, 400);
    EXPECT_EQ(kiosk.send("GET", "/api/v1/kiosk/changes?cursor=-9223372036854775808").status, 400);
}

TEST_F(KioskSyncTest, AKioskWithoutAModemHasTheHubSendTheCodeWhichOperatorsDoNotSee) {
    HubClient kiosk = enrolled();
    const auto asked = kiosk.send("POST", "/api/v1/kiosk/codes", R"({"phone": "89001112233"})");
    ASSERT_EQ(asked.status, 202) << asked.body;
    const auto queued = hub.stack->smsStore.list("queued", 10);
    ASSERT_EQ(queued.size(), 1u);
    const std::string code = queued[0].text.substr(queued[0].text.find_first_of("0123456789"), 6);

    auto auditor = hub.client(Role::Auditor);
    const auto shown = auditor.get("/api/v1/sms");
    EXPECT_NE(shown.body.find("Код Вече: ******"), std::string::npos) << shown.body;
    EXPECT_EQ(shown.body.find(code), std::string::npos);

    const auto verified = kiosk.send("POST", "/api/v1/kiosk/codes/verify",
                                     R"({"phone": "+79001112233", "code": ")" + code + R"("})");
    EXPECT_EQ(verified.body, R"({"verified":true})");
    EXPECT_EQ(kiosk.send("POST", "/api/v1/kiosk/codes", R"({"phone": "+74951234567"})").status,
              400);
}

// Keeps what is logged to it.
class CapturingChannel : public Poco::Channel {
public:
    void log(const Poco::Message& message) override {
        std::lock_guard lock(mutex_);
        text_ += message.getText() + "\n";
    }
    std::string text() {
        std::lock_guard lock(mutex_);
        return text_;
    }

private:
    std::mutex mutex_;
    std::string text_;
};

TEST_F(KioskSyncTest, TheLogNamesRoutesButNeitherPhonesNorCodesNorKeys) {
    Poco::AutoPtr<CapturingChannel> channel(new CapturingChannel);
    Poco::Logger& log = Poco::Logger::get("test");
    log.setChannel(channel);
    log.setLevel(Poco::Message::PRIO_INFORMATION);

    const std::string code = issueCode(building);
    const auto key = signing::KeyPair::generate();
    ASSERT_EQ(HubClient::enrol(address(), code, key, "").status, 201);
    link("+79001112233", building, "a");
    auto auditor = hub.client(Role::Auditor);
    ASSERT_EQ(auditor.get("/api/v1/phones/+79001112233").status, 200);
    log.setChannel(nullptr);

    const std::string text = channel->text();
    EXPECT_NE(text.find("event=request method=GET route=/api/v1/phones/{phone} status=200"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("principal=auditor:"), std::string::npos) << text;
    EXPECT_NE(text.find("route=/api/v1/kiosk/enrol status=201"), std::string::npos) << text;
    EXPECT_EQ(text.find("9001112233"), std::string::npos) << text;
    EXPECT_EQ(text.find(normaliseCode(code)), std::string::npos) << text;
    EXPECT_EQ(text.find(code), std::string::npos) << text;
    EXPECT_EQ(text.find(key.publicKeyBase64()), std::string::npos) << text;
}

}  // namespace
}  // namespace veche::hub
