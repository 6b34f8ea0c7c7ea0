// Paper ballot double entry over real HTTP, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <vector>

#include "paper_ballot_test_support.h"

namespace veche::hub {
namespace {

using testing::Backend;
using testing::jsonOf;

std::string errorField(const testing::HttpReply& reply, const std::string& key) {
    return jsonOf(reply)->getObject("error")->getValue<std::string>(key);
}

// `text` as a keyboard-wedge scanner types it with the Russian ЙЦУКЕН layout
// active: the character on the same key (enough for QR texts).
std::string underRussianLayout(const std::string& text) {
    const std::string us = "qwertyuiopasdfghjklzxcvbnm:/?&";
    const std::vector<std::string> ru = {"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з",
                                         "ф", "ы", "в", "а", "п", "р", "о", "л", "д", "я",
                                         "ч", "с", "м", "и", "т", "ь", "Ж", ".", ",", "?"};
    const std::vector<std::string> upper = {"Й", "Ц", "У", "К", "Е", "Н", "Г", "Ш", "Щ",
                                            "З", "Ф", "Ы", "В", "А", "П", "Р", "О", "Л",
                                            "Д", "Я", "Ч", "С", "М", "И", "Т", "Ь"};
    std::string out;
    for (char c : text) {
        const auto lower = us.find(static_cast<char>(std::tolower(c)));
        if (std::isupper(static_cast<unsigned char>(c)) != 0) {
            out += upper.at(lower);
        } else {
            out += lower == std::string::npos ? std::string(1, c) : ru.at(lower);
        }
    }
    return out;
}

// `text` with Caps Lock on: every letter in the other case.
std::string withCapsLock(std::string text) {
    for (char& c : text) {
        const auto u = static_cast<unsigned char>(c);
        c = static_cast<char>(std::isupper(u) != 0 ? std::tolower(u) : std::toupper(u));
    }
    return text;
}

class PaperEntryTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        const char* postgres = std::getenv("VECHE_TEST_POSTGRES");
        ASSERT_TRUE(GetParam() == Backend::SQLite || (postgres != nullptr && *postgres != '\0'))
            << "VECHE_TEST_POSTGRES is not set: run eval \"$(tools/test-postgres.sh)\" first";
        meeting = std::make_unique<testing::PaperMeeting>(GetParam());
    }

    std::string qrOf(const std::string& voter) {
        return paper::qrTextOf(meeting->ballotOf(voter).code);
    }
    std::string typedOf(const std::string& voter) {
        return paper::typedFormOf(meeting->ballotOf(voter).code);
    }
    int entriesStored() {
        return static_cast<int>(paper::PaperBallotStore(meeting->hub.database->db())
                                    .entries(meeting->assemblyId)
                                    .size());
    }

    std::unique_ptr<testing::PaperMeeting> meeting;
};

TEST_P(PaperEntryTest, LookupShowsTheOwnerPremisesVotesAndItems) {
    for (const std::string& code : {qrOf("a"), typedOf("a")}) {
        const auto r = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                            R"({"code": ")" + code + R"("})");
        ASSERT_EQ(r.status, 200) << r.body;
        const auto o = jsonOf(r);
        EXPECT_EQ(o->getValue<std::string>("voter_id"), "a");
        EXPECT_EQ(o->getArray("voter_names")->getElement<std::string>(0),
                  "Антонова Анна Андреевна");
        EXPECT_EQ(o->getArray("premises")->size(), 2u);
        EXPECT_EQ(o->getValue<std::string>("votes"), "90.00");
        EXPECT_EQ(o->getArray("items")->size(), 2u);
        EXPECT_EQ(o->getValue<std::string>("status"), "not_entered");
    }
    // The joint holding of h and w is one ballot.
    const auto joint = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                            R"({"code": ")" + qrOf("h") + R"("})");
    ASSERT_EQ(joint.status, 200) << joint.body;
    EXPECT_EQ(jsonOf(joint)->getArray("voter_names")->size(), 2u);
    EXPECT_THROW(meeting->ballotOf("w"), std::runtime_error);
}

TEST_P(PaperEntryTest, AChangedCheckValueOrIdIsRefusedNamingThePart) {
    const paper::BallotCode code = meeting->ballotOf("b").code;
    paper::BallotCode forged = code;
    // Another well-formed check value: the Luhn symbol is right, the MAC is not.
    for (char c : std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ")) {
        std::string body = code.check.substr(0, 5);
        body[0] = c;
        for (char last : std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ")) {
            if (paper::luhnValid(body + last) && body + last != code.check) {
                forged.check = body + last;
            }
        }
    }
    const auto r = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                        R"({"code": ")" + paper::qrTextOf(forged) + R"("})");
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(errorField(r, "field"), "check");

    std::string typo = paper::typedFormOf(code);
    typo[1] = typo[1] == 'Z' ? 'Y' : 'Z';
    const auto t = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                        R"({"code": ")" + typo + R"("})");
    EXPECT_EQ(t.status, 400) << t.body;
    EXPECT_EQ(errorField(t, "field"), "ballot_id");

    const std::string other = paper::ballotIdOf(meeting->assemblyId, "nobody");
    const auto unknown = meeting->staff1.post(
        meeting->path("/paper-ballots/lookup"),
        R"({"code": ")" + paper::printedId(other) + "-" + code.check + R"("})");
    EXPECT_EQ(unknown.status, 404) << unknown.body;
    EXPECT_EQ(errorField(unknown, "field"), "ballot_id");

    std::string elsewhere = paper::qrTextOf(code);
    elsewhere.replace(elsewhere.find(meeting->assemblyId), meeting->assemblyId.size(), "a-other");
    const auto moved = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                            R"({"code": ")" + elsewhere + R"("})");
    EXPECT_EQ(moved.status, 400);
    EXPECT_EQ(errorField(moved, "field"), "assembly");
}

TEST_P(PaperEntryTest, AScannerTypingUnderTheRussianLayoutOrCapsLockIsUnderstood) {
    const std::string qr = qrOf("b");
    const std::string russian = underRussianLayout(qr);
    ASSERT_EQ(russian.find("veche"), std::string::npos) << russian;
    for (const std::string& code : {russian, withCapsLock(qr)}) {
        const auto r = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                            R"({"code": ")" + code + R"("})");
        ASSERT_EQ(r.status, 200) << code << "\n" << r.body;
        EXPECT_EQ(jsonOf(r)->getValue<std::string>("voter_id"), "b");
    }
    const auto entered = meeting->enter(meeting->staff1, russian, "for", "abstain");
    ASSERT_EQ(entered.status, 201) << entered.body;
    const auto second = meeting->enter(meeting->staff2, withCapsLock(qr), "for", "abstain");
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(jsonOf(second)->getValue<std::string>("status"), "counted");

    // The QR text of another assembly stays refused in any case.
    std::string elsewhere = qr;
    elsewhere.replace(elsewhere.find(meeting->assemblyId), meeting->assemblyId.size(),
                      "a-0123456789abcdef");
    for (const std::string& code : {withCapsLock(elsewhere), underRussianLayout(elsewhere)}) {
        const auto moved = meeting->staff1.post(meeting->path("/paper-ballots/lookup"),
                                                R"({"code": ")" + code + R"("})");
        EXPECT_EQ(moved.status, 400) << moved.body;
        EXPECT_EQ(errorField(moved, "field"), "assembly");
    }
}

TEST_P(PaperEntryTest, TwoMatchingEntriesByTwoTokensCountTheBallotOnce) {
    const std::string code = qrOf("a");
    const auto first = meeting->enter(meeting->staff1, code, "for", "against");
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(jsonOf(first)->getValue<std::string>("status"), "awaiting_second_entry");
    EXPECT_EQ(meeting->countedBallots(), 0);
    // The second entrant sees that the paper was entered, not what it says.
    const auto looked = meeting->staff2.post(meeting->path("/paper-ballots/lookup"),
                                             R"({"code": ")" + code + R"("})");
    ASSERT_EQ(looked.status, 200) << looked.body;
    const auto seen = jsonOf(looked)->getArray("entries")->getObject(0);
    EXPECT_FALSE(seen->has("answers"));
    EXPECT_FALSE(seen->has("received_at"));

    const auto second = meeting->enter(meeting->staff2, typedOf("a"), "for", "against");
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(jsonOf(second)->getValue<std::string>("status"), "counted");
    EXPECT_EQ(meeting->countedBallots(), 1);
    EXPECT_EQ(meeting->votesFor(0), "90.00");

    // Replays of either entry store nothing and count nothing twice.
    const auto replay = meeting->enter(meeting->staff2, code, "for", "against");
    EXPECT_EQ(replay.status, 200) << replay.body;
    EXPECT_FALSE(jsonOf(replay)->getValue<bool>("stored"));
    EXPECT_EQ(meeting->enter(meeting->staff1, code, "for", "against").status, 200);
    EXPECT_EQ(meeting->countedBallots(), 1);
    EXPECT_EQ(meeting->votesFor(0), "90.00");
    EXPECT_EQ(entriesStored(), 2);

    // A third, different entry after agreement is refused; nothing changes.
    const auto late = meeting->enter(meeting->staff3, code, "against", "against");
    EXPECT_EQ(late.status, 409) << late.body;
    EXPECT_EQ(entriesStored(), 2);
    EXPECT_EQ(meeting->votesFor(0), "90.00");
}

TEST_P(PaperEntryTest, TheProtocolWaitsUntilEveryEnteredBallotIsSettled) {
    ASSERT_EQ(meeting->enter(meeting->staff1, qrOf("a"), "for", "against").status, 201);
    meeting->hub.clock.set(meeting->hub.start + 26LL * 24 * 3600 * 1000);  // voting is over
    const std::string details =
        R"({"chair": "Антонова А. А.", "secretary": "Борисов Б. Б.", "storage": "кв. 1"})";
    const auto early = meeting->operatorClient.post(meeting->path("/protocol"), details);
    EXPECT_EQ(early.status, 409) << early.body;
    EXPECT_EQ(jsonOf(early)->getObject("error")->getValue<std::string>("code"),
              "paper_ballots_pending");

    // Handed in on day 11.5, entered again after the close: counted as cast then.
    ASSERT_EQ(meeting->enter(meeting->staff2, qrOf("a"), "for", "against").status, 201);
    EXPECT_EQ(meeting->countedBallots(), 1);
    const auto done = meeting->operatorClient.post(meeting->path("/protocol"), details);
    EXPECT_EQ(done.status, 200) << done.body.substr(0, 300);
}

TEST_P(PaperEntryTest, TheSameTokenCountsOnlyWithAMarkedSecondPass) {
    const std::string code = qrOf("d");
    ASSERT_EQ(meeting->enter(meeting->staff1, code, "abstain", "invalid").status, 201);
    const auto unmarked = meeting->enter(meeting->staff1, code, "abstain", "for");
    EXPECT_EQ(unmarked.status, 409) << unmarked.body;
    const auto passTwo = meeting->enter(meeting->staff1, code, "abstain", "invalid", 11.5, true);
    ASSERT_EQ(passTwo.status, 201) << passTwo.body;
    EXPECT_EQ(jsonOf(passTwo)->getValue<std::string>("status"), "counted");
    EXPECT_EQ(meeting->countedBallots(), 1);

    const auto noFirst = meeting->enter(meeting->staff2, qrOf("b"), "for", "for", 11.5, true);
    EXPECT_EQ(noFirst.status, 400);
    EXPECT_EQ(errorField(noFirst, "field"), "second_pass");
}

TEST_P(PaperEntryTest, AMismatchIsListedSideBySideAndCountsOnlyWhenResolved) {
    const std::string code = qrOf("h");
    ASSERT_EQ(meeting->enter(meeting->staff1, code, "for", "for").status, 201);
    const auto second = meeting->enter(meeting->staff2, code, "for", "against");
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(jsonOf(second)->getValue<std::string>("status"), "mismatch");
    EXPECT_EQ(meeting->countedBallots(), 0);

    const auto list = meeting->staff1.get(meeting->path("/paper-ballots/mismatches"));
    ASSERT_EQ(list.status, 200) << list.body;
    const auto all = Poco::JSON::Parser().parse(list.body).extract<Poco::JSON::Array::Ptr>();
    ASSERT_EQ(all->size(), 1u);
    const auto ballot = all->getObject(0);
    EXPECT_EQ(ballot->getValue<std::string>("voter_id"), "h");
    EXPECT_EQ(ballot->getArray("entries")->size(), 2u);
    const auto rows = ballot->getArray("side_by_side");
    ASSERT_EQ(rows->size(), 3u);  // received_at, item 1, item 2
    EXPECT_FALSE(rows->getObject(1)->getValue<bool>("differ"));
    const auto item2 = rows->getObject(2);
    EXPECT_EQ(item2->getValue<std::string>("field"), "answers.2");
    EXPECT_TRUE(item2->getValue<bool>("differ"));
    EXPECT_EQ(item2->getArray("values")->getElement<std::string>(0), "for");
    EXPECT_EQ(item2->getArray("values")->getElement<std::string>(1), "against");

    const auto third = meeting->enter(meeting->staff3, code, "for", "against");
    ASSERT_EQ(third.status, 201) << third.body;
    EXPECT_EQ(jsonOf(third)->getValue<std::string>("status"), "counted");
    EXPECT_EQ(meeting->countedBallots(), 1);
    EXPECT_EQ(meeting->votesFor(0), "50.00");
    const auto after = meeting->staff1.get(meeting->path("/paper-ballots/mismatches"));
    EXPECT_EQ(after.body.find("\"voter_id\""), std::string::npos) << after.body;
    EXPECT_EQ(entriesStored(), 3);
}

// A and B disagree: neither's own second pass may settle it on one person's
// word; it is refused, nothing is stored, and a third token decides.
TEST_P(PaperEntryTest, ASecondPassAfterAnotherTokensEntryCannotSettleAMismatch) {
    const std::string code = qrOf("c");
    ASSERT_EQ(meeting->enter(meeting->staff1, code, "for", "for").status, 201);
    ASSERT_EQ(meeting->enter(meeting->staff2, code, "against", "for").status, 201);
    for (auto* token : {&meeting->staff1, &meeting->staff2}) {
        const auto pass = meeting->enter(*token, code, "for", "for", 11.5, true);
        EXPECT_EQ(pass.status, 409) << pass.body;
        EXPECT_EQ(errorField(pass, "field"), "second_pass");
        EXPECT_EQ(errorField(pass, "code"), "second_pass_not_independent");
    }
    EXPECT_EQ(entriesStored(), 2);
    EXPECT_EQ(meeting->countedBallots(), 0);

    const auto third = meeting->enter(meeting->staff3, code, "for", "for");
    ASSERT_EQ(third.status, 201) << third.body;
    EXPECT_EQ(jsonOf(third)->getValue<std::string>("status"), "counted");
    EXPECT_EQ(meeting->countedBallots(), 1);
    EXPECT_EQ(meeting->votesFor(0), "20.00");
}

// Entries stored before the rule (a second pass after another token's) are
// kept and shown, but do not count.
TEST_P(PaperEntryTest, AStoredDependentSecondPassDoesNotCount) {
    const std::string code = qrOf("c");
    ASSERT_EQ(meeting->enter(meeting->staff1, code, "for", "for").status, 201);
    ASSERT_EQ(meeting->enter(meeting->staff2, code, "against", "for").status, 201);
    paper::PaperEntry pass =
        paper::PaperBallotStore(meeting->hub.database->db()).entries(meeting->assemblyId).front();
    pass.seq = 3;
    pass.secondPass = true;
    ASSERT_TRUE(
        paper::PaperBallotStore(meeting->hub.database->db()).add(meeting->assemblyId, "c", pass));
    const auto looked = meeting->staff3.post(meeting->path("/paper-ballots/lookup"),
                                             R"({"code": ")" + code + R"("})");
    ASSERT_EQ(looked.status, 200) << looked.body;
    EXPECT_EQ(jsonOf(looked)->getValue<std::string>("status"), "mismatch");
    EXPECT_EQ(jsonOf(looked)->getArray("entries")->size(), 3u);
    EXPECT_EQ(meeting->countedBallots(), 0);
}

TEST_P(PaperEntryTest, ALateBallotIsRecordedAndNotCounted) {
    meeting->hub.clock.set(meeting->hub.start + 26LL * 24 * 3600 * 1000);
    const std::string code = qrOf("c");
    const auto first = meeting->enter(meeting->staff1, code, "for", "for", 25.5);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_TRUE(jsonOf(first)->getValue<bool>("late"));
    const auto second = meeting->enter(meeting->staff2, code, "for", "for", 25.5);
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(jsonOf(second)->getValue<std::string>("status"), "late");
    EXPECT_NE(jsonOf(second)->getValue<std::string>("message").find("not counted"),
              std::string::npos);
    EXPECT_EQ(meeting->countedBallots(), 0);
    EXPECT_EQ(entriesStored(), 2);
}

TEST_P(PaperEntryTest, BadInputIsRefusedWithTheFieldNamedAndNothingChanges) {
    const std::string code = qrOf("a");
    const std::string entries = meeting->path("/paper-ballots/entries");
    struct Case {
        std::string body, field;
    };
    const std::string at = meeting->hub.dayOffset(11.5);
    const std::vector<Case> cases = {
        {R"({"received_at": ")" + at + R"(", "answers": {"1": "for", "2": "for"}})", "code"},
        {R"({"code": "nonsense", "received_at": ")" + at +
             R"(", "answers": {"1": "for", "2": "for"}})",
         "code"},
        {R"({"code": ")" + code + R"(", "answers": {"1": "for", "2": "for"}})", "received_at"},
        {R"({"code": ")" + code +
             R"(", "received_at": "yesterday", "answers": {"1": "for", "2": "for"}})",
         "received_at"},
        {R"({"code": ")" + code + R"(", "received_at": ")" + meeting->hub.dayOffset(30) +
             R"(", "answers": {"1": "for", "2": "for"}})",
         "received_at"},
        {R"({"code": ")" + code + R"(", "received_at": ")" + meeting->hub.dayOffset(5) +
             R"(", "answers": {"1": "for", "2": "for"}})",
         "received_at"},
        {R"({"code": ")" + code + R"(", "received_at": ")" + at + R"(", "answers": {"1": "for"}})",
         "answers.2"},
        {R"({"code": ")" + code + R"(", "received_at": ")" + at +
             R"(", "answers": {"1": "for", "2": "maybe"}})",
         "answers.2"},
        {R"({"code": ")" + code + R"(", "received_at": ")" + at +
             R"(", "answers": {"1": "for", "2": "for", "9": "for"}})",
         "answers.9"},
        {R"({"code": ")" + code + R"(", "received_at": ")" + at + R"("})", "answers"},
    };
    for (const Case& c : cases) {
        const auto r = meeting->staff1.post(entries, c.body);
        EXPECT_EQ(r.status, 400) << c.body << "\n" << r.body;
        EXPECT_EQ(errorField(r, "field"), c.field) << c.body << "\n" << r.body;
        EXPECT_FALSE(errorField(r, "message").empty());
    }
    EXPECT_EQ(meeting->auditor.post(entries, cases.back().body).status, 403);
    EXPECT_EQ(entriesStored(), 0);
    EXPECT_EQ(meeting->countedBallots(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PaperEntryTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto& param) { return testing::nameOf(param.param); });

}  // namespace
}  // namespace veche::hub
