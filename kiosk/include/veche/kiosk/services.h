#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "veche/core/ballot.h"

namespace veche::kiosk {

using Millis = std::int64_t;  // ms since 1970

// A notice as the kiosk shows it. `category` is one of housing,
// public_order, health, youth_sport_culture, board, emergency.
struct Notice {
    std::string id;
    std::string category;
    std::string categoryTitle;  // «ЖКХ и санитария», …, «Экстренное»
    std::string title;
    std::string body;
    std::string author;
    Millis validFrom = 0;
    Millis validUntil = 0;
};

struct AgendaItem {
    std::string id;
    std::string title;  // the item's full wording
};

// An assembly a resident may vote in at this kiosk.
struct Assembly {
    std::string id;
    std::string title;
    std::string rules;          // "oss-mkd", "tos-meeting", … (core/agenda.h)
    bool consultative = false;  // a kiosk ballot here is advisory only: say so
    Millis opensAt = 0;
    Millis closesAt = 0;
    std::vector<AgendaItem> agenda;
};

struct Poll {
    std::string id;
    std::string question;
    std::vector<std::string> options;
    Millis closesAt = 0;
};

// What became of asking for an SMS code. `message` is Russian, for the
// resident, empty when the code was sent.
struct CodeRequest {
    enum class Outcome {
        Sent,         // by the kiosk's own modem
        SentByHub,    // the kiosk's modem is down; the hub's modems send it
        BadNumber,    // not a Russian mobile number
        TooMany,      // a limit on codes was reached; try later
        Unavailable,  // neither the modem nor the hub can send now
    };
    Outcome outcome = Outcome::Unavailable;
    std::string message;
};

struct CodeCheck {
    enum class Outcome {
        Verified,     // the phone is proved; the code is used up
        Wrong,        // wrong code; `attemptsLeft` more tries
        Expired,      // no live code: expired, used up or never sent
        Unavailable,  // the code came from the hub, which cannot be asked now
    };
    Outcome outcome = Outcome::Expired;
    int attemptsLeft = 0;
    std::string message;  // Russian, for the resident; empty when verified
};

// Proof shown to a resident whose ballot the kiosk stored.
struct Receipt {
    std::string ballotId;  // the event id, the hub's ballot id too
    std::string code;      // "AB12-CD34", as the hub shows it (core/receipt.h)
    bool consultative = false;
};

// A test SMS staff asked for. `message` is Russian, for staff.
struct TestSms {
    enum class Outcome {
        Queued,     // `id` tells testSmsState() which
        BadNumber,  // not a Russian mobile number
        NoModem,    // the kiosk's modem is not connected, or its SIM not ready
        TooSoon,    // one was sent less than kTestSmsInterval ago
    };
    Outcome outcome = Outcome::NoModem;
    std::int64_t id = 0;
    std::string message;
};

// Where a test SMS is, in Russian: queued, sent, delivered or why it failed.
// `final` once it is delivered or failed.
struct TestSmsState {
    std::string text;
    bool final = false;
};

// The state of the link to the hub, for staff only.
struct SyncState {
    std::string kioskId;
    Millis lastSuccess = 0;  // 0: never
    Millis lastAttempt = 0;
    std::string lastError;    // of the last attempt, empty when it succeeded
    long pendingEvents = 0;   // waiting to reach the hub
    long rejectedEvents = 0;  // refused by the hub, kept for staff
    long queuedSms = 0;       // codes waiting for the kiosk's modem
    bool modemConnected = false;
    bool revoked = false;  // the hub switched this kiosk off: residents are told
};

// Everything the kiosk's screens may read and do. Phones are passed as the
// resident typed them and normalised inside; a phone is only passed after
// checkCode() returned Verified for it in the same visit (the screens'
// session keeps it). Calls marked "blocks" may wait for the hub over the
// network (a few seconds at most) and must not run on the GUI thread; the
// others return in milliseconds. Besides the std::invalid_argument each
// states, a call throws only when the kiosk's own store fails. Once the hub
// has revoked the kiosk, acts are refused with a message saying so.
// Thread-safe.
class KioskServices {
public:
    virtual ~KioskServices() = default;

    virtual std::string buildingAddress() const = 0;  // empty before the first sync
    virtual std::string territoryName() const = 0;

    // Notices valid at `now`: Экстренное first, then the newest first.
    virtual std::vector<Notice> notices(Millis now) const = 0;

    // Sends a new 6-digit code to `phone`. Blocks. Never throws: every
    // failure is an outcome with a message.
    virtual CodeRequest requestCode(const std::string& phone) = 0;
    // Checks the code the resident typed. Blocks (a hub-sent code is checked
    // by the hub). Never throws.
    virtual CodeCheck checkCode(const std::string& phone, const std::string& code) = 0;

    // The SMS consent's full text and version, shown on its own screen.
    virtual std::string smsConsentText() const = 0;
    // Records, durably, that the verified `phone` was registered here.
    virtual void recordRegistration(const std::string& phone) = 0;
    // Records the resident's answer to the SMS consent as its own act.
    virtual void recordSmsConsent(const std::string& phone, bool given) = 0;
    // Asks the hub to link `phone` to an owner of `premises` (a flat number
    // as typed, e.g. "12" or "12а"). Throws std::invalid_argument with a
    // Russian message when `premises` is empty or too long.
    virtual void requestLink(const std::string& phone, const std::string& premises) = 0;

    // Open assemblies the phone may vote in at `now` (its hash is in the
    // eligibility list from the hub) and has not voted in at this kiosk.
    virtual std::vector<Assembly> assembliesFor(const std::string& phone, Millis now) const = 0;
    // Stores the ballot durably (on disk when this returns) for the hub.
    // `answers` has one choice (For, Against or Abstain) per agenda item.
    // Throws std::invalid_argument (Russian message) when the assembly is not
    // open to this phone or an item is missing; nothing is stored then.
    virtual Receipt castBallot(const std::string& phone, const std::string& assemblyId,
                               const std::map<std::string, core::Choice>& answers, Millis now) = 0;

    // Polls open at `now` that `phone` has not answered here.
    virtual std::vector<Poll> openPolls(const std::string& phone, Millis now) const = 0;
    // Stores the answer durably; `option` counts from 0. Throws
    // std::invalid_argument (Russian message) for a closed poll or a bad option.
    virtual void answerPoll(const std::string& phone, const std::string& pollId, int option,
                            Millis now) = 0;

    // Stores a problem report durably and returns its number for the
    // resident. `category`: housing, improvement, public_order, health,
    // other. `phone` may be empty (no answer wanted); a given phone need not
    // be verified. Throws std::invalid_argument (Russian message) for an
    // empty or over-long text or an unknown category.
    virtual std::string reportProblem(const std::string& category, const std::string& text,
                                      const std::string& phone, Millis now) = 0;

    // Bumps whenever synced content (notices, assemblies, polls, address)
    // changes, so that screens know when to reload.
    virtual long contentVersion() const = 0;
    virtual SyncState syncState() const = 0;

    // Checks a staff member's PIN against the one the hub's settings hold
    // (docs/provisioning.md). After 5 wrong PINs in a row, every PIN is
    // refused as Locked for 5 minutes.
    enum class StaffPin { Accepted, Wrong, Locked, NotSet };
    virtual StaffPin checkStaffPin(const std::string& pin) = 0;

    // Queues a short test SMS to `phone` on the kiosk's own modem (never
    // through the hub), for staff checking the modem and SIM. At most one
    // every kTestSmsInterval. Never throws.
    virtual TestSms sendTestSms(const std::string& phone) = 0;
    // Where the test SMS `id` (TestSms::id) is now.
    virtual TestSmsState testSmsState(std::int64_t id) const = 0;
    static constexpr Millis kTestSmsInterval = 30'000;
};

// The staff screen's «Подключить заново»: this kiosk enrolled again with a
// new one-time code, taking a new identity (docs/provisioning.md).
class KioskReenrolment {
public:
    virtual ~KioskReenrolment() = default;

    struct Outcome {
        bool enrolled = false;
        std::string kioskId;  // the new identity, when enrolled
        std::string message;  // Russian, for staff: what happened or what to do
    };
    // `codeOrLabel`: a one-time code as typed, or an enrolment label's text
    // (veche://enrol/?hub=…&code=…) as a keyboard-wedge scanner types it.
    // Refused while events wait for the hub. Blocks (asks the hub). Never
    // throws. Once enrolled, what runs still has the old identity: the
    // caller restarts the kiosk.
    virtual Outcome enrolAgain(const std::string& codeOrLabel) = 0;
};

}  // namespace veche::kiosk
