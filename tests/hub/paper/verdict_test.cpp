// Which entries of a paper ballot settle it (verdictOf, docs/paper-ballots.md):
// two agreeing entries count only when they are independent.
#include <gtest/gtest.h>

#include <vector>

#include "veche/hub/paper/paper_ballots.h"

namespace veche::hub::paper {
namespace {

constexpr Millis kReceived = 1000;
constexpr Millis kClosesAt = 5000;

// An entry by `token` (a second pass when `secondPass`) that answers `one`
// to the single item; its seq follows the entries before it.
PaperEntry entry(const std::vector<PaperEntry>& before, const std::string& token, core::Choice one,
                 bool secondPass = false, Millis receivedAt = kReceived) {
    PaperEntry e;
    e.ballotId = "SJP1PTVF";
    e.seq = static_cast<int>(before.size()) + 1;
    e.tokenId = token;
    e.secondPass = secondPass;
    e.receivedAt = receivedAt;
    e.answers = {{"1", one}};
    return e;
}

// The entries after each of `steps` is entered in turn.
struct Step {
    std::string token;
    core::Choice one;
    bool secondPass = false;
};
std::vector<PaperEntry> entered(const std::vector<Step>& steps) {
    std::vector<PaperEntry> out;
    for (const Step& s : steps) {
        out.push_back(entry(out, s.token, s.one, s.secondPass));
    }
    return out;
}

constexpr core::Choice kFor = core::Choice::For;
constexpr core::Choice kAgainst = core::Choice::Against;

TEST(Verdict, NoneOrOneEntryWaits) {
    EXPECT_EQ(verdictOf({}, kClosesAt).status, PaperStatus::NotEntered);
    EXPECT_EQ(verdictOf(entered({{"A", kFor}}), kClosesAt).status,
              PaperStatus::AwaitingSecondEntry);
}

TEST(Verdict, TwoTokensAgreeing) {
    const Verdict v = verdictOf(entered({{"A", kFor}, {"B", kFor}}), kClosesAt);
    EXPECT_EQ(v.status, PaperStatus::Counted);
    EXPECT_EQ(v.agreed->tokenId, "A");
    EXPECT_EQ(v.confirmedBy->tokenId, "B");
    EXPECT_EQ(verdictOf(entered({{"A", kFor}, {"B", kAgainst}}), kClosesAt).status,
              PaperStatus::Mismatch);
}

TEST(Verdict, AnOwnSecondPassCountsWhileNoOtherTokenHasEntered) {
    const Verdict v = verdictOf(entered({{"A", kFor}, {"A", kFor, true}}), kClosesAt);
    EXPECT_EQ(v.status, PaperStatus::Counted);
    EXPECT_FALSE(v.agreed->secondPass);
    EXPECT_TRUE(v.confirmedBy->secondPass);
}

// A enters, B enters differently; A's own second pass agreeing with A's
// first entry does not settle the mismatch against B on A's word alone.
TEST(Verdict, AnOwnSecondPassAfterAnotherTokensEntryDoesNotSettleAMismatch) {
    EXPECT_EQ(
        verdictOf(entered({{"A", kFor}, {"B", kAgainst}, {"A", kFor, true}}), kClosesAt).status,
        PaperStatus::Mismatch);
    // Nor does B's second pass agreeing with A after all.
    EXPECT_EQ(
        verdictOf(entered({{"A", kFor}, {"B", kAgainst}, {"B", kFor, true}}), kClosesAt).status,
        PaperStatus::Mismatch);
    // An entry of yet another token decides, with either side.
    for (const core::Choice third : {kFor, kAgainst}) {
        const Verdict v = verdictOf(
            entered({{"A", kFor}, {"B", kAgainst}, {"A", kFor, true}, {"C", third}}), kClosesAt);
        EXPECT_EQ(v.status, PaperStatus::Counted);
        EXPECT_EQ(v.agreed->tokenId, third == kFor ? "A" : "B");
        EXPECT_FALSE(v.agreed->secondPass);
        EXPECT_EQ(v.confirmedBy->tokenId, "C");
    }
}

// A's two passes disagree with nobody else there: the second pass was
// independent, and another token agreeing with it decides.
TEST(Verdict, AnEarlierOwnSecondPassMayAgreeWithAnotherToken) {
    const Verdict v =
        verdictOf(entered({{"A", kFor}, {"A", kAgainst, true}, {"B", kAgainst}}), kClosesAt);
    EXPECT_EQ(v.status, PaperStatus::Counted);
    EXPECT_TRUE(v.agreed->secondPass);
    EXPECT_EQ(v.confirmedBy->tokenId, "B");
}

TEST(Verdict, AVerdictOnceReachedStays) {
    std::vector<PaperEntry> entries = entered({{"A", kFor}, {"A", kFor, true}});
    entries.push_back(entry(entries, "B", kAgainst));
    const Verdict v = verdictOf(entries, kClosesAt);
    EXPECT_EQ(v.status, PaperStatus::Counted);
    EXPECT_EQ(v.confirmedBy->seq, 2);
}

TEST(Verdict, AgreementReceivedAfterTheCloseIsLate) {
    std::vector<PaperEntry> entries;
    entries.push_back(entry(entries, "A", kFor, false, kClosesAt + 1));
    entries.push_back(entry(entries, "B", kFor, false, kClosesAt + 1));
    EXPECT_EQ(verdictOf(entries, kClosesAt).status, PaperStatus::Late);
    entries.back().receivedAt = kClosesAt;  // no longer the same content
    EXPECT_EQ(verdictOf(entries, kClosesAt).status, PaperStatus::Mismatch);
}

}  // namespace
}  // namespace veche::hub::paper
