// Staff enter returned paper ballots from a kiosk's staff screen, against a
// real hub over HTTP: the kiosk is one entrant of the double entry, and the
// hub takes only ballots of the kiosk's own building.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include <cctype>

#include "../hub/hub_fixture.h"
#include "kiosk_test_support.h"
#include "sample_hub.h"
#include "veche/hub/paper/paper_ballots.h"
#include "veche/kiosk/enrolment.h"
#include "veche/kiosk/paper_entry.h"

namespace veche::kiosk {
namespace {

using core::Choice;
using hub::Role;

constexpr Millis kHour = 3'600'000;

class KioskPaperEntryTest : public ::testing::Test {
protected:
    void SetUp() override {
        sample = testing::seedSampleBuilding(hub);
        identity = enrol(store, address, testing::enrolmentCode(hub, sample.building), "Холл");
        link = std::make_unique<SignedHubLink>(provisioning::HubClient(
            address, identity.kioskId, *signing::KeyPair::fromPrivateKey(identity.privateKey),
            [this] { return hub.clock.now(); }, [this] { return "nonce-" + hub.random.hex(8); }));
        entry = std::make_unique<HubPaperEntry>(*link);
    }

    hub::paper::BallotCode codeOf(const std::string& assembly, const std::string& voter) {
        for (const auto& b :
             hub::paper::PaperBallotService(*hub.hub, hub.database->db()).ballots(assembly)) {
            if (b.voterId == voter) {
                return b.code;
            }
        }
        throw std::runtime_error("no ballot for " + voter);
    }
    std::string qrOf(const std::string& voter) {
        return hub::paper::qrTextOf(codeOf(sample.assembly, voter));
    }
    std::string typedOf(const std::string& voter) {
        return hub::paper::typedFormOf(codeOf(sample.assembly, voter));
    }

    // The same answers entered by an operator, as the double entry's other half.
    hub::testing::HttpReply operatorEnters(const std::string& code, const std::string& one,
                                           const std::string& two, Millis receivedAt) {
        return hub.client(Role::Operator)
            .post("/api/v1/assemblies/" + sample.assembly + "/paper-ballots/entries",
                  R"({"code": ")" + code + R"(", "received_at": ")" + iso(receivedAt) +
                      R"(", "answers": {"1": ")" + one + R"(", "2": ")" + two + R"("}})");
    }
    static std::string iso(Millis t) {
        return Poco::DateTimeFormatter::format(Poco::Timestamp(t * 1000),
                                               Poco::DateTimeFormat::ISO8601_FORMAT);
    }
    std::size_t countedBallots() { return hub.hub->results(sample.assembly).binding.ballots; }

    hub::testing::HubFixture hub;
    testing::TempDir dir;
    provisioning::HubAddress address{"127.0.0.1", hub.server->port()};
    KioskStore store{dir.file("kiosk.sqlite")};
    testing::SampleBuilding sample;
    KioskIdentity identity;
    std::unique_ptr<SignedHubLink> link;
    std::unique_ptr<HubPaperEntry> entry;
};

TEST_F(KioskPaperEntryTest, AScannedBallotShowsItsOwnerAndCountsOnceAnOperatorEntryAgrees) {
    const auto found = entry->lookUp(qrOf("a") + "\n");  // as a scanner types it
    ASSERT_TRUE(found.found) << found.message;
    EXPECT_EQ(found.ballot.assemblyTitle, "Годовое собрание");
    EXPECT_EQ(found.ballot.voterNames, std::vector<std::string>{"Анна"});
    EXPECT_EQ(found.ballot.premises,
              std::vector<std::string>{"помещение 1, доля 1, голосов: 60,00"});
    ASSERT_EQ(found.ballot.items.size(), 2u);
    EXPECT_EQ(found.ballot.items[1].title, "Утвердить смету");
    EXPECT_EQ(found.ballot.closesAt, hub.hub->assembly(sample.assembly).closesAt);
    EXPECT_EQ(found.ballot.status, "not_entered");
    EXPECT_EQ(found.message, "Бюллетень ещё не вводили.");

    const Millis received = hub.clock.now() - 2 * kHour;
    const auto first = entry->enter(found.ballot.code, {{"1", Choice::For}, {"2", Choice::Invalid}},
                                    received, false);
    ASSERT_TRUE(first.recorded) << first.message;
    EXPECT_EQ(first.status, "awaiting_second_entry");
    EXPECT_EQ(countedBallots(), 0u);

    const auto second = operatorEnters(typedOf("a"), "for", "invalid", received);
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(countedBallots(), 1u);
    std::string capsLock = qrOf("a");
    for (char& c : capsLock) {
        c = static_cast<char>(std::isupper(static_cast<unsigned char>(c)) != 0
                                  ? std::tolower(static_cast<unsigned char>(c))
                                  : std::toupper(static_cast<unsigned char>(c)));
    }
    const auto again = entry->lookUp(capsLock);  // scanned with Caps Lock on
    EXPECT_EQ(again.ballot.status, "counted");
    EXPECT_EQ(again.ballot.entries, 2);
    EXPECT_EQ(again.message, "Два ввода совпали: бюллетень учтён.");

    const auto late =
        entry->enter(typedOf("a"), {{"1", Choice::Against}, {"2", Choice::For}}, received, true);
    EXPECT_FALSE(late.recorded);
    EXPECT_EQ(late.message, "Два ввода этого бюллетеня уже совпали, больше его вводить не нужно.");
    EXPECT_FALSE(entry->enter(typedOf("b"), {{"1", Choice::For}, {"2", Choice::For}}, received,
                              true)
                     .recorded);  // a second pass needs the kiosk's own first entry
}

TEST_F(KioskPaperEntryTest, ATypedCodeFindsTheBallotAndTheKiosksSecondPassConfirmsIt) {
    const Millis received = hub.clock.now() - kHour;
    const PaperAnswers answers{{"1", Choice::Against}, {"2", Choice::Abstain}};
    ASSERT_TRUE(entry->enter(typedOf("b"), answers, received, false).recorded);
    const auto repeat = entry->enter(typedOf("b"), answers, received, false);
    EXPECT_TRUE(repeat.recorded);  // the same entry again stores nothing
    EXPECT_EQ(repeat.message.rfind("Этот ввод уже был записан раньше.", 0), 0u);
    EXPECT_EQ(countedBallots(), 0u);

    const auto differing =
        entry->enter(typedOf("b"), {{"1", Choice::For}, {"2", Choice::Abstain}}, received, false);
    EXPECT_FALSE(differing.recorded);
    EXPECT_EQ(differing.message.rfind("Этот терминал уже вводил бюллетень", 0), 0u);

    const auto confirmed = entry->enter(typedOf("b"), answers, received, true);
    ASSERT_TRUE(confirmed.recorded) << confirmed.message;
    EXPECT_EQ(confirmed.status, "counted");
    EXPECT_EQ(countedBallots(), 1u);
}

TEST_F(KioskPaperEntryTest, EntriesThatDisagreeAreLeftToTheHub) {
    const Millis received = hub.clock.now() - kHour;
    ASSERT_TRUE(
        entry->enter(typedOf("b"), {{"1", Choice::For}, {"2", Choice::For}}, received, false)
            .recorded);
    ASSERT_EQ(operatorEnters(typedOf("b"), "against", "for", received).status, 201);
    EXPECT_EQ(entry->lookUp(typedOf("b")).message,
              "Вводы бюллетеня не совпадают: его решает оператор на сервере, расхождения видны "
              "ему рядом.");
    const auto refused =
        entry->enter(typedOf("b"), {{"1", Choice::For}, {"2", Choice::For}}, received, true);
    EXPECT_FALSE(refused.recorded);
    EXPECT_EQ(refused.message,
              "Вводы этого бюллетеня не совпадают: его решает оператор на "
              "сервере. Отложите бланк для оператора.");
    EXPECT_EQ(countedBallots(), 0u);
    EXPECT_EQ(hub::paper::PaperBallotStore(hub.database->db()).entries(sample.assembly).size(), 2u);
}

TEST_F(KioskPaperEntryTest, RefusalsAreExplainedInRussianAndStoreNothing) {
    hub::paper::BallotCode forged = codeOf(sample.assembly, "a");
    forged.check = codeOf(sample.assembly, "b").check;  // well formed, of another ballot
    EXPECT_EQ(entry->lookUp(hub::paper::qrTextOf(forged)).message,
              "Контрольный код не подходит к этому бюллетеню. Проверьте его; если он набран "
              "верно, отложите бюллетень для оператора.");
    EXPECT_EQ(entry->lookUp("привет").message,
              "Это не код бюллетеня. Отсканируйте QR-код или введите 14 знаков под ним: номер "
              "бюллетеня и контрольный код.");

    // A meeting of another building: its QR text, and its id typed here.
    const std::string elsewhere =
        hub.hub->territories().createBuilding(sample.territory, "ул. Садовая, 14")->id;
    hub.hub->territories().replaceRegistry(
        elsewhere,
        "premises,kind,area,owner_id,owner,share,document,joint\n"
        "1,residential,50,x,Ксения,1,,\n");
    hub::Assembly other = hub.hub->assembly(sample.assembly);
    other.id.clear();
    other.buildingId = elsewhere;
    const std::string otherId =
        hub.hub->createAssembly(other, hub.clock.now() - kHour * 24 * 20).id;
    const auto code = codeOf(otherId, "x");
    EXPECT_EQ(entry->lookUp(hub::paper::qrTextOf(code)).message,
              "Это бюллетень собрания другого дома: здесь вводятся только бюллетени собраний "
              "этого дома.");
    EXPECT_EQ(entry->lookUp(hub::paper::typedFormOf(code)).message,
              "Такого бюллетеня нет в собраниях этого дома.");
    EXPECT_FALSE(entry
                     ->enter(hub::paper::qrTextOf(code), {{"1", Choice::For}, {"2", Choice::For}},
                             hub.clock.now(), false)
                     .recorded);

    const auto future = entry->enter(typedOf("a"), {{"1", Choice::For}, {"2", Choice::For}},
                                     hub.clock.now() + 24 * kHour, false);
    EXPECT_EQ(future.message,
              "Дата получения раньше начала голосования или ещё не наступила: проверьте её.");
    EXPECT_EQ(hub::paper::PaperBallotStore(hub.database->db()).entries(otherId).size(), 0u);
    EXPECT_EQ(hub::paper::PaperBallotStore(hub.database->db()).entries(sample.assembly).size(), 0u);
}

TEST_F(KioskPaperEntryTest, WithoutTheHubNothingIsEntered) {
    SignedHubLink nowhere(provisioning::HubClient(
        {"127.0.0.1", 1}, identity.kioskId, *signing::KeyPair::fromPrivateKey(identity.privateKey),
        [this] { return hub.clock.now(); }, [] { return std::string("n"); }));
    HubPaperEntry offline(nowhere);
    const auto lookup = offline.lookUp(qrOf("a"));
    EXPECT_FALSE(lookup.found);
    EXPECT_EQ(lookup.message,
              "Нет связи с сервером. Бюллетени вводятся только при связи с ним: повторите позже.");
    EXPECT_FALSE(
        offline.enter(qrOf("a"), {{"1", Choice::For}, {"2", Choice::For}}, hub.clock.now(), false)
            .recorded);
}

TEST_F(KioskPaperEntryTest, ARevokedKioskCannotEnterBallots) {
    ASSERT_EQ(hub.client(Role::Operator)
                  .post("/api/v1/kiosks/" + identity.kioskId + "/revoke", "")
                  .status,
              200);
    const auto refused = entry->lookUp(qrOf("a"));
    EXPECT_FALSE(refused.found);
    EXPECT_EQ(refused.message.rfind("Сервер не принимает этот терминал", 0), 0u);
}

}  // namespace
}  // namespace veche::kiosk
