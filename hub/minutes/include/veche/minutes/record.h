#pragma once

// What the protocol of a meeting is made from: the meeting's facts as the hub
// holds them, its recount bundles, the ballots it received, and what the
// operator adds (chair, secretary, counters, where the papers are kept).
// Nothing here knows the hub's store or HTTP; the hub fills a MeetingRecord
// (veche/hub/services/protocol_export.h) and this library turns it into
// documents and files (docs/protocol.md).

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "veche/core/bundle.h"
#include "veche/paperwork/typography.h"

namespace veche::minutes {

// Форма проведения (ст. 44.1 ЖК).
enum class MeetingForm { InPerson, Absentee, Mixed };

// The operator's part of the protocol (приказ 266/пр, LAW.md §7), which the
// hub does not hold. Required: chair, secretary, storage (checkDetails).
struct ProtocolDetails {
    // The ГИС ЖКХ identifier of the notice (266/пр п. 7); empty: the hub's
    // sequence number of the meeting in its year.
    std::string number;
    // The day the votes were counted (the protocol's date); year 0: today by
    // the hub's clock.
    paperwork::CivilDate countedOn;
    // Place of the meeting; empty: where decisions were handed in (заочное)
    // or where the meeting was held.
    std::string place;
    std::string chair;                  // председатель собрания
    std::string secretary;              // секретарь собрания
    std::vector<std::string> counters;  // счётная комиссия; none: the initiator signs
    std::string initiatorDetails;  // паспортные данные / ОГРН инициатора; optional
    std::string invited;                       // приглашённые лица; optional
    std::string storage;                       // where the protocol and decisions are kept
    std::map<std::string, std::string> heard;  // item id -> СЛУШАЛИ; default: the initiator
    std::map<std::string, std::string> proposed;  // item id -> ПРЕДЛОЖЕНО; default: the title
};

// A required detail is missing or malformed; field() is its name in the API
// (snake_case, as in the JSON body).
class DetailError : public std::invalid_argument {
public:
    DetailError(std::string field, const std::string& message)
        : std::invalid_argument(message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

// Throws DetailError for the first required field that is empty (chair,
// secretary, storage), an empty counter's name, or a countedOn that is not a
// day (year 0 is allowed: "today").
void checkDetails(const ProtocolDetails& details);

// One ballot as received by the hub, and what the count made of it.
struct ReceivedBallot {
    enum class Status {
        Counted,              // binding and counted
        CountedConsultative,  // electronic, counted apart as consultative
        Repeat,               // the voter's earlier binding ballot counts
        RepeatConsultative,   // the voter's earlier consultative ballot counts
        Late,                 // a paper handed in after voting closed: recorded only
    };
    std::string id;
    std::string voterId;
    std::string channel;  // "paper", "kiosk", "ussd", "sms"
    // When the voter cast it (for paper, the day it was handed in), ms since
    // the epoch, UTC.
    std::int64_t castAt = 0;
    Status status = Status::Counted;
};

// The meeting as the hub holds it.
struct MeetingFacts {
    std::string address;      // the building's address, or the territory's name
    bool atBuilding = false;  // `address` is a building's
    bool extraordinary = true;
    MeetingForm form = MeetingForm::Absentee;
    std::string initiator;
    std::string meetingPlace;   // where an in-person meeting is held
    std::string ballotAddress;  // where written decisions are handed in
    std::string materials;
    std::int64_t opensAt = 0;  // ms since the epoch, UTC
    std::int64_t closesAt = 0;
    int utcOffsetMinutes = 180;  // local time of the documents
    bool electronicBinding = false;
};

// How the hub told voters of the meeting: the notice Hub::postAssemblyNotice
// put on the notice board of the building's kiosks (the territory's for a
// body without a building). Other ways (posting on paper, delivery, post) the
// hub does not know: the operator completes them by hand.
struct NoticePosting {
    std::int64_t postedAt = 0;  // when the hub posted it, ms since the epoch, UTC
    std::int64_t shownUntil = 0;
    // A kiosk that could show it, and for how long: from the posting or its
    // enrolment, whichever came later, to the end of voting or its
    // revocation, whichever came first.
    struct Kiosk {
        std::string name;  // "name (id)"
        std::int64_t from = 0;
        std::int64_t until = 0;
    };
    std::vector<Kiosk> kiosks;
};

// Everything a protocol export is made of. `binding` is exactly what
// Hub::bundle gives for the binding ballots; `consultative` the same for the
// electronic ballots counted apart (empty when there are none).
struct MeetingRecord {
    MeetingFacts facts;
    ProtocolDetails details;  // defaults already resolved by the caller
    std::string noticeText;   // the hub's notice (hub::noticeText)
    core::BundleFiles binding;
    std::optional<core::BundleFiles> consultative;
    std::vector<ReceivedBallot> received;
    std::optional<NoticePosting> noticePosting;  // none: the hub did not post the notice
};

}  // namespace veche::minutes
