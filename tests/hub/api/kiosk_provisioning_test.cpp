// Kiosk provisioning over real HTTP, on SQLite and on PostgreSQL: settings
// carried by enrolment codes, codes refused for another building, a kiosk
// replaced by a successor, and key rotation that keeps the kiosk's identity.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "../hub_fixture.h"
#include "veche/provisioning/hub_client.h"

namespace veche::hub {
namespace {

using provisioning::HubAddress;
using provisioning::HubClient;
using testing::Backend;

constexpr Millis kMinute = 60'000;
constexpr Millis kDay = 24 * 60 * kMinute;

Poco::JSON::Object::Ptr object(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr array(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>();
}

template <typename Reply>
std::string errorCode(const Reply& reply) {
    return object(reply.body)->getObject("error")->template getValue<std::string>("code");
}

template <typename Reply>
std::string errorField(const Reply& reply) {
    return object(reply.body)->getObject("error")->template getValue<std::string>("field");
}

// A JSON object of strings, as settings are written.
KioskSettings settingsOf(const Poco::JSON::Object::Ptr& o) {
    KioskSettings out;
    for (const auto& [key, value] : *o) {
        out[key] = value.extract<std::string>();
    }
    return out;
}

const KioskSettings kLobby{{"cabinet", "owen-lobby"}, {"modem", "/dev/serial/by-id/usb-SIMCOM"}};
const std::string kLobbyJson =
    R"({"cabinet": "owen-lobby", "modem": "/dev/serial/by-id/usb-SIMCOM"})";

class KioskProvisioningTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        // Not skipped: like the storage suite, these must pass on both backends.
        const char* postgres = std::getenv("VECHE_TEST_POSTGRES");
        ASSERT_TRUE(GetParam() == Backend::SQLite || (postgres != nullptr && *postgres != '\0'))
            << "VECHE_TEST_POSTGRES is not set: run eval \"$(tools/test-postgres.sh)\" first";
        hub = std::make_unique<testing::HubFixture>(HubSettings{}, GetParam());
        territory = hub->hub->territories().createTerritory("ТОС").id;
        building = hub->hub->territories().createBuilding(territory, "д. 1")->id;
        otherBuilding = hub->hub->territories().createBuilding(territory, "д. 2")->id;
        staff = std::make_unique<testing::HttpClient>(hub->client(Role::Staff));
    }

    // Issues a code with `body` as staff; the reply as it came.
    testing::HttpReply issue(const std::string& body) {
        return staff->post("/api/v1/enrolments", body);
    }

    // A code for `forBuilding` with `settings` (a JSON object, or "").
    std::string code(const std::string& forBuilding, const std::string& settings = "") {
        const auto reply = issue(R"({"building_id": ")" + forBuilding + "\"" +
                                 (settings.empty() ? "" : R"(, "settings": )" + settings) + "}");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return object(reply.body)->getValue<std::string>("code");
    }

    // POST /api/v1/kiosk/enrol with `key`, naming `expected` as the building
    // when it is not empty.
    testing::HttpReply enrol(const std::string& code, const signing::KeyPair& key,
                             const std::string& expected = "") {
        Poco::JSON::Object body;
        body.set("code", code);
        body.set("public_key", key.publicKeyBase64());
        body.set("name", "Подъезд 1");
        if (!expected.empty()) {
            body.set("building_id", expected);
        }
        std::ostringstream text;
        body.stringify(text);
        return hub->anonymous().post("/api/v1/kiosk/enrol", text.str());
    }

    // A client for kiosk `id` signing with `key`, by the hub's clock.
    HubClient signer(const std::string& id, const signing::KeyPair& key) {
        return HubClient(
            address(), id, key, [this] { return hub->clock.now(); },
            [this] { return "nonce-" + hub->random.hex(8); });
    }

    // A kiosk enrolled with `code` and a fresh key.
    HubClient enrolled(const std::string& code) {
        const auto key = signing::KeyPair::generate();
        const auto reply = enrol(code, key);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return signer(object(reply.body)->getValue<std::string>("kiosk_id"), key);
    }

    HubAddress address() { return {"127.0.0.1", hub->server->port()}; }

    // Pushes one alarm event "<kiosk id>-<id>"; returns its ack's status.
    std::string pushAlarm(HubClient& kiosk, const std::string& id, const std::string& state) {
        const auto reply =
            kiosk.send("POST", "/api/v1/kiosk/events",
                       R"({"events": [{"id": ")" + kiosk.kioskId() + "-" + id +
                           R"(", "type": "alarm", "at": )" + std::to_string(hub->clock.now()) +
                           R"(, "data": {"alarm": "door_open", "subject": "", "state": ")" + state +
                           R"("}}]})");
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.status == 200 ? object(reply.body)
                                         ->getArray("acks")
                                         ->getObject(0)
                                         ->getValue<std::string>("status")
                                   : "";
    }

    // The config of the kiosk's pull; null when the pull is refused.
    Poco::JSON::Object::Ptr pullConfig(HubClient& kiosk) {
        const auto reply = kiosk.send("GET", "/api/v1/kiosk/changes?cursor=0");
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.status == 200 ? object(reply.body)->getObject("config") : nullptr;
    }

    // A string of the kiosk's pulled config; "" when the pull is refused.
    std::string pulled(HubClient& kiosk, const std::string& field) {
        const auto config = pullConfig(kiosk);
        return config ? config->getValue<std::string>(field) : "";
    }

    // The item of GET /api/v1/kiosks for kiosk `id`; null when it is not listed.
    Poco::JSON::Object::Ptr listed(const std::string& id) {
        const auto list = array(staff->get("/api/v1/kiosks").body);
        for (unsigned i = 0; i < list->size(); ++i) {
            if (list->getObject(i)->getValue<std::string>("id") == id) {
                return list->getObject(i);
            }
        }
        return nullptr;
    }

    // A member of kiosk `id`'s item in GET /api/v1/kiosks as text; "null"
    // when it is null, "" when the kiosk is not listed.
    std::string listedAs(const std::string& id, const std::string& field) {
        const auto item = listed(id);
        return !item ? "" : item->isNull(field) ? "null" : item->getValue<std::string>(field);
    }

    std::string rotation(const signing::KeyPair& to) {
        return R"({"public_key": ")" + to.publicKeyBase64() + R"("})";
    }

    std::unique_ptr<testing::HubFixture> hub;
    std::unique_ptr<testing::HttpClient> staff;
    std::string territory, building, otherBuilding;
};

TEST_P(KioskProvisioningTest, ACodesSettingsReachItsKioskInTheReplyThePullAndTheList) {
    const auto issued =
        issue(R"({"building_id": ")" + building + R"(", "settings": )" + kLobbyJson + "}");
    ASSERT_EQ(issued.status, 201) << issued.body;
    EXPECT_EQ(settingsOf(object(issued.body)->getObject("settings")), kLobby);

    const auto key = signing::KeyPair::generate();
    const auto reply = enrol(object(issued.body)->getValue<std::string>("code"), key);
    ASSERT_EQ(reply.status, 201) << reply.body;
    const auto body = object(reply.body);
    EXPECT_EQ(body->getValue<std::string>("building_id"), building);
    EXPECT_EQ(body->getValue<std::string>("address"), "д. 1");
    EXPECT_EQ(settingsOf(body->getObject("settings")), kLobby);

    HubClient kiosk = signer(body->getValue<std::string>("kiosk_id"), key);
    const auto config = pullConfig(kiosk);
    ASSERT_TRUE(config);
    EXPECT_EQ(settingsOf(config->getObject("settings")), kLobby);
    const auto item = listed(kiosk.kioskId());
    ASSERT_TRUE(item);
    EXPECT_EQ(settingsOf(item->getObject("settings")), kLobby);
    EXPECT_TRUE(item->isNull("replaced_by"));

    // A code without settings gives none.
    HubClient plain = enrolled(code(building));
    const auto plainConfig = pullConfig(plain);
    ASSERT_TRUE(plainConfig);
    ASSERT_TRUE(plainConfig->getObject("settings"));
    EXPECT_EQ(plainConfig->getObject("settings")->size(), 0u);
}

TEST_P(KioskProvisioningTest, RefusesSettingsThatBreakTheRulesNamingTheField) {
    auto withSettings = [this](const std::string& settings) {
        return issue(R"({"building_id": ")" + building + R"(", "settings": )" + settings + "}");
    };
    std::string sixteen = "{", seventeen;
    for (int i = 0; i < 16; ++i) {
        sixteen += (i ? ", \"k" : "\"k") + std::string(1, static_cast<char>('a' + i)) + R"(": "v")";
    }
    seventeen = sixteen + R"(, "kq": "v"})";
    sixteen += "}";
    EXPECT_EQ(withSettings(sixteen).status, 201);
    const auto tooMany = withSettings(seventeen);
    EXPECT_EQ(tooMany.status, 400);
    EXPECT_EQ(errorField(tooMany), "settings");

    const std::string longestKey(32, 'k');
    EXPECT_EQ(withSettings(R"({")" + longestKey + R"(": "v"})").status, 201);
    for (const std::string& key :
         {std::string("Cabinet"), std::string("cab-1"), std::string(""), longestKey + "k"}) {
        const auto bad = withSettings(R"({")" + key + R"(": "v"})");
        EXPECT_EQ(bad.status, 400) << key;
        EXPECT_EQ(errorField(bad), "settings") << key;
    }

    // Values are counted in characters: 256 Cyrillic letters are 512 bytes.
    std::string longest;
    for (int i = 0; i < 256; ++i) {
        longest += "ш";
    }
    EXPECT_EQ(withSettings(R"({"cabinet": ")" + longest + R"("})").status, 201);
    const auto tooLong = withSettings(R"({"cabinet": ")" + longest + R"(ш"})");
    EXPECT_EQ(tooLong.status, 400);
    EXPECT_EQ(errorField(tooLong), "settings.cabinet");

    const auto notAString = withSettings(R"({"modem": 3})");
    EXPECT_EQ(notAString.status, 400);
    EXPECT_EQ(errorField(notAString), "settings.modem");
    const auto notAnObject = withSettings(R"(["cabinet"])");
    EXPECT_EQ(notAnObject.status, 400);
    EXPECT_EQ(errorField(notAnObject), "settings");
}

TEST_P(KioskProvisioningTest, ACodeForAnotherBuildingIsRefusedAndStillWorksForItsOwn) {
    const std::string forHere = code(building, kLobbyJson);
    const auto key = signing::KeyPair::generate();
    const auto wrong = enrol(forHere, key, otherBuilding);
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(errorCode(wrong), "wrong_building");
    EXPECT_EQ(object(wrong.body)->getObject("error")->getValue<std::string>("message"),
              "this code is for another building");

    const auto right = enrol(forHere, key, building);
    ASSERT_EQ(right.status, 201) << right.body;
    EXPECT_EQ(object(right.body)->getValue<std::string>("building_id"), building);
    EXPECT_EQ(settingsOf(object(right.body)->getObject("settings")), kLobby);

    const auto used = enrol(forHere, signing::KeyPair::generate(), building);
    EXPECT_EQ(used.status, 403);
    EXPECT_EQ(errorCode(used), "invalid_code");
    const std::string expiring = code(building);
    hub->clock.advance(kDay);
    const auto expired = enrol(expiring, key);
    EXPECT_EQ(expired.status, 403);
    EXPECT_EQ(errorCode(expired), "invalid_code");
}

TEST_P(KioskProvisioningTest, AKioskRetryingWithItsKeyAfterALostReplyGetsTheSameEnrolment) {
    const std::string once = code(building, kLobbyJson);
    const auto key = signing::KeyPair::generate();
    const auto first = enrol(once, key);
    ASSERT_EQ(first.status, 201) << first.body;
    const auto again = enrol(once, key);
    ASSERT_EQ(again.status, 201) << again.body;
    const std::string id = object(first.body)->getValue<std::string>("kiosk_id");
    EXPECT_EQ(object(again.body)->getValue<std::string>("kiosk_id"), id);
    EXPECT_EQ(settingsOf(object(again.body)->getObject("settings")), kLobby);
    EXPECT_EQ(errorCode(enrol(once, signing::KeyPair::generate())), "invalid_code");

    auto op = hub->client(Role::Operator);
    ASSERT_EQ(op.post("/api/v1/kiosks/" + id + "/revoke", "{}").status, 200);
    EXPECT_EQ(errorCode(enrol(once, key)), "invalid_code");  // not back in by its old code
}

TEST_P(KioskProvisioningTest, AWrongBuildingCountsTowardsTheLimitOfRefusedAttempts) {
    const std::string forHere = code(building);
    const auto key = signing::KeyPair::generate();
    for (int i = 0; i < 20; ++i) {
        ASSERT_EQ(errorCode(enrol(forHere, key, otherBuilding)), "wrong_building") << i;
    }
    const auto blocked = enrol(forHere, key, building);
    EXPECT_EQ(blocked.status, 429);
    EXPECT_EQ(errorCode(blocked), "too_many_attempts");
    hub->clock.advance(kMinute + 1);
    EXPECT_EQ(enrol(forHere, key, building).status, 201);  // never used meanwhile
}

TEST_P(KioskProvisioningTest, ASuccessorTakesTheOldKiosksPlaceBuildingAndSettings) {
    HubClient old = enrolled(code(otherBuilding, kLobbyJson));
    ASSERT_EQ(pushAlarm(old, "a1", "raised"), "stored");
    auto op = hub->client(Role::Operator);
    const auto replace = op.post("/api/v1/kiosks/" + old.kioskId() + "/replace", "");
    ASSERT_EQ(replace.status, 201) << replace.body;
    const auto issued = object(replace.body);
    EXPECT_EQ(issued->getValue<std::string>("building_id"), otherBuilding);
    EXPECT_EQ(issued->getValue<std::string>("replaces"), old.kioskId());
    EXPECT_EQ(issued->getValue<std::string>("expires_at"), hub->dayOffset(1));
    const std::string replacement = issued->getValue<std::string>("code");
    EXPECT_EQ(pulled(old, "building_id"), otherBuilding);  // until used

    const auto key = signing::KeyPair::generate();
    const auto reply = enrol(replacement, key, otherBuilding);
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(object(reply.body)->getValue<std::string>("building_id"), otherBuilding);
    EXPECT_EQ(object(reply.body)->getValue<std::string>("address"), "д. 2");
    EXPECT_EQ(settingsOf(object(reply.body)->getObject("settings")), kLobby);
    HubClient successor = signer(object(reply.body)->getValue<std::string>("kiosk_id"), key);
    EXPECT_NE(successor.kioskId(), old.kioskId());

    const auto refused = old.send("GET", "/api/v1/kiosk/changes?cursor=0");
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(errorCode(refused), "unknown_kiosk");
    EXPECT_EQ(pushAlarm(successor, "a1", "raised"), "stored");
    const auto config = pullConfig(successor);
    ASSERT_TRUE(config);
    EXPECT_EQ(config->getValue<std::string>("kiosk_id"), successor.kioskId());
    EXPECT_EQ(config->getValue<std::string>("building_id"), otherBuilding);
    EXPECT_EQ(settingsOf(config->getObject("settings")), kLobby);

    const auto was = listed(old.kioskId());
    ASSERT_TRUE(was);
    EXPECT_EQ(was->getValue<std::string>("replaced_by"), successor.kioskId());
    EXPECT_FALSE(was->isNull("revoked_at"));
    EXPECT_EQ(was->getValue<std::string>("status"), "revoked");
    const auto now = listed(successor.kioskId());
    ASSERT_TRUE(now);
    EXPECT_TRUE(now->isNull("replaced_by"));
    EXPECT_EQ(settingsOf(now->getObject("settings")), kLobby);
    EXPECT_EQ(now->getValue<std::string>("status"), "attention");  // its own door alarm

    EXPECT_EQ(errorCode(enrol(replacement, signing::KeyPair::generate())), "invalid_code");
    const auto again = op.post("/api/v1/kiosks/" + old.kioskId() + "/replace", "");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(errorCode(again), "already_replaced");
    EXPECT_EQ(op.post("/api/v1/kiosks/k-nowhere/replace", "").status, 404);
    EXPECT_EQ(hub->client(Role::Auditor)
                  .post("/api/v1/kiosks/" + successor.kioskId() + "/replace", "")
                  .status,
              403);
}

TEST_P(KioskProvisioningTest, OfTwoReplacementCodesTheSecondEnrolsNothing) {
    HubClient old = enrolled(code(building, kLobbyJson));
    auto op = hub->client(Role::Operator);
    const auto first = op.post("/api/v1/kiosks/" + old.kioskId() + "/replace", "");
    const auto second = op.post("/api/v1/kiosks/" + old.kioskId() + "/replace", "");
    ASSERT_EQ(first.status, 201) << first.body;
    ASSERT_EQ(second.status, 201) << second.body;
    HubClient successor = enrolled(object(first.body)->getValue<std::string>("code"));

    const auto late =
        enrol(object(second.body)->getValue<std::string>("code"), signing::KeyPair::generate());
    EXPECT_EQ(late.status, 409);
    EXPECT_EQ(errorCode(late), "already_replaced");
    // The transaction stored nothing: still the two kiosks, the first successor in place.
    EXPECT_EQ(array(staff->get("/api/v1/kiosks").body)->size(), 2u);
    EXPECT_EQ(listedAs(old.kioskId(), "replaced_by"), successor.kioskId());

    // A revoked kiosk, not replaced, may be replaced: a stolen kiosk's successor.
    HubClient stolen = enrolled(code(building));
    ASSERT_EQ(op.post("/api/v1/kiosks/" + stolen.kioskId() + "/revoke", "").status, 200);
    const auto revokedAt = listedAs(stolen.kioskId(), "revoked_at");
    ASSERT_NE(revokedAt, "null");
    hub->clock.advance(kMinute);
    const auto forStolen = op.post("/api/v1/kiosks/" + stolen.kioskId() + "/replace", "");
    ASSERT_EQ(forStolen.status, 201) << forStolen.body;
    HubClient heir = enrolled(object(forStolen.body)->getValue<std::string>("code"));
    EXPECT_EQ(listedAs(stolen.kioskId(), "replaced_by"), heir.kioskId());
    EXPECT_EQ(listedAs(stolen.kioskId(), "revoked_at"), revokedAt);
}

TEST_P(KioskProvisioningTest, ARotatedKeyKeepsTheKiosksIdentityAndTheOldOneLapses) {
    const auto first = signing::KeyPair::generate();
    const auto reply = enrol(code(building, kLobbyJson), first);
    ASSERT_EQ(reply.status, 201) << reply.body;
    const std::string id = object(reply.body)->getValue<std::string>("kiosk_id");
    HubClient before = signer(id, first);
    ASSERT_EQ(pushAlarm(before, "a1", "raised"), "stored");

    const auto second = signing::KeyPair::generate();
    const auto signature = before.sign("POST", "/api/v1/kiosk/key", rotation(second));
    const auto rotated =
        before.sendSigned("POST", "/api/v1/kiosk/key", rotation(second), signature);
    ASSERT_EQ(rotated.status, 200) << rotated.body;
    EXPECT_EQ(object(rotated.body)->getValue<std::string>("kiosk_id"), id);
    const auto replayed =
        before.sendSigned("POST", "/api/v1/kiosk/key", rotation(second), signature);
    EXPECT_EQ(replayed.status, 401);
    EXPECT_EQ(errorCode(replayed), "replayed_request");

    // The new key signs for the same kiosk, with its building, settings and events.
    HubClient after = signer(id, second);
    ASSERT_EQ(pushAlarm(after, "a2", "cleared"), "stored");
    const auto config = pullConfig(after);
    ASSERT_TRUE(config);
    EXPECT_EQ(config->getValue<std::string>("kiosk_id"), id);
    EXPECT_EQ(settingsOf(config->getObject("settings")), kLobby);
    EXPECT_EQ(hub->stack->kioskStore.event(id + "-a1")->kioskId, id);
    EXPECT_EQ(hub->stack->kioskStore.event(id + "-a2")->kioskId, id);
    const auto history = object(staff->get("/api/v1/kiosks/" + id).body)->getArray("alarm_history");
    EXPECT_EQ(history->size(), 2u);

    // The old key still signs for 10 minutes: a lost reply is retried with it.
    hub->clock.advance(10 * kMinute - 1);
    EXPECT_EQ(before.send("POST", "/api/v1/kiosk/key", rotation(second)).status, 200);
    const auto elsewhere =
        before.send("POST", "/api/v1/kiosk/key", rotation(signing::KeyPair::generate()));
    EXPECT_EQ(elsewhere.status, 409);
    EXPECT_EQ(errorCode(elsewhere), "rotation_pending");
    hub->clock.advance(1);
    const auto lapsed = before.send("GET", "/api/v1/kiosk/changes?cursor=0");
    EXPECT_EQ(lapsed.status, 401);
    EXPECT_EQ(errorCode(lapsed), "bad_signature");
    EXPECT_EQ(pulled(after, "kiosk_id"), id);

    const std::vector<KioskKey> keys = hub->stack->kioskStore.keys(id);
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(keys[0].publicKey, first.publicKeyBase64());
    EXPECT_EQ(keys[0].replacedAt, keys[1].validFrom);
    EXPECT_EQ(keys[1].publicKey, second.publicKeyBase64());
    EXPECT_FALSE(keys[1].replacedAt);
}

TEST_P(KioskProvisioningTest, RotationRefusesMalformedAndFormerKeysAndRepeatsTheCurrentOne) {
    const auto first = signing::KeyPair::generate();
    HubClient kiosk = enrolled(code(building));
    const auto malformed = kiosk.send("POST", "/api/v1/kiosk/key", R"({"public_key": "abc"})");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(errorField(malformed), "public_key");
    EXPECT_EQ(kiosk.send("POST", "/api/v1/kiosk/key", "{}").status, 400);
    EXPECT_EQ(staff->post("/api/v1/kiosk/key", rotation(first)).status, 403);  // kiosks only

    ASSERT_EQ(kiosk.send("POST", "/api/v1/kiosk/key", rotation(first)).status, 200);
    HubClient rotated = signer(kiosk.kioskId(), first);
    EXPECT_EQ(rotated.send("POST", "/api/v1/kiosk/key", rotation(first)).status, 200);  // current
    hub->clock.advance(10 * kMinute);
    EXPECT_EQ(kiosk.send("GET", "/api/v1/kiosk/changes?cursor=0").status, 401);

    // Back to a former key: refused; on to a new one once no old key signs: done.
    const auto enrolledKey = hub->stack->kioskStore.keys(kiosk.kioskId()).front().publicKey;
    const auto former =
        rotated.send("POST", "/api/v1/kiosk/key", R"({"public_key": ")" + enrolledKey + R"("})");
    EXPECT_EQ(former.status, 409);
    EXPECT_EQ(errorCode(former), "key_reused");
    const auto third = signing::KeyPair::generate();
    EXPECT_EQ(rotated.send("POST", "/api/v1/kiosk/key", rotation(third)).status, 200);
    HubClient latest = signer(kiosk.kioskId(), third);
    EXPECT_EQ(pulled(latest, "kiosk_id"), kiosk.kioskId());
    EXPECT_EQ(hub->stack->kioskStore.keys(kiosk.kioskId()).size(), 3u);

    // A replaced kiosk's keys sign nothing, however recent.
    auto op = hub->client(Role::Operator);
    const auto replace = op.post("/api/v1/kiosks/" + kiosk.kioskId() + "/replace", "");
    ASSERT_EQ(replace.status, 201) << replace.body;
    enrolled(object(replace.body)->getValue<std::string>("code"));
    EXPECT_EQ(errorCode(rotated.send("GET", "/api/v1/kiosk/changes?cursor=0")), "unknown_kiosk");
}

INSTANTIATE_TEST_SUITE_P(Backends, KioskProvisioningTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto& param) { return testing::nameOf(param.param); });

}  // namespace
}  // namespace veche::hub
