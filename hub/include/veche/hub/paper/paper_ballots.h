#pragma once

// Paper ballot double entry at the hub (docs/paper-ballots.md): staff look a
// personal ballot up by its QR text or typed id and check value, and enter
// its answers; a ballot counts (a Channel::Paper ballot through
// Hub::submitBallot) only when two independent entries agree exactly
// (verdictOf). Entries are only added, never changed or removed.

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/ballot.h"
#include "veche/hub/paper/personal_ballots.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/store/assembly_store.h"
#include "veche/hub/store/database.h"

namespace veche::hub::paper {

using Answers = std::vector<std::pair<std::string, core::Choice>>;  // in agenda order

// One staff entry of one paper ballot.
struct PaperEntry {
    std::string ballotId;
    int seq = 0;              // 1, 2, 3… within the ballot
    std::string tokenId;      // who entered it
    bool secondPass = false;  // the same token's second, independent pass
    Millis receivedAt = 0;    // when the paper was handed in
    Answers answers;
    Millis enteredAt = 0;
};

enum class PaperStatus {
    NotEntered,
    AwaitingSecondEntry,  // one entry so far
    Mismatch,             // two or more entries, no two agree
    Counted,              // two agree; stored as a paper ballot
    Late,                 // two agree; received after closesAt: recorded, not counted
};
std::string_view nameOf(PaperStatus status);

// The status of a ballot's entries (in seq order) and, when two agree, the
// earlier of the first agreeing pair.
//
// Two entries agree when their receivedAt and every answer are equal. A pair
// settles the ballot only when its entries are independent:
// - entries of two different tokens always may;
// - a token's first entry and its own second pass only while no other token
//   has entered the ballot: a second pass entered after another token's
//   entry never counts (it could settle a mismatch with that token on one
//   person's word). So once entries of more than one token disagree, only an
//   entry of a token that has not entered the ballot yet can decide it.
// Pairs are tried by their later entry in seq order, and whether an entry may
// count depends only on the entries before it, so a verdict once reached
// stays whatever is entered after.
struct Verdict {
    PaperStatus status = PaperStatus::NotEntered;
    std::optional<PaperEntry> agreed;
    std::optional<PaperEntry> confirmedBy;
};
Verdict verdictOf(const std::vector<PaperEntry>& entries, Millis closesAt);

// The id of the Channel::Paper ballot a personal ballot becomes once counted.
std::string countedBallotId(const std::string& assemblyId, const std::string& ballotId);

// The SQL side: the hub's secret and the entries (schema version 13).
class PaperBallotStore {
public:
    explicit PaperBallotStore(Database& db) : db_(db) {}
    // The secret named `name`, made by `fresh` and stored the first time.
    std::string secret(const std::string& name, const std::function<std::string()>& fresh);
    // Entries of one ballot, or of every ballot of the assembly, by ballot and seq.
    std::vector<PaperEntry> entries(const std::string& assemblyId, const std::string& ballotId);
    std::vector<PaperEntry> entries(const std::string& assemblyId);
    // Stores `entry`; false when its seq is taken (another entry came first).
    bool add(const std::string& assemblyId, const std::string& voterId, const PaperEntry& entry);

private:
    Database& db_;
};

// A ballot as staff see it when they look it up.
struct PaperBallotView {
    Assembly assembly;
    PersonalBallot ballot;
    std::vector<PaperEntry> entries;
    Verdict verdict;
};

// What an entry did.
struct EntryResult {
    PaperEntry entry;
    bool stored = false;  // false: the same entry by the same token was stored before
    PaperBallotView view;
};

class PaperBallotService {
public:
    PaperBallotService(Hub& hub, Database& db);

    // The ballots of an assembly with their ids and check values.
    std::vector<PersonalBallot> ballots(const Assembly& assembly);
    // The same by assembly id; throws ApiError 404 for an unknown one.
    std::vector<PersonalBallot> ballots(const std::string& assemblyId);
    // All ballots of an assembly as one PDF (docs/paperwork.md: needs a QGuiApplication).
    std::string ballotsPdf(const std::string& assemblyId);

    // The ballot named by `code` (QR text or typed id and check). Throws
    // ApiError naming the part that is wrong: code, assembly, ballot_id, check.
    PaperBallotView lookup(const std::string& assemblyId, const std::string& code);

    // Records an entry of the ballot named by `code` by `tokenId`; counts the
    // ballot when this entry agrees with an earlier one by another entrant.
    // Throws ApiError (nothing stored) for a bad code, answers that do not
    // cover the agenda exactly, a receivedAt before opening or in the future,
    // a token's second different entry not marked as a second pass, a second
    // pass after another token's entry (it could not count), or an entry of
    // a ballot whose entries already agree.
    EntryResult enter(const std::string& assemblyId, const std::string& code, PaperEntry entry);

    // Ballots whose entries disagree, with their entries.
    std::vector<PaperBallotView> mismatches(const std::string& assemblyId);
    // Ballots of `assemblyId` whose entries come to `status`, with their entries.
    std::vector<PaperBallotView> withStatus(const std::string& assemblyId, PaperStatus status);

    // Before the protocol: every ballot whose entries agree is stored as a
    // paper ballot (again: idempotent, so a count a failure interrupted is
    // finished); returns how many ballots still await a second entry or
    // have entries that disagree.
    long settle(const std::string& assemblyId);

private:
    std::string secret();
    Assembly assemblyWithVoters(const std::string& assemblyId);
    void checkEntry(const Assembly& a, const PaperEntry& entry) const;
    void countIfAgreed(const PaperBallotView& view);

    Hub& hub_;
    AssemblyStore assemblies_;
    PaperBallotStore store_;
    std::mutex entering_;  // one entry at a time: seq and the verdict stay consistent
};

}  // namespace veche::hub::paper
