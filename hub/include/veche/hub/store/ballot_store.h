#pragma once

#include <string>
#include <vector>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

enum class SubmitOutcome {
    Stored,         // new; durable when submit returns
    AlreadyStored,  // the same ballot under the same id was stored before: nothing changed
    Conflict,       // another ballot was stored under this id: nothing changed
};

// Every ballot ever accepted. Ballots are only added, never changed or removed.
class BallotStore {
public:
    explicit BallotStore(Database& db) : db_(db) {}

    // Stores `ballot` (already validated) with its answers in one transaction,
    // unless a ballot with its id exists. Safe to call concurrently and to
    // repeat: a retry of the same ballot is AlreadyStored.
    SubmitOutcome submit(const Ballot& ballot);

    // Stores several ballots in one transaction (one disk flush), each with the
    // outcome submit() would give, in order.
    std::vector<SubmitOutcome> submitAll(const std::vector<Ballot>& ballots);

    // All ballots of an assembly, by id.
    std::vector<Ballot> ballots(const std::string& assemblyId);

    std::size_t count();

private:
    Database& db_;
};

// A hash of everything that makes a ballot what it is (not when it was
// received or from where), to tell a retry from a different ballot.
std::string ballotDigest(const Ballot& ballot);

}  // namespace veche::hub
