#pragma once

// Paper ballot entry from the kiosk's staff screen (docs/paper-ballots.md):
// staff scan a returned personal ballot's QR code (or type its id and check
// value), see whose it is, and key in its answers. The kiosk asks the hub,
// signed as itself, and the hub takes only ballots of the assemblies of the
// kiosk's building. The kiosk is one entrant: a ballot counts once another
// entrant (an operator or staff token, another kiosk) or this kiosk's own
// second pass agrees. Nothing is kept on the kiosk: without the hub, nothing
// is entered.

#include <string>
#include <utility>
#include <vector>

#include "veche/core/ballot.h"
#include "veche/kiosk/environment.h"
#include "veche/kiosk/services.h"

namespace veche::kiosk {

// A personal ballot as staff see it before entering it.
struct PaperBallot {
    std::string code;  // as scanned or typed: what enter() takes
    std::string assemblyTitle;
    std::string ballotId;  // as printed: "B7K2-M9QX"
    std::vector<std::string> voterNames;
    std::vector<std::string> premises;  // «кв. 12, доля 1/2, 30,5 голоса»
    std::string votes;                  // «61,0»
    std::vector<AgendaItem> items;
    Millis closesAt = 0;
    std::string status;  // the hub's: not_entered, awaiting_second_entry, mismatch, counted, late
    int entries = 0;     // entries so far
};

struct PaperLookup {
    bool found = false;
    PaperBallot ballot;   // when found
    std::string message;  // Russian, for staff: what the ballot's state is, or why not found
};

struct PaperEntryOutcome {
    bool recorded = false;  // stored now, or the same entry was stored before
    std::string status;     // the hub's, when recorded
    std::string message;    // Russian, for staff
};

using PaperAnswers = std::vector<std::pair<std::string, core::Choice>>;  // item id, answer

class KioskPaperEntry {
public:
    virtual ~KioskPaperEntry() = default;

    // The ballot `code` names: a personal ballot's QR text as a
    // keyboard-wedge scanner types it, or its id and check value typed.
    // Blocks (asks the hub). Never throws: a refusal or an unreachable hub
    // comes back with a message.
    virtual PaperLookup lookUp(const std::string& code) = 0;

    // Enters the ballot `code` names: `answers` has For, Against, Abstain or
    // Invalid (no mark, or several) for every agenda item; `receivedAt` is
    // when the paper was handed in; `secondPass` marks this kiosk's own
    // second, independent entry of it. Blocks. Never throws.
    virtual PaperEntryOutcome enter(const std::string& code, const PaperAnswers& answers,
                                    Millis receivedAt, bool secondPass) = 0;
};

// KioskPaperEntry through the kiosk's signed link to the hub.
class HubPaperEntry : public KioskPaperEntry {
public:
    explicit HubPaperEntry(HubLink& link) : link_(link) {}

    PaperLookup lookUp(const std::string& code) override;
    PaperEntryOutcome enter(const std::string& code, const PaperAnswers& answers, Millis receivedAt,
                            bool secondPass) override;

private:
    HubLink& link_;
};

// What the hub's paper ballot status means, in Russian, for staff.
std::string paperStatusText(const std::string& status);

}  // namespace veche::kiosk
