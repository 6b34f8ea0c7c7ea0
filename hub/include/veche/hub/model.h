#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "veche/core/agenda.h"
#include "veche/core/ballot.h"

namespace veche::hub {

// Milliseconds since the Unix epoch, UTC.
using Millis = std::int64_t;

// What a hub API token may do: operators run meetings, staff enter paper
// ballots and look after kiosks, auditors read, services send alerts.
enum class Role { Operator, Staff, Auditor, Service, Kiosk };
std::optional<Role> parseRole(std::string_view text);
std::string_view nameOf(Role role);

// A ТОС area: the unit notices, members and one-person-one-vote bodies belong to.
struct Territory {
    std::string id;
    std::string name;
    Millis createdAt = 0;
};

struct Building {
    std::string id;
    std::string territoryId;
    std::string address;
    Millis createdAt = 0;
};

// Форма проведения (ст. 44.1 ЖК): очное, заочное, очно-заочное.
enum class Form { InPerson, Absentee, Mixed };
std::optional<Form> parseForm(std::string_view text);  // "in_person", "absentee", "mixed"
std::string_view nameOf(Form form);

// Scheduled until opensAt, open until closesAt, then closed; the hub moves
// assemblies along by itself.
enum class AssemblyStatus { Scheduled, Open, Closed };
std::optional<AssemblyStatus> parseStatus(std::string_view text);
std::string_view nameOf(AssemblyStatus status);

struct Assembly {
    std::string id;
    std::string territoryId;
    std::optional<std::string> buildingId;  // required for oss-mkd
    core::Agenda agenda;
    Form form = Form::Absentee;
    bool extraordinary = true;
    std::string title;
    std::string initiator;
    std::string place;          // where an in-person meeting is held
    std::string ballotAddress;  // where written decisions are handed in
    std::string materials;      // how and where to see the materials
    Millis opensAt = 0;
    Millis closesAt = 0;
    // Whether kiosk, USSD and SMS ballots give a binding decision; otherwise
    // they are counted apart as consultative (docs/ballots.md).
    bool electronicBinding = false;
    AssemblyStatus status = AssemblyStatus::Scheduled;
    Millis createdAt = 0;
    // Who may vote, frozen when the assembly is created: registry.csv text for
    // oss-mkd, members.csv text otherwise. Later imports do not change it.
    // Filled on creation; reads leave it empty (AssemblyStore::voters).
    std::string voters;
};

// The channel a ballot came through. Paper is the written decision entered by
// staff; the others are electronic.
enum class Channel { Paper, Kiosk, Ussd, Sms };
std::optional<Channel> parseChannel(std::string_view text);
std::string_view nameOf(Channel channel);

struct Ballot {
    std::string id;  // made where the ballot was cast; sync and retries are idempotent by it
    std::string assemblyId;
    std::string voterId;  // owner_id (oss-mkd) or member_id
    Channel channel = Channel::Paper;
    Millis castAt = 0;      // when the voter confirmed it, by the capturing device's clock
    Millis receivedAt = 0;  // when the hub stored it
    std::string source;     // kiosk id, token id of the staff member, gateway…
    std::vector<std::pair<std::string, core::Choice>> answers;  // item id → choice
};

// The sections of the notice board (KIOSK.md); Emergency always comes first.
enum class NoticeCategory { Housing, PublicOrder, Health, YouthSportCulture, Board, Emergency };
std::optional<NoticeCategory> parseCategory(std::string_view text);
std::string_view nameOf(NoticeCategory category);
// The Russian heading residents see: «ЖКХ и санитария», «Экстренное»…
std::string_view titleOf(NoticeCategory category);

struct Notice {
    std::string id;
    std::string territoryId;
    std::vector<std::string> buildingIds;  // empty: the whole territory
    NoticeCategory category = NoticeCategory::Board;
    std::string title;
    std::string body;
    std::string author;
    Millis validFrom = 0;
    Millis validUntil = 0;
    Millis createdAt = 0;
    Millis changedAt = 0;   // for kiosk sync cursors
    bool isPublic = false;  // also shown to callers the hub does not know (USSD)
};

// One consent of a resident, as its own act (152-ФЗ ст. 9).
struct Consent {
    std::string id;
    std::string phone;
    std::string kind;         // "sms" (notices and alerts by SMS), "personal_data"
    std::string textVersion;  // which wording the resident was shown
    Millis givenAt = 0;
    std::string channel;  // kiosk, ussd, sms, paper
    std::optional<Millis> withdrawnAt;
    std::string withdrawnVia;
};

// A verified phone asking to vote for an owner of a premises.
struct LinkRequest {
    std::string id;
    std::string phone;
    std::string buildingId;
    std::string premises;
    std::string status;   // pending, confirmed, rejected
    std::string ownerId;  // when confirmed
    Millis requestedAt = 0;
    std::string requestedVia;
    std::optional<Millis> decidedAt;
    std::string decidedBy;  // "registry" when the registry already knew the phone
    std::string reason;
};

// A consultative question to residents; one answer per verified phone.
struct Poll {
    std::string id;
    std::string territoryId;
    std::optional<std::string> buildingId;  // none: the whole territory
    std::string question;
    std::vector<std::string> options;
    Millis opensAt = 0;
    Millis closesAt = 0;
    Millis createdAt = 0;
};

// A resident's report of a problem, and how it was handled.
struct Report {
    std::string id;
    std::string territoryId;
    std::optional<std::string> buildingId;
    std::string category;  // housing, improvement, public_order, health, other
    std::string text;
    std::string phone;  // for the answer; may be empty
    std::string channel;
    std::string status;  // new, in_progress, answered, closed
    std::string answer;
    Millis createdAt = 0;
    Millis changedAt = 0;
};

// What a kiosk's enrolment code says of its parts ("cabinet", "modem", …),
// by key: the kiosk reads them, the hub only keeps and sends them
// (docs/kiosk-sync.md).
using KioskSettings = std::map<std::string, std::string>;

// A lobby terminal enrolled with its own key and bound to a building.
struct Kiosk {
    std::string id;
    std::string buildingId;
    std::string publicKey;  // Ed25519, base64; the current one
    std::string name;
    Millis enrolledAt = 0;
    std::optional<Millis> revokedAt;
    std::optional<Millis> lastSeenAt;
    KioskSettings settings;
    std::optional<std::string> replacedBy;  // the kiosk enrolled in its place
};

}  // namespace veche::hub
