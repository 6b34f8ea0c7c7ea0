// The storage conformance suite: every test runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <thread>

#include "../fakes.h"
#include "../test_database.h"
#include "veche/core/bundle.h"
#include "veche/hub/store/assembly_store.h"
#include "veche/hub/store/ballot_store.h"
#include "veche/hub/store/kiosk_store.h"
#include "veche/hub/store/notice_store.h"
#include "veche/hub/store/poll_store.h"
#include "veche/hub/store/resident_store.h"
#include "veche/hub/store/schema.h"
#include "veche/hub/store/sms_store.h"
#include "veche/hub/store/territory_store.h"
#include "veche/hub/store/ussd_session_store.h"

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

using testing::Backend;
using testing::TestDatabase;

const std::string kRegistry =
    "premises,kind,area,owner_id,owner,share,document,joint\n"
    "1,residential,\"54,30\",a,\"Иванова, М. П.\",1/2,ЕГРН 1,\n"
    "1,residential,54.3,b,Иванов,1/2,ЕГРН 1,\n"
    "2,residential,40,h,Муж,1,ЕГРН 2,С\n"
    "2,residential,40,w,Жена,1,ЕГРН 2,С\n"
    "Н1,nonresidential,100.5,a,\"Иванова, М. П.\",1,ЕГРН 3,\n";

class StoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        database = std::make_unique<TestDatabase>(GetParam());
        // Not skipped: the storage suite must pass on both backends.
        ASSERT_TRUE(database->available()) << database->unavailableReason();
        database->db().migrate();
        territories = std::make_unique<TerritoryStore>(database->db(), clock, random);
    }

    Database& db() { return database->db(); }

    Assembly assemblyIn(const Building& b) {
        Assembly a;
        a.id = "a-" + random.hex(4);
        a.territoryId = b.territoryId;
        a.buildingId = b.id;
        a.agenda = {core::RuleSet::OssMkd,
                    {{"1", "Председатель", core::Threshold::ParticipantsMajority},
                     {"2", "Капремонт", core::Threshold::AllTwoThirds}}};
        a.title = "ОСС";
        a.opensAt = clock.now() + 1000;
        a.closesAt = clock.now() + 5000;
        a.createdAt = clock.now();
        return a;
    }

    testing::ManualClock clock;
    testing::CountingRandom random;
    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<TerritoryStore> territories;
};

TEST_P(StoreTest, MigratesAnEmptyDatabaseOnceToTheCurrentVersion) {
    EXPECT_EQ(db().schemaVersion(), schema::currentVersion());
    EXPECT_EQ(db().migrate(), schema::currentVersion());  // a second run finds it current
    EXPECT_EQ(db().schemaVersion(), schema::currentVersion());
}

TEST_P(StoreTest, MigratedDatabaseEqualsAFreshOne) {
    TestDatabase old(GetParam());
    {
        Poco::Data::Session s = old.db().session();
        for (const std::string& sql : schema::version1()) {
            s << sql, now;
        }
        s << "CREATE TABLE schema_version (version INTEGER NOT NULL)", now;
        s << "INSERT INTO schema_version (version) VALUES (1)", now;
    }
    EXPECT_EQ(old.db().migrate(), 1);
    EXPECT_EQ(old.db().schemaVersion(), schema::currentVersion());
    const auto migrated = testing::describeSchema(old.db());
    EXPECT_FALSE(migrated.empty());
    EXPECT_EQ(migrated, testing::describeSchema(db()));
}

TEST_P(StoreTest, AKioskEnrolledBeforeKeyHistoryKeepsItsKeyAndHasNoSettings) {
    TestDatabase old(GetParam());
    {
        Poco::Data::Session s = old.db().session();
        std::vector<std::string> version11 = schema::version1();
        for (int v = 1; v < 11; ++v) {
            const auto next = schema::upgrade(v);
            version11.insert(version11.end(), next.begin(), next.end());
        }
        for (const std::string& sql : version11) {
            s << sql, now;
        }
        s << "CREATE TABLE schema_version (version INTEGER NOT NULL)", now;
        s << "INSERT INTO schema_version (version) VALUES (11)", now;
        s << "INSERT INTO territories (id, name, created_at) VALUES ('t-1', 'ТОС', 1)", now;
        s << "INSERT INTO buildings (id, territory_id, address, created_at) "
             "VALUES ('b-1', 't-1', 'д. 1', 1)",
            now;
        s << "INSERT INTO kiosks (id, building_id, public_key, name, enrolled_at) "
             "VALUES ('k-1', 'b-1', 'old-key', 'Подъезд 1', 500)",
            now;
    }
    EXPECT_EQ(old.db().migrate(), 11);
    KioskStore kiosks(old.db());
    const auto keys = kiosks.keys("k-1");
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_EQ(keys[0].publicKey, "old-key");
    EXPECT_EQ(keys[0].validFrom, 500);
    EXPECT_FALSE(keys[0].replacedAt);
    const auto k = kiosks.get("k-1");
    ASSERT_TRUE(k);
    EXPECT_TRUE(k->settings.empty());
    EXPECT_FALSE(k->replacedBy);
}

TEST_P(StoreTest, EnrolsReplacesAndRotatesKeysInWholeTransactions) {
    const Building b = *territories->createBuilding(territories->createTerritory("ТОС").id, "д. 1");
    KioskStore kiosks(db());
    const KioskSettings settings{{"cabinet", "owen-lobby"}, {"modem", "/dev/ttyUSB2"}};
    kiosks.addEnrolmentCode("first", {b.id, settings, ""}, 0, 10'000);
    EXPECT_FALSE(kiosks.usableCode("first", 10'000));  // expired by then
    EXPECT_FALSE(kiosks.usableCode("unknown", 0));
    ASSERT_TRUE(kiosks.usableCode("first", 50));
    EXPECT_EQ(kiosks.usableCode("first", 50)->settings, settings);
    Kiosk k;
    k.id = "k-1";
    k.publicKey = "key-1";
    k.buildingId = "b-ignored";  // the code's building counts
    const Enrolment first = kiosks.enrol("first", k, 100);
    EXPECT_EQ(first.outcome, EnrolOutcome::Enrolled);
    EXPECT_EQ(first.terms.buildingId, b.id);
    EXPECT_EQ(kiosks.get("k-1")->buildingId, b.id);
    EXPECT_EQ(kiosks.get("k-1")->settings, settings);
    EXPECT_FALSE(kiosks.usableCode("first", 200));
    k.id = "k-x";
    EXPECT_EQ(kiosks.enrol("first", k, 200).outcome, EnrolOutcome::UnusableCode);
    EXPECT_FALSE(kiosks.get("k-x"));

    // Two codes replace k-1: the first used wins, the second stores nothing.
    kiosks.addEnrolmentCode("r1", {b.id, settings, "k-1"}, 300, 10'000);
    kiosks.addEnrolmentCode("r2", {b.id, settings, "k-1"}, 300, 10'000);
    k.id = "k-2";
    k.publicKey = "key-2";
    EXPECT_EQ(kiosks.enrol("r1", k, 400).outcome, EnrolOutcome::Enrolled);
    EXPECT_EQ(kiosks.get("k-1")->replacedBy, "k-2");
    EXPECT_EQ(kiosks.get("k-1")->revokedAt, 400);
    k.id = "k-3";
    EXPECT_EQ(kiosks.enrol("r2", k, 500).outcome, EnrolOutcome::AlreadyReplaced);
    EXPECT_FALSE(kiosks.get("k-3"));
    EXPECT_TRUE(kiosks.usableCode("r2", 500));  // rolled back
    EXPECT_EQ(kiosks.get("k-1")->replacedBy, "k-2");

    // A rotation from a key that is no longer current changes nothing.
    EXPECT_TRUE(kiosks.rotateKey("k-2", "key-2", "key-3", 600));
    EXPECT_FALSE(kiosks.rotateKey("k-2", "key-2", "key-4", 700));
    EXPECT_EQ(kiosks.get("k-2")->publicKey, "key-3");
    EXPECT_EQ(kiosks.keysReplacedAfter("k-2", 599), std::vector<std::string>{"key-2"});
    EXPECT_TRUE(kiosks.keysReplacedAfter("k-2", 600).empty());
    const auto keys = kiosks.keys("k-2");
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(keys[0].replacedAt, 600);
    EXPECT_EQ(keys[1].publicKey, "key-3");
    EXPECT_EQ(keys[1].validFrom, 600);
    EXPECT_FALSE(kiosks.rotateKey("k-1", "key-1", "key-5", 800));  // revoked
}

TEST_P(StoreTest, RefusesADatabaseFromANewerVersion) {
    db().session() << "UPDATE schema_version SET version = 999", now;
    EXPECT_THROW(db().migrate(), std::runtime_error);
}

// What the session says of commit durability: "2" (FULL) on SQLite, "on" on PostgreSQL.
std::string commitDurability(Database& db, Poco::Data::Session& s) {
    std::string value;
    if (db.dialect() == Dialect::SQLite) {
        int level = -1;
        s << "PRAGMA synchronous", into(level), now;
        value = std::to_string(level);
    } else {
        s << "SHOW synchronous_commit", into(value), now;
    }
    return value;
}

TEST_P(StoreTest, ARelaxedTransactionLeavesItsSessionFlushingAgain) {
    Poco::Data::Session s = db().session();
    const std::string flushed = commitDurability(db(), s);
    EXPECT_EQ(flushed, db().dialect() == Dialect::SQLite ? "2" : "on");
    {
        WriteTransaction tx(s, db(), Durability::Relaxed);
        EXPECT_EQ(commitDurability(db(), s), db().dialect() == Dialect::SQLite ? "1" : "off");
        tx.commit();
    }
    EXPECT_EQ(commitDurability(db(), s), flushed);
    { WriteTransaction rolledBack(s, db(), Durability::Relaxed); }
    EXPECT_EQ(commitDurability(db(), s), flushed);
}

TEST_P(StoreTest, KeepsTerritoriesAndBuildings) {
    const Territory t = territories->createTerritory("ТОС «Садовый»");
    const auto b = territories->createBuilding(t.id, "ул. Садовая, д. 12");
    ASSERT_TRUE(b);
    EXPECT_EQ(territories->territory(t.id)->name, "ТОС «Садовый»");
    EXPECT_EQ(territories->building(b->id)->address, "ул. Садовая, д. 12");
    EXPECT_EQ(territories->buildings(t.id).size(), 1u);
    EXPECT_EQ(territories->territories().size(), 1u);
    EXPECT_FALSE(territories->createBuilding("t-missing", "нигде"));
    EXPECT_FALSE(territories->building("b-missing"));
}

TEST_P(StoreTest, ImportsARegistryThatReadsBackEqual) {
    const Territory t = territories->createTerritory("ТОС");
    const Building b = *territories->createBuilding(t.id, "д. 1");
    ASSERT_EQ(territories->replaceRegistry(b.id, kRegistry), core::Problems{});
    const core::Registry stored = territories->registry(b.id);
    EXPECT_EQ(stored.premises.size(), 3u);
    EXPECT_EQ(stored.holdings.size(), 4u);  // the couple hold one joint share
    EXPECT_EQ(stored.owners.at(0).name, "Иванова, М. П.");
    core::Problems problems;
    EXPECT_EQ(registryToCsv(stored), registryToCsv(core::readRegistry(kRegistry, problems)));
}

TEST_P(StoreTest, ABadRegistryChangesNothing) {
    const Territory t = territories->createTerritory("ТОС");
    const Building b = *territories->createBuilding(t.id, "д. 1");
    ASSERT_TRUE(territories->replaceRegistry(b.id, kRegistry).empty());
    const auto problems = territories->replaceRegistry(
        b.id, "premises,kind,area,owner_id,owner,share,document,joint\n1,residential,0,x,X,1,,\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(core::describe(problems[0]), "registry.csv:2: area \"0\" must be greater than 0");
    EXPECT_EQ(territories->registry(b.id).premises.size(), 3u);
}

TEST_P(StoreTest, ImportsMembers) {
    const Territory t = territories->createTerritory("ТОС");
    EXPECT_TRUE(territories->replaceMembers(t.id, "member_id,name\nr2,Б\nr1,А\n").empty());
    EXPECT_EQ(territories->replaceMembers(t.id, "member_id,name\nr1,А\nr1,Б\n").size(), 1u);
    const auto members = territories->members(t.id);
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0].id, "r1");
}

TEST_P(StoreTest, KeepsAssembliesAndMovesThemAlongTheSchedule) {
    const Territory t = territories->createTerritory("ТОС");
    const Building b = *territories->createBuilding(t.id, "д. 1");
    AssemblyStore assemblies(db());
    Assembly a = assemblyIn(b);
    a.voters = "member_id,name\nm1,Житель\n";
    assemblies.create(a);
    EXPECT_EQ(assemblies.voters(a.id), a.voters);
    EXPECT_EQ(assemblies.get(a.id)->voters, "");  // large, so left out of reads
    Assembly territoryWide = assemblyIn(b);
    territoryWide.buildingId.reset();
    territoryWide.agenda.rules = core::RuleSet::TosMeeting;
    assemblies.create(territoryWide);

    const auto stored = assemblies.get(a.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->buildingId, b.id);
    EXPECT_EQ(stored->agenda.items.size(), 2u);
    EXPECT_EQ(stored->agenda.items[1].threshold, core::Threshold::AllTwoThirds);
    EXPECT_EQ(stored->status, AssemblyStatus::Scheduled);
    EXPECT_FALSE(assemblies.get(territoryWide.id)->buildingId);
    EXPECT_EQ(assemblies.list().size(), 2u);

    EXPECT_EQ(assemblies.advance(a.opensAt - 1), 0);
    EXPECT_EQ(assemblies.advance(a.opensAt), 2);
    EXPECT_EQ(assemblies.get(a.id)->status, AssemblyStatus::Open);
    EXPECT_EQ(assemblies.advance(a.closesAt), 2);
    EXPECT_EQ(assemblies.get(a.id)->status, AssemblyStatus::Closed);
    EXPECT_EQ(assemblies.advance(a.closesAt + 1), 0);
}

TEST_P(StoreTest, StoresABallotOnceAndTellsARetryFromAConflict) {
    const Territory t = territories->createTerritory("ТОС");
    const Building b = *territories->createBuilding(t.id, "д. 1");
    AssemblyStore assemblies(db());
    const Assembly a = assemblyIn(b);
    assemblies.create(a);
    BallotStore ballots(db());
    Ballot ballot{"k1-0001", a.id, "a",  Channel::Kiosk,
                  1000,      2000, "k1", {{"1", core::Choice::For}, {"2", core::Choice::Against}}};
    EXPECT_EQ(ballots.submit(ballot), SubmitOutcome::Stored);
    ballot.receivedAt = 3000;  // a retry arrives later: still the same ballot
    EXPECT_EQ(ballots.submit(ballot), SubmitOutcome::AlreadyStored);
    Ballot other = ballot;
    other.answers[1].second = core::Choice::For;
    EXPECT_EQ(ballots.submit(other), SubmitOutcome::Conflict);

    const auto stored = ballots.ballots(a.id);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].receivedAt, 2000);
    EXPECT_EQ(stored[0].channel, Channel::Kiosk);
    ASSERT_EQ(stored[0].answers.size(), 2u);
    EXPECT_EQ(stored[0].answers[1],
              (std::pair<std::string, core::Choice>{"2", core::Choice::Against}));
}

TEST_P(StoreTest, ConcurrentRetriesStoreEachBallotOnce) {
    const Territory t = territories->createTerritory("ТОС");
    const Building b = *territories->createBuilding(t.id, "д. 1");
    AssemblyStore(db()).create(assemblyIn(b));
    const std::string assemblyId = AssemblyStore(db()).list().front().id;
    std::vector<Ballot> batch;
    for (int i = 0; i < 100; ++i) {
        batch.push_back({"b" + std::to_string(i),
                         assemblyId,
                         "v" + std::to_string(i),
                         Channel::Kiosk,
                         1000 + i,
                         2000,
                         "k1",
                         {{"1", core::Choice::For}}});
    }
    std::atomic<int> stored{0};
    std::vector<std::thread> senders;
    for (int s = 0; s < 4; ++s) {
        senders.emplace_back([&, s] {
            BallotStore ballots(db());
            for (std::size_t i = 0; i < batch.size(); i += 10) {
                const std::size_t start = (i + static_cast<std::size_t>(s) * 30) % batch.size();
                std::vector<Ballot> part(batch.begin() + static_cast<long>(start),
                                         batch.begin() + static_cast<long>(start + 10));
                for (SubmitOutcome o : ballots.submitAll(part)) {
                    EXPECT_NE(o, SubmitOutcome::Conflict);
                    stored += o == SubmitOutcome::Stored ? 1 : 0;
                }
            }
        });
    }
    for (auto& s : senders) {
        s.join();
    }
    EXPECT_EQ(stored.load(), 100);
    EXPECT_EQ(BallotStore(db()).count(), 100u);
}

TEST_P(StoreTest, APollKeepsEachPhonesEarliestAnswer) {
    const Territory t = territories->createTerritory("ТОС");
    PollStore polls(db());
    const Poll poll{"p1", t.id, std::nullopt, "Площадка?", {"Да", "Нет", "Всё равно"}, 0, 100, 0};
    polls.create(poll);
    EXPECT_EQ(polls.get("p1")->options, poll.options);
    polls.answer("p1", "+79001112233", 1, 50, "e2", "kiosk");
    polls.answer("p1", "+79001112233", 0, 40, "e1", "kiosk");  // earlier: replaces
    polls.answer("p1", "+79001112233", 2, 60, "e3", "ussd");   // later: ignored
    polls.answer("p1", "+79004445566", 2, 40, "e9", "ussd");
    polls.answer("p1", "+79004445566", 1, 40, "e8", "ussd");  // same time, smaller id
    EXPECT_EQ(polls.counts(poll), (std::vector<long>{1, 1, 0}));
}

TEST_P(StoreTest, KeepsReportsAndConsents) {
    const Territory t = territories->createTerritory("ТОС");
    PollStore polls(db());
    const Report r{"r1", t.id, std::nullopt, "housing", "Течёт крыша", "", "kiosk", "new", "",
                   1,    1};
    EXPECT_TRUE(polls.addReport(r));
    EXPECT_FALSE(polls.addReport(r));
    EXPECT_TRUE(polls.updateReport("r1", "answered", "Починили", 5));
    EXPECT_EQ(polls.report("r1")->answer, "Починили");
    EXPECT_EQ(polls.reports("answered").size(), 1u);

    ResidentStore residents(db());
    residents.verifyPhone("+79001112233", 1, "kiosk");
    residents.addConsent({"c1", "+79001112233", "sms", "v1", 2, "kiosk", std::nullopt, ""});
    EXPECT_EQ(residents.withdrawConsents("+79001112233", "sms", 3, "sms"), 1);
    EXPECT_EQ(residents.withdrawConsents("+79001112233", "sms", 4, "sms"), 0);
    const Building b = *territories->createBuilding(t.id, "д. 1");
    residents.verifyPhone("+79004445566", 1, "kiosk");
    residents.addLinkRequest(
        {"l1", "+79001112233", b.id, "1", "confirmed", "a", 1, "kiosk", 1, "registry", ""});
    residents.addLinkRequest(
        {"l2", "+79004445566", b.id, "2", "pending", "", 1, "kiosk", std::nullopt, "", ""});
    EXPECT_EQ(residents.linkedOwners(b.id, {"+79001112233", "+79004445566", "+79990000000"}),
              (std::map<std::string, std::string>{{"+79001112233", "a"}}));
    EXPECT_EQ(residents.linkedOwner("+79001112233", b.id), "a");
    EXPECT_FALSE(residents.linkedOwner("+79004445566", b.id));
    const auto consents = residents.consents("+79001112233");
    ASSERT_EQ(consents.size(), 1u);
    EXPECT_EQ(consents[0].withdrawnAt, 3);
}

TEST_P(StoreTest, ListsNoticesEmergencyFirstWithTheirTargets) {
    const Territory t = territories->createTerritory("ТОС");
    const Building one = *territories->createBuilding(t.id, "д. 1");
    const Building two = *territories->createBuilding(t.id, "д. 2");
    NoticeStore notices(db());
    notices.create({"n1", t.id, {}, NoticeCategory::Board, "Всем", "т", "ТОС", 0, 100, 1, 1});
    notices.create(
        {"n2", t.id, {two.id}, NoticeCategory::Health, "Дому 2", "т", "ТОС", 0, 100, 2, 2});
    notices.create({"n3", t.id, {}, NoticeCategory::Emergency, "Тревога", "т", "ТОС", 0, 50, 0, 0});
    auto ids = [](const std::vector<Notice>& list) {
        std::vector<std::string> out;
        for (const Notice& n : list)
            out.push_back(n.id);
        return out;
    };
    EXPECT_EQ(ids(notices.list(t.id, one.id, 10)), (std::vector<std::string>{"n3", "n1"}));
    EXPECT_EQ(ids(notices.list(t.id, two.id, 60)), (std::vector<std::string>{"n2", "n1"}));
    const auto all = notices.list(t.id, "", std::nullopt);
    EXPECT_EQ(ids(all), (std::vector<std::string>{"n3", "n2", "n1"}));
    EXPECT_EQ(all[1].buildingIds, (std::vector<std::string>{two.id}));
    EXPECT_EQ(notices.get("n2")->category, NoticeCategory::Health);
}

TEST_P(StoreTest, TheSmsOutboxHandsOutUrgentFirstAndNeverASentMessageAgain) {
    using modem::SmsPriority;
    SmsStore sms(db(), random);
    const auto ids = sms.enqueue({{0, "+79001112233", "Собрание 5 мая", SmsPriority::Broadcast, 0},
                                  {0, "+79001112244", "Код: 123456", SmsPriority::Code, 0}},
                                 "notice", 1000);
    ASSERT_EQ(ids.size(), 2u);
    auto claimed = sms.claim(10, 1000);
    ASSERT_EQ(claimed.size(), 2u);
    EXPECT_EQ(claimed[0].text, "Код: 123456");  // codes before broadcasts
    EXPECT_TRUE(sms.claim(10, 1000).empty());   // both are out

    sms.markSent(claimed[0].id, "m1", {7, 8}, 2000);
    sms.release(claimed[1].id, "m1: no network", 5000);
    EXPECT_TRUE(sms.claim(10, 4999).empty());  // not before its retry time
    const auto again = sms.claim(10, 5000);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].id, claimed[1].id);
    EXPECT_EQ(again[0].attempts, 1);
    EXPECT_EQ(sms.get(claimed[1].id)->reason, "m1: no network");

    // A delivery report finds its message by modem, recipient and reference.
    sms.markDelivered("m2", "+79001112244", 8, true, 3000);  // another modem: not ours
    EXPECT_EQ(sms.get(claimed[0].id)->status, "sent");
    sms.markDelivered("m1", "+79001112244", 8, true, 3000);
    EXPECT_EQ(sms.get(claimed[0].id)->status, "delivered");
    EXPECT_EQ(sms.get(claimed[0].id)->deliveredAt, 3000);

    // A process that stopped mid-send leaves `sending`; the next one requeues it.
    EXPECT_EQ(sms.recover(), 1);
    EXPECT_EQ(sms.claim(10, 6000).size(), 1u);
    sms.markFailed(again[0].id, "the network refused it", 7000);
    EXPECT_EQ(sms.recover(), 0);
    EXPECT_TRUE(sms.claim(10, 8000).empty());
    EXPECT_EQ(sms.list("failed", 10).size(), 1u);
    EXPECT_EQ(sms.countByStatus(),
              (std::vector<std::pair<std::string, long>>{{"delivered", 1}, {"failed", 1}}));
}

TEST_P(StoreTest, KioskHealthEndsInTheLatestEventsStateWhicheverArrivesFirst) {
    const Territory t = territories->createTerritory("ТОС");
    const Building b = *territories->createBuilding(t.id, "д. 1");
    KioskStore kiosks(db());
    kiosks.addEnrolmentCode("hash", {b.id, {}, ""}, 0, 10'000);
    Kiosk k;
    k.id = "k-1";
    k.publicKey = "key";
    k.name = "Подъезд 1";
    ASSERT_EQ(kiosks.enrol("hash", k, 100).terms.buildingId, b.id);
    auto event = [](const std::string& id, const std::string& type, Millis at, Millis received) {
        return KioskEvent{"k-1-" + id, "k-1",        type,        at, R"({"n":")" + id + R"("})",
                          received,    std::nullopt, std::nullopt};
    };
    KioskEvent newer = event("t2", "telemetry", 2000, 5000);
    newer.telemetry = KioskReadings{40.25, false, std::nullopt, true, -1, 2};
    KioskEvent older = event("t1", "telemetry", 1000, 6000);
    older.telemetry = KioskReadings{-5.0, true, 50.5, false, 70, 0};
    KioskEvent cleared = event("a2", "alarm", 3000, 7000);
    cleared.alarm = {"door_open", "", "cleared", ""};
    KioskEvent raised = event("a1", "alarm", 2500, 8000);
    raised.alarm = {"door_open", "", "raised", "открыта"};
    KioskEvent tamper = event("a3", "alarm", 2600, 8000);
    tamper.alarm = {"tamper", "io", "raised", "корпус"};
    KioskEvent again = event("a4", "alarm", 2700, 8000);  // still raised: since 2600
    again.alarm = {"tamper", "io", "raised", "корпус снова"};
    for (const KioskEvent& e : {newer, older, cleared, raised, tamper, again}) {
        EXPECT_EQ(kiosks.addEvent(e), EventOutcome::Stored) << e.id;
    }
    EXPECT_EQ(kiosks.addEvent(tamper), EventOutcome::AlreadyStored);
    KioskEvent changed = tamper;
    changed.payload = "{}";
    changed.at = 9000;
    changed.receivedAt = 9999;
    changed.alarm->state = "cleared";
    EXPECT_EQ(kiosks.addEvent(changed), EventOutcome::Conflict);  // and changes nothing
    kiosks.noteReceived("k-1", 2900, 9000);

    const auto all = kiosks.health({});
    ASSERT_EQ(all.size(), 1u);
    const KioskHealth& h = all[0];
    EXPECT_EQ(h.kiosk.name, "Подъезд 1");
    EXPECT_EQ(h.address, "д. 1");
    EXPECT_EQ(h.telemetryAt, 2000);
    EXPECT_EQ(h.telemetry, newer.payload);
    EXPECT_EQ(h.readings, *newer.telemetry);  // exact numbers, unknowns unknown
    EXPECT_EQ(h.lastEventAt, 2900);
    EXPECT_EQ(h.lastReceivedAt, 9000);
    ASSERT_EQ(h.openAlarms.size(), 1u);
    EXPECT_EQ(h.openAlarms[0].alarm, "tamper");
    EXPECT_EQ(h.openAlarms[0].subject, "io");
    EXPECT_EQ(h.openAlarms[0].raisedAt, 2600);
    EXPECT_EQ(h.openAlarms[0].detail, "корпус снова");

    const auto history = kiosks.alarmHistory("k-1", 2);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].eventId, "k-1-a2");
    EXPECT_EQ(history[1].change, again.alarm);
    EXPECT_EQ(kiosks.health({"k-1", b.id}).size(), 1u);
    EXPECT_TRUE(kiosks.health({"", "b-other"}).empty());
    EXPECT_TRUE(kiosks.health({"k-2", ""}).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto& param) { return testing::nameOf(param.param); });

}  // namespace
}  // namespace veche::hub

namespace veche::hub {
namespace {

TEST_P(StoreTest, UssdSessionsKeepTheirStateAndRefuseAStaleVersion) {
    UssdSessionStore sessions(db());
    ussd::SessionState s;
    s.id = "ATUid_1";
    s.msisdn = "+79161234567";
    s.startedAt = 1000;
    s.lastStepAt = 2000;
    s.inputsSeen = 3;
    s.stack = {{"main", 0, -1}, {"question", 1, 2}};
    s.vars = {{"assembly", "a-1"}, {"answers", "12"}};
    s.lastScreen = "CON Вопрос 2 из 3\n1 За 2 Против 3 Возд.";
    EXPECT_FALSE(sessions.load("ATUid_1"));
    ASSERT_TRUE(sessions.save(s, 0));
    EXPECT_FALSE(sessions.save(s, 0));  // another instance created it first
    auto loaded = sessions.load("ATUid_1");
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->version, 1);
    s.version = 1;
    EXPECT_EQ(*loaded, s);
    s.inputsSeen = 4;
    s.lastStepAt = 3000;
    ASSERT_TRUE(sessions.save(s, 1));
    EXPECT_FALSE(sessions.save(s, 1));  // stale: version 2 is stored
    EXPECT_EQ(sessions.load("ATUid_1")->inputsSeen, 4);
    EXPECT_EQ(sessions.forgetBefore(3000), 0);
    EXPECT_EQ(sessions.forgetBefore(3001), 1);
    EXPECT_FALSE(sessions.load("ATUid_1"));
}

}  // namespace
}  // namespace veche::hub
