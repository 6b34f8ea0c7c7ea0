#include "veche/hub/services/protocol_export.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include <Poco/DateTime.h>
#include <Poco/Timestamp.h>

#include "veche/hub/http/api_error.h"
#include "veche/hub/paper/paper_ballots.h"
#include "veche/hub/services/counting.h"
#include "veche/hub/services/notice.h"
#include "veche/hub/store/kiosk_store.h"

namespace veche::hub {
namespace {

int localYear(Millis t, int utcOffsetMinutes) {
    return Poco::DateTime(
               Poco::Timestamp((t + static_cast<Millis>(utcOffsetMinutes) * 60'000) * 1000))
        .year();
}

paperwork::CivilDate localDay(Millis t, int utcOffsetMinutes) {
    const Poco::DateTime d(
        Poco::Timestamp((t + static_cast<Millis>(utcOffsetMinutes) * 60'000) * 1000));
    return {d.year(), d.month(), d.day()};
}

// The assembly's sequence number among those of its building (or territory)
// that close in the same local year (приказ 44/пр: the number of the meeting
// since the start of the year).
std::string hubNumber(Hub& hub, const Assembly& a) {
    const int offset = hub.settings().utcOffsetMinutes;
    const int year = localYear(a.closesAt, offset);
    int n = 0;
    for (const Assembly& other : hub.assemblies(a.territoryId)) {
        if (other.buildingId == a.buildingId && localYear(other.closesAt, offset) == year &&
            std::tie(other.closesAt, other.id) <= std::tie(a.closesAt, a.id)) {
            ++n;
        }
    }
    return std::to_string(n);
}

minutes::MeetingFacts factsOf(Hub& hub, const Assembly& a) {
    minutes::MeetingFacts f;
    if (a.buildingId) {
        if (const auto b = hub.territories().building(*a.buildingId)) {
            f.address = b->address;
            f.atBuilding = true;
        }
    } else if (const auto t = hub.territories().territory(a.territoryId)) {
        f.address = t->name;
    }
    f.extraordinary = a.extraordinary;
    f.form = a.form == Form::InPerson ? minutes::MeetingForm::InPerson
             : a.form == Form::Mixed  ? minutes::MeetingForm::Mixed
                                      : minutes::MeetingForm::Absentee;
    f.initiator = a.initiator;
    f.meetingPlace = a.place;
    f.ballotAddress = a.ballotAddress;
    f.materials = a.materials;
    f.opensAt = a.opensAt;
    f.closesAt = a.closesAt;
    f.utcOffsetMinutes = hub.settings().utcOffsetMinutes;
    f.electronicBinding = a.electronicBinding;
    return f;
}

void resolveDefaults(Hub& hub, const Assembly& a, const minutes::MeetingFacts& f,
                     minutes::ProtocolDetails& d) {
    if (d.number.empty()) {
        d.number = hubNumber(hub, a);
    }
    if (d.countedOn.year == 0) {
        d.countedOn = localDay(hub.clock().now(), f.utcOffsetMinutes);
    }
    if (d.place.empty()) {
        d.place = a.form == Form::InPerson || a.ballotAddress.empty() ? a.place : a.ballotAddress;
    }
    if (d.place.empty()) {
        d.place = f.address;
    }
}

std::vector<minutes::ReceivedBallot> registerOf(const std::vector<Ballot>& all, const Assembly& a,
                                                const CountedBallots& binding,
                                                const CountedBallots& consultative) {
    std::set<std::string> counted;
    for (const CountedBallots* kind : {&binding, &consultative}) {
        for (const Ballot* b : kind->counted) {
            counted.insert(b->id);
        }
    }
    std::vector<minutes::ReceivedBallot> received;
    for (const Ballot& b : all) {
        using Status = minutes::ReceivedBallot::Status;
        const bool isCounted = counted.count(b.id) > 0;
        const Status status =
            isBinding(b.channel, a)
                ? (isCounted ? Status::Counted : Status::Repeat)
                : (isCounted ? Status::CountedConsultative : Status::RepeatConsultative);
        // When the voter cast it: for paper, the day it was handed in (the
        // hub stores it when the entries agree, maybe days later).
        received.push_back({b.id, b.voterId, std::string(nameOf(b.channel)), b.castAt, status});
    }
    std::sort(received.begin(), received.end(), [](const auto& x, const auto& y) {
        return std::tie(x.castAt, x.id) < std::tie(y.castAt, y.id);
    });
    return received;
}

// Paper ballots whose two entries agree that they came after voting closed:
// never stored as ballots, but received, so they are in the register.
void addLatePapers(std::vector<minutes::ReceivedBallot>& received, Hub& hub,
                   const std::string& assemblyId) {
    paper::PaperBallotService papers(hub, hub.database());
    for (const paper::PaperBallotView& v :
         papers.withStatus(assemblyId, paper::PaperStatus::Late)) {
        received.push_back({paper::countedBallotId(assemblyId, v.ballot.code.ballotId),
                            v.ballot.voterId, "paper", v.verdict.agreed->receivedAt,
                            minutes::ReceivedBallot::Status::Late});
    }
    std::sort(received.begin(), received.end(), [](const auto& x, const auto& y) {
        return std::tie(x.castAt, x.id) < std::tie(y.castAt, y.id);
    });
}

// Where Hub::postAssemblyNotice put the meeting's notice, and the kiosks of
// its building (of its territory, for a body without one) enrolled and not
// revoked while it was shown; nullopt when it was not posted.
std::optional<minutes::NoticePosting> postingOf(Hub& hub, const Assembly& a) {
    const auto notice = hub.noticeStore().get("n-" + a.id);
    if (!notice) {
        return std::nullopt;
    }
    minutes::NoticePosting p{notice->validFrom, notice->validUntil, {}};
    std::vector<std::string> buildings;
    if (a.buildingId) {
        buildings.push_back(*a.buildingId);
    } else {
        for (const Building& b : hub.territories().buildings(a.territoryId)) {
            buildings.push_back(b.id);
        }
    }
    KioskStore kiosks(hub.database());
    for (const std::string& building : buildings) {
        for (const KioskHealth& h : kiosks.health({"", building})) {
            const Kiosk& k = h.kiosk;
            const Millis from = std::max(p.postedAt, k.enrolledAt);
            const Millis until = std::min(p.shownUntil, k.revokedAt.value_or(p.shownUntil));
            if (from < until) {
                p.kiosks.push_back(
                    {k.name.empty() ? k.id : k.name + " (" + k.id + ")", from, until});
            }
        }
    }
    return p;
}

}  // namespace

std::optional<paperwork::CivilDate> parseDay(const std::string& text) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
        return std::nullopt;
    }
    try {
        (void)paperwork::formatDate({y, m, d});
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    return paperwork::CivilDate{y, m, d};
}

minutes::MeetingRecord protocolRecord(Hub& hub, const std::string& assemblyId,
                                      minutes::ProtocolDetails details) {
    const Assembly a = hub.assembly(assemblyId);
    try {
        minutes::checkDetails(details);
    } catch (const minutes::DetailError& e) {
        throw ApiError::invalid(e.field(), e.what());
    }
    if (a.status != AssemblyStatus::Closed) {
        throw ApiError(409, "voting_not_over",
                       "assembly " + a.id + " is " + std::string(nameOf(a.status)) + " until " +
                           localTime(a.closesAt, hub.settings().utcOffsetMinutes) +
                           ": the protocol is drawn up once voting is over");
    }
    if (const long unsettled = paper::PaperBallotService(hub, hub.database()).settle(a.id);
        unsettled > 0) {
        throw ApiError(409, "paper_ballots_pending",
                       std::to_string(unsettled) +
                           " paper ballots await a second entry or have entries that disagree "
                           "(GET …/paper-ballots/mismatches): the protocol would leave them out");
    }
    minutes::MeetingRecord r;
    r.facts = factsOf(hub, a);
    r.details = std::move(details);
    resolveDefaults(hub, a, r.facts, r.details);
    r.noticeText = noticeText(a, hub.territories(), hub.settings().utcOffsetMinutes);
    const core::BundleFiles voters = hub.bundle(a.id, true);
    const std::string& voterList = voters.registry ? *voters.registry : *voters.members;
    const std::vector<Ballot> all = hub.ballotStore().ballots(a.id);
    const CountedBallots binding = selectCounted(all, a, true);
    const CountedBallots consultative = selectCounted(all, a, false);
    r.binding = bundleOf(a, voterList, binding.counted);
    if (!consultative.counted.empty()) {
        r.consultative = bundleOf(a, voterList, consultative.counted);
    }
    r.received = registerOf(all, a, binding, consultative);
    addLatePapers(r.received, hub, a.id);
    r.noticePosting = postingOf(hub, a);
    return r;
}

std::vector<minutes::ExportFile> exportProtocol(Hub& hub, const std::string& assemblyId,
                                                const minutes::ProtocolDetails& details) {
    return minutes::exportFiles(protocolRecord(hub, assemblyId, details));
}

}  // namespace veche::hub
