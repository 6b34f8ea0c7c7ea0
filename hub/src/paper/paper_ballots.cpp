#include "veche/hub/paper/paper_ballots.h"

#include <algorithm>

#include "veche/hub/http/api_error.h"

namespace veche::hub::paper {
namespace {

constexpr const char* kSecretName = "paper_ballot_check";
// A paper's received time may run ahead of the hub's clock by this much.
constexpr Millis kClockSkew = 5LL * 60 * 1000;

bool sameContent(const PaperEntry& a, const PaperEntry& b) {
    return a.receivedAt == b.receivedAt && a.answers == b.answers;
}

bool otherTokenBefore(const std::vector<PaperEntry>& entries, std::size_t index) {
    return std::any_of(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(index),
                       [&](const PaperEntry& e) { return e.tokenId != entries[index].tokenId; });
}

// Whether entries[index] may be one of an agreeing pair: a first entry
// always, a second pass only when no other token had entered the ballot
// before it (verdictOf).
bool mayCount(const std::vector<PaperEntry>& entries, std::size_t index) {
    return !entries[index].secondPass || !otherTokenBefore(entries, index);
}

// A second pass after another token's entry could not count (verdictOf):
// refused rather than stored.
void refuseDependentSecondPass(const std::vector<PaperEntry>& entries, const PaperEntry& entry) {
    const bool otherToken = std::any_of(entries.begin(), entries.end(), [&](const PaperEntry& e) {
        return e.tokenId != entry.tokenId;
    });
    if (entry.secondPass && otherToken) {
        throw ApiError(409, "second_pass_not_independent",
                       "another token has entered ballot " + printedId(entry.ballotId) +
                           ": a second pass no longer decides it; a staff member who has not "
                           "entered it yet enters it",
                       "second_pass");
    }
}

}  // namespace

std::string countedBallotId(const std::string& assemblyId, const std::string& ballotId) {
    return "paper-" + assemblyId + "-" + ballotId;
}

std::string_view nameOf(PaperStatus status) {
    switch (status) {
        case PaperStatus::NotEntered:
            return "not_entered";
        case PaperStatus::AwaitingSecondEntry:
            return "awaiting_second_entry";
        case PaperStatus::Mismatch:
            return "mismatch";
        case PaperStatus::Counted:
            return "counted";
        case PaperStatus::Late:
            return "late";
    }
    return "unknown";
}

Verdict verdictOf(const std::vector<PaperEntry>& entries, Millis closesAt) {
    for (std::size_t j = 1; j < entries.size(); ++j) {
        if (!mayCount(entries, j)) {
            continue;
        }
        for (std::size_t i = 0; i < j; ++i) {
            if (mayCount(entries, i) && sameContent(entries[i], entries[j])) {
                const bool late = entries[i].receivedAt > closesAt;
                return {late ? PaperStatus::Late : PaperStatus::Counted, entries[i], entries[j]};
            }
        }
    }
    if (entries.empty()) {
        return {};
    }
    return {entries.size() == 1 ? PaperStatus::AwaitingSecondEntry : PaperStatus::Mismatch,
            std::nullopt, std::nullopt};
}

PaperBallotService::PaperBallotService(Hub& hub, Database& db)
    : hub_(hub), assemblies_(db), store_(db) {}

std::string PaperBallotService::secret() {
    return store_.secret(kSecretName, [this] { return hub_.random().hex(32); });
}

Assembly PaperBallotService::assemblyWithVoters(const std::string& assemblyId) {
    Assembly a = hub_.assembly(assemblyId);  // throws 404
    a.voters = assemblies_.voters(assemblyId);
    return a;
}

std::vector<PersonalBallot> PaperBallotService::ballots(const Assembly& assembly) {
    return personalBallots(assembly, secret());
}

std::vector<PersonalBallot> PaperBallotService::ballots(const std::string& assemblyId) {
    return ballots(assemblyWithVoters(assemblyId));
}

std::string PaperBallotService::ballotsPdf(const std::string& assemblyId) {
    const Assembly a = assemblyWithVoters(assemblyId);
    BallotContext context;
    context.utcOffsetMinutes = hub_.settings().utcOffsetMinutes;
    if (a.buildingId) {
        if (const auto b = hub_.territories().building(*a.buildingId)) {
            context.buildingAddress = b->address;
        }
    }
    return paperwork::pdfOf(ballotsDocument(a, ballots(a), context));
}

PaperBallotView PaperBallotService::lookup(const std::string& assemblyId, const std::string& code) {
    const Parsed parsed = parseCode(code);
    if (!parsed.code) {
        throw ApiError::invalid(parsed.error->field, parsed.error->message);
    }
    if (!parsed.code->assemblyId.empty() && !sameAssembly(parsed.code->assemblyId, assemblyId)) {
        throw ApiError::invalid("assembly", "the QR code is of assembly " +
                                                parsed.code->assemblyId + ", not " + assemblyId);
    }
    Assembly a = assemblyWithVoters(assemblyId);
    std::vector<PersonalBallot> all = ballots(a);
    const auto it = std::find_if(all.begin(), all.end(), [&](const PersonalBallot& b) {
        return b.code.ballotId == parsed.code->ballotId;
    });
    if (it == all.end()) {
        throw ApiError(
            404, "not_found",
            "no ballot " + printedId(parsed.code->ballotId) + " in assembly " + assemblyId,
            "ballot_id");
    }
    if (!verify(secret(), assemblyId, *parsed.code)) {
        throw ApiError::invalid(
            "check", "the check value " + parsed.code->check + " does not belong to ballot " +
                         printedId(parsed.code->ballotId) + ": mistyped or forged");
    }
    PaperBallotView view{std::move(a), *it, store_.entries(assemblyId, it->code.ballotId), {}};
    view.verdict = verdictOf(view.entries, view.assembly.closesAt);
    return view;
}

void PaperBallotService::checkEntry(const Assembly& a, const PaperEntry& entry) const {
    if (entry.answers.size() != a.agenda.items.size()) {
        for (const auto& [item, choice] : entry.answers) {
            const bool known = std::any_of(a.agenda.items.begin(), a.agenda.items.end(),
                                           [&](const core::AgendaItem& i) { return i.id == item; });
            if (!known) {
                throw ApiError::invalid("answers." + item,
                                        "item " + item + " is not on the agenda");
            }
        }
    }
    for (std::size_t i = 0; i < a.agenda.items.size(); ++i) {
        const std::string& item = a.agenda.items[i].id;
        if (i >= entry.answers.size() || entry.answers[i].first != item) {
            throw ApiError::invalid("answers." + item,
                                    "give an answer for item " + item +
                                        ": for, against, abstain, or invalid (no mark or several)");
        }
        if (entry.answers[i].second == core::Choice::Unanswered) {
            throw ApiError::invalid("answers." + item,
                                    "a paper answer is for, against, abstain or invalid");
        }
    }
    if (entry.receivedAt < a.opensAt) {
        throw ApiError::invalid("received_at", "voting had not opened when this was received");
    }
    if (entry.receivedAt > hub_.clock().now() + kClockSkew) {
        throw ApiError::invalid("received_at", "the received time is in the future");
    }
}

void PaperBallotService::countIfAgreed(const PaperBallotView& view) {
    if (view.verdict.status != PaperStatus::Counted) {
        return;
    }
    const PaperEntry& agreed = *view.verdict.agreed;
    Ballot b;
    b.id = countedBallotId(view.assembly.id, view.ballot.code.ballotId);
    b.assemblyId = view.assembly.id;
    b.voterId = view.ballot.voterId;
    b.channel = Channel::Paper;
    b.castAt = agreed.receivedAt;
    b.source = agreed.tokenId + "+" + view.verdict.confirmedBy->tokenId;
    b.answers = agreed.answers;
    hub_.submitBallot(b);  // idempotent by id: a repeat changes nothing
}

EntryResult PaperBallotService::enter(const std::string& assemblyId, const std::string& code,
                                      PaperEntry entry) {
    const std::lock_guard lock(entering_);
    PaperBallotView view = lookup(assemblyId, code);
    // Answers in agenda order, so that equal entries compare equal.
    std::vector<std::pair<std::string, core::Choice>> ordered;
    for (const core::AgendaItem& item : view.assembly.agenda.items) {
        const auto it = std::find_if(entry.answers.begin(), entry.answers.end(),
                                     [&](const auto& a) { return a.first == item.id; });
        if (it != entry.answers.end()) {
            ordered.push_back(*it);
        }
    }
    if (ordered.size() == entry.answers.size()) {
        entry.answers = std::move(ordered);
    }
    checkEntry(view.assembly, entry);
    entry.ballotId = view.ballot.code.ballotId;
    for (const PaperEntry& e : view.entries) {
        if (e.tokenId == entry.tokenId && e.secondPass == entry.secondPass) {
            if (sameContent(e, entry)) {
                countIfAgreed(view);  // a retry completes what a failed call began
                return {e, false, view};
            }
            throw ApiError(409, "already_entered",
                           std::string("this token already entered ") +
                               (entry.secondPass ? "a second pass of" : "") + " ballot " +
                               printedId(entry.ballotId) +
                               "; entries never change: another staff member enters it, or mark a "
                               "second pass");
        }
    }
    const bool ownFirst = std::any_of(view.entries.begin(), view.entries.end(), [&](auto& e) {
        return e.tokenId == entry.tokenId && !e.secondPass;
    });
    if (entry.secondPass && !ownFirst) {
        throw ApiError::invalid("second_pass",
                                "a second pass follows this token's own first entry");
    }
    if (view.verdict.agreed) {
        countIfAgreed(view);  // finishes a count a failure interrupted
        throw ApiError(409, "already_agreed",
                       "two entries of ballot " + printedId(entry.ballotId) +
                           " already agree; it is " + std::string(nameOf(view.verdict.status)));
    }
    refuseDependentSecondPass(view.entries, entry);
    entry.seq = static_cast<int>(view.entries.size()) + 1;
    entry.enteredAt = hub_.clock().now();
    if (!store_.add(assemblyId, view.ballot.voterId, entry)) {
        throw ApiError(409, "entered_concurrently",
                       "another entry of this ballot was stored at the same time; "
                       "look it up and enter again");
    }
    view.entries.push_back(entry);
    view.verdict = verdictOf(view.entries, view.assembly.closesAt);
    countIfAgreed(view);
    return {entry, true, view};
}

long PaperBallotService::settle(const std::string& assemblyId) {
    const std::lock_guard lock(entering_);
    const Assembly a = assemblyWithVoters(assemblyId);
    const std::vector<PaperEntry> all = store_.entries(assemblyId);
    long unsettled = 0;
    for (const PersonalBallot& b : ballots(a)) {
        std::vector<PaperEntry> mine;
        std::copy_if(all.begin(), all.end(), std::back_inserter(mine),
                     [&](const PaperEntry& e) { return e.ballotId == b.code.ballotId; });
        Verdict v = verdictOf(mine, a.closesAt);
        if (v.status == PaperStatus::AwaitingSecondEntry || v.status == PaperStatus::Mismatch) {
            ++unsettled;
        }
        countIfAgreed({a, b, std::move(mine), std::move(v)});
    }
    return unsettled;
}

std::vector<PaperBallotView> PaperBallotService::mismatches(const std::string& assemblyId) {
    return withStatus(assemblyId, PaperStatus::Mismatch);
}

std::vector<PaperBallotView> PaperBallotService::withStatus(const std::string& assemblyId,
                                                            PaperStatus status) {
    Assembly a = assemblyWithVoters(assemblyId);
    std::vector<PaperEntry> all = store_.entries(assemblyId);
    const std::vector<PersonalBallot> ballots = this->ballots(a);
    std::vector<PaperBallotView> out;
    for (const PersonalBallot& b : ballots) {
        std::vector<PaperEntry> mine;
        std::copy_if(all.begin(), all.end(), std::back_inserter(mine),
                     [&](const PaperEntry& e) { return e.ballotId == b.code.ballotId; });
        Verdict v = verdictOf(mine, a.closesAt);
        if (v.status == status) {
            out.push_back({a, b, std::move(mine), std::move(v)});
        }
    }
    return out;
}

}  // namespace veche::hub::paper
