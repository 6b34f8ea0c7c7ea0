// Staff enrol a kiosk again from its screen, against a real hub over HTTP:
// only once every event has reached the hub; with a replacement code the
// old identity is revoked and the new one syncs its building.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "../hub/hub_fixture.h"
#include "kiosk_test_support.h"
#include "sample_hub.h"
#include "veche/kiosk/enrolment.h"
#include "veche/kiosk/key_file.h"
#include "veche/kiosk/kiosk_stack.h"
#include "veche/kiosk/sync.h"
#include "veche/provisioning/enrolment_link.h"

namespace veche::kiosk {
namespace {

using hub::Role;
using namespace std::chrono_literals;

class ReenrolmentTest : public ::testing::Test {
protected:
    void SetUp() override {
        building = testing::seedSampleBuilding(hub).building;
        old = enrol(store, address, testing::enrolmentCode(hub, building), "Подъезд 1");
    }

    // A code that replaces kiosk `id` (POST /api/v1/kiosks/{id}/replace).
    std::string replacementCode(const std::string& id) {
        const auto issued =
            hub.client(Role::Operator).post("/api/v1/kiosks/" + id + "/replace", "");
        EXPECT_EQ(issued.status, 201) << issued.body;
        return Poco::JSON::Parser()
            .parse(issued.body)
            .extract<Poco::JSON::Object::Ptr>()
            ->getValue<std::string>("code");
    }

    // One sync round as `identity`: true when the hub took it.
    bool syncsAs(const KioskIdentity& identity) {
        SignedHubLink link(provisioning::HubClient(
            address, identity.kioskId, *signing::KeyPair::fromPrivateKey(identity.privateKey),
            [this] { return hub.clock.now(); }, [this] { return "nonce-" + hub.random.hex(8); }));
        SyncClient sync(store, link, env.environment());
        return sync.syncOnce();
    }

    void appendPending(const std::string& id) {
        store.appendEvent({id, "report", env.clock, R"({"category":"other","text":"Лампа"})", ""});
    }

    hub::testing::HubFixture hub;
    testing::TempDir dir;
    testing::TestEnvironment env;
    provisioning::HubAddress address{"127.0.0.1", hub.server->port()};
    KioskStore store{dir.file("kiosk.sqlite")};
    std::string building;
    KioskIdentity old;
    StaffReenrolment staff{store, address, "Подъезд 1"};
};

TEST_F(ReenrolmentTest, IsRefusedWhileEventsWaitForTheHubAndTheCodeStaysUnused) {
    appendPending(old.kioskId + "-r1");
    const std::string code = replacementCode(old.kioskId);
    const auto refused = staff.enrolAgain(code);
    EXPECT_FALSE(refused.enrolled);
    EXPECT_EQ(refused.message,
              "Нельзя подключить заново: терминал ещё не передал хабу 1 событие (голоса, "
              "регистрации, тревоги): после нового подключения оно пропало бы. Дождитесь "
              "синхронизации и повторите.");
    EXPECT_EQ(identityIn(store)->kioskId, old.kioskId);
    EXPECT_EQ(store.pendingCount(), 1);

    store.settle({old.kioskId + "-r1"}, {});  // the hub took it
    const auto done = staff.enrolAgain(code);
    EXPECT_TRUE(done.enrolled) << done.message;  // the hub was never asked before
}

TEST_F(ReenrolmentTest, AScannedLabelReplacesTheIdentityAndTheOldOneIsRevoked) {
    const std::string label =
        provisioning::textOf({provisioning::urlOf(address), replacementCode(old.kioskId)});
    const auto done = staff.enrolAgain("  " + label + "\n");  // as a scanner types it
    ASSERT_TRUE(done.enrolled) << done.message;
    EXPECT_EQ(done.message, "Терминал подключён заново: " + done.kioskId + ". Он перезапускается.");
    const auto now = identityIn(store);
    ASSERT_TRUE(now);
    EXPECT_EQ(now->kioskId, done.kioskId);
    EXPECT_NE(now->kioskId, old.kioskId);
    EXPECT_NE(now->privateKey, old.privateKey);
    EXPECT_EQ(now->buildingId, building);
    EXPECT_FALSE(readKeyFile(keyFileOf(store.path()) + ".enrolling"));  // nothing left pending

    EXPECT_TRUE(syncsAs(*now));
    EXPECT_FALSE(syncsAs(old));  // revoked at once
}

TEST_F(ReenrolmentTest, SaysWhyInRussianWhenTheCodeOrTheHubFails) {
    const auto wrong = staff.enrolAgain("AAAA-BBBB-CCCC");
    EXPECT_FALSE(wrong.enrolled);
    EXPECT_EQ(wrong.message,
              "Не удалось подключить: хаб отказал (HTTP 403, invalid_code): код не подходит: он "
              "неверный, уже использован или просрочен. Попросите новый.");
    EXPECT_EQ(staff.enrolAgain(" \n").message, "Введите код подключения или отсканируйте метку.");

    StaffReenrolment nowhere(store, {"127.0.0.1", 1}, "Подъезд 1");
    const auto unreachable = nowhere.enrolAgain("AAAA-BBBB-CCCC");
    EXPECT_FALSE(unreachable.enrolled);
    EXPECT_EQ(unreachable.message,
              "Хаб недоступен (http://127.0.0.1:1). Проверьте связь и повторите.");
    EXPECT_EQ(identityIn(store)->kioskId, old.kioskId);  // nothing changed
    EXPECT_TRUE(syncsAs(old));
}

TEST_F(ReenrolmentTest, ARunningKioskPausesItsSyncForTheAttemptAndResumesItAfterARefusal) {
    KioskStackOptions o;
    o.stateDir = dir.path().string();
    o.hub = address;
    Environment clock = env.environment();
    clock.now = [this] { return hub.clock.now(); };
    KioskStack stack(o, clock);
    stack.start();
    ASSERT_TRUE(testing::eventually([&] { return stack.sync().progress().lastSuccess != 0; }, 30s));

    EXPECT_FALSE(stack.reenrolment().enrolAgain("AAAA-BBBB-CCCC").enrolled);
    hub.clock.advance(1000);
    const Millis resumedAt = hub.clock.now();
    stack.sync().poke();
    EXPECT_TRUE(
        testing::eventually([&] { return stack.sync().progress().lastSuccess >= resumedAt; }, 30s));

    const auto done = stack.reenrolment().enrolAgain(replacementCode(old.kioskId));
    ASSERT_TRUE(done.enrolled) << done.message;
    EXPECT_FALSE(stack.sync().running());  // the old identity asks the hub nothing more
    const auto twice = stack.reenrolment().enrolAgain(replacementCode(done.kioskId));
    EXPECT_FALSE(twice.enrolled);  // a second scan before the restart
    EXPECT_EQ(twice.message,
              "Терминал уже подключён заново как " + done.kioskId + " и перезапускается.");
    EXPECT_FALSE(stack.sync().running());
    stack.stop();
    EXPECT_FALSE(store.meta("revoked"));
    EXPECT_EQ(identityIn(store)->kioskId, done.kioskId);
}

TEST_F(ReenrolmentTest, StaleTelemetryAndARevokedKiosksEventsDoNotHoldItBack) {
    store.appendEvent({old.kioskId + "-t1", "telemetry", env.clock, R"({"temperature":20})", ""});
    const auto done = staff.enrolAgain(replacementCode(old.kioskId));
    ASSERT_TRUE(done.enrolled) << done.message;
    EXPECT_EQ(store.pendingCount(), 0);  // dropped, not sent under the new identity

    const KioskIdentity now = *identityIn(store);
    appendPending(now.kioskId + "-r1");
    store.setMeta("revoked", "1");  // the hub switched it off: the report can never be sent
    const auto again = staff.enrolAgain(testing::enrolmentCode(hub, building));
    ASSERT_TRUE(again.enrolled) << again.message;
    EXPECT_EQ(store.pendingCount(), 1);  // kept: the hub refuses it later, staff see it
    EXPECT_FALSE(store.meta("revoked"));
}

TEST_F(ReenrolmentTest, AKeyKeptForAnotherCodeIsNotReused) {
    StaffReenrolment nowhere(store, {"127.0.0.1", 1}, "Подъезд 1");
    ASSERT_FALSE(nowhere.enrolAgain("AAAA-BBBB-CCCC").enrolled);  // its key is kept
    const auto kept = readKeyFile(keyFileOf(store.path()) + ".enrolling");
    ASSERT_TRUE(kept);
    const auto done = staff.enrolAgain(replacementCode(old.kioskId));
    ASSERT_TRUE(done.enrolled) << done.message;
    EXPECT_NE(identityIn(store)->privateKey, *kept);
}

TEST_F(ReenrolmentTest, AnIdentityStoredWithoutItsKeyIsFinishedAtTheNextStart) {
    // As after a power cut between the store's commit and the key's move.
    const auto pending = signing::KeyPair::generate();
    writeKeyFile(keyFileOf(store.path()) + ".enrolling", pending.privateKeyBase64());
    store.setMeta("kiosk_id", "k-new");
    store.setMeta("enrolled_key_pending", "1");
    const auto identity = identityIn(store);
    ASSERT_TRUE(identity);
    EXPECT_EQ(identity->kioskId, "k-new");
    EXPECT_EQ(identity->privateKey, pending.privateKeyBase64());
    EXPECT_FALSE(store.meta("enrolled_key_pending"));
    EXPECT_FALSE(readKeyFile(keyFileOf(store.path()) + ".enrolling"));
    EXPECT_EQ(identityIn(store)->privateKey, pending.privateKeyBase64());  // and it stays
}

}  // namespace
}  // namespace veche::kiosk
