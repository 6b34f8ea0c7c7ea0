// Personal ballots as PDF, and paper ballot double entry by staff and
// operators, and by kiosks in staff mode (docs/paper-ballots.md).
#include <algorithm>
#include <memory>

#include "json_io.h"
#include "roles.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/paper/paper_ballots.h"
#include "veche/hub/services/kiosks.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;
using paper::PaperBallotService;
using paper::PaperBallotView;
using paper::PaperEntry;

Poco::JSON::Object object() {
    return Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string votesText(const core::Fraction& f) {
    return f.toDecimal(2);
}

// An entry; a `blind` one says who entered it and when, not what: the next
// entrant keys the paper in on their own.
Poco::JSON::Object entryJson(const PaperEntry& e, bool blind = false) {
    auto o = object();
    o.set("seq", e.seq);
    o.set("token_id", e.tokenId);
    o.set("second_pass", e.secondPass);
    o.set("entered_at", api::isoTime(e.enteredAt));
    if (blind) {
        return o;
    }
    o.set("received_at", api::isoTime(e.receivedAt));
    auto answers = object();
    for (const auto& [item, choice] : e.answers) {
        answers.set(item, std::string(core::nameOf(choice)));
    }
    o.set("answers", answers);
    return o;
}

Poco::JSON::Object ballotJson(const PaperBallotView& v) {
    auto o = object();
    o.set("assembly_id", v.assembly.id);
    o.set("assembly_title", v.assembly.title);
    o.set("ballot_id", paper::printedId(v.ballot.code.ballotId));
    o.set("voter_id", v.ballot.voterId);
    o.set("voter_names", api::stringArray(v.ballot.voterNames));
    Poco::JSON::Array premises;
    for (const paper::BallotHolding& h : v.ballot.holdings) {
        auto p = object();
        p.set("premises", h.premises);
        p.set("share", h.share);
        p.set("document", h.document);
        p.set("votes", votesText(h.votes));
        premises.add(p);
    }
    o.set("premises", premises);
    o.set("votes", votesText(v.ballot.votes));
    Poco::JSON::Array items;
    for (const core::AgendaItem& item : v.assembly.agenda.items) {
        auto i = object();
        i.set("id", item.id);
        i.set("title", item.title);
        items.add(i);
    }
    o.set("items", items);
    o.set("closes_at", api::isoTime(v.assembly.closesAt));
    o.set("status", std::string(paper::nameOf(v.verdict.status)));
    // Until a second entry, the first one's answers stay hidden.
    const bool blind = v.verdict.status == paper::PaperStatus::AwaitingSecondEntry;
    Poco::JSON::Array entries;
    for (const PaperEntry& e : v.entries) {
        entries.add(entryJson(e, blind));
    }
    o.set("entries", entries);
    return o;
}

// The mismatched ballot with its entries side by side, item by item.
Poco::JSON::Object mismatchJson(const PaperBallotView& v) {
    auto o = ballotJson(v);
    Poco::JSON::Array rows;
    auto row = [&v](const std::string& field, auto valueOf) {
        auto r = object();
        r.set("field", field);
        Poco::JSON::Array values;
        for (const PaperEntry& e : v.entries) {
            values.add(valueOf(e));
        }
        bool differ = false;
        for (const PaperEntry& e : v.entries) {
            differ = differ || valueOf(e) != valueOf(v.entries.front());
        }
        r.set("values", values);
        r.set("differ", differ);
        return r;
    };
    rows.add(row("received_at", [](const PaperEntry& e) { return api::isoTime(e.receivedAt); }));
    for (std::size_t i = 0; i < v.assembly.agenda.items.size(); ++i) {
        rows.add(row("answers." + v.assembly.agenda.items[i].id, [i](const PaperEntry& e) {
            return std::string(core::nameOf(e.answers[i].second));
        }));
    }
    o.set("side_by_side", rows);
    return o;
}

std::string statusMessage(const PaperBallotView& v) {
    switch (v.verdict.status) {
        case paper::PaperStatus::AwaitingSecondEntry:
            return "recorded; the ballot counts when a second entry by another token (or a "
                   "second pass) matches it";
        case paper::PaperStatus::Mismatch:
            return "recorded; the entries do not match: an entry by a token that has not "
                   "entered this ballot yet that matches one of them decides "
                   "(GET …/paper-ballots/mismatches)";
        case paper::PaperStatus::Counted:
            return "two entries match: the ballot is counted";
        case paper::PaperStatus::Late:
            return "two entries match, but the ballot was received after voting closed: "
                   "recorded, not counted";
        case paper::PaperStatus::NotEntered:
            break;
    }
    return "not entered yet";
}

PaperEntry entryFrom(const Poco::JSON::Object& body, const Request& req) {
    PaperEntry e;
    e.tokenId = req.tokenId;
    e.secondPass = api::optionalBool(body, "second_pass", false);
    e.receivedAt = api::requiredTime(body, "received_at");
    e.answers = api::answersFrom(body);
    return e;
}

// Records the entry `body` describes, by `entrant`, and answers as
// docs/paper-ballots.md says.
Response entryResponse(PaperBallotService& service, const std::string& assemblyId,
                       const Request& req) {
    const auto body = api::parseObject(req.body);
    const std::string code = api::requiredString(*body, "code");
    const auto result = service.enter(assemblyId, code, entryFrom(*body, req));
    auto o = object();
    o.set("stored", result.stored);
    o.set("entry", entryJson(result.entry));
    o.set("status", std::string(paper::nameOf(result.view.verdict.status)));
    const bool late = result.entry.receivedAt > result.view.assembly.closesAt;
    o.set("late", late);
    o.set("message", (late ? std::string("received after voting closed: it is "
                                         "recorded and will not be counted; ")
                           : std::string()) +
                         statusMessage(result.view));
    o.set("ballot", ballotJson(result.view));
    return Response::json(result.stored ? 201 : 200, render(o));
}

// The assembly of `kiosk`'s building that the ballot `code` belongs to: the
// one its QR text names, or the one with a ballot of the typed id. Throws
// ApiError naming the part that is wrong.
std::string kioskAssembly(Hub& hub, PaperBallotService& service, const Kiosk& kiosk,
                          const std::string& code) {
    const paper::Parsed parsed = paper::parseCode(code);
    if (!parsed.code) {
        throw ApiError::invalid(parsed.error->field, parsed.error->message);
    }
    const auto building = hub.territories().building(kiosk.buildingId);
    std::vector<Assembly> mine;
    for (Assembly& a : hub.assemblies(building ? building->territoryId : "")) {
        if (a.buildingId == kiosk.buildingId) {
            mine.push_back(std::move(a));
        }
    }
    if (!parsed.code->assemblyId.empty()) {
        for (const Assembly& a : mine) {
            if (paper::sameAssembly(parsed.code->assemblyId, a.id)) {
                return a.id;  // as the hub spells it: Caps Lock inverts a scanned one
            }
        }
        throw ApiError(403, "other_building",
                       "the QR code names assembly " + parsed.code->assemblyId +
                           ", which is not one of this building's",
                       "assembly");
    }
    std::sort(mine.begin(), mine.end(),
              [](const Assembly& x, const Assembly& y) { return x.opensAt > y.opensAt; });
    for (const Assembly& a : mine) {
        try {
            service.lookup(a.id, code);
            return a.id;
        } catch (const ApiError& e) {
            if (e.status() != 404) {
                throw;  // the ballot is here, but its check value is wrong
            }
        }
    }
    throw ApiError(404, "not_found",
                   "no ballot " + paper::printedId(parsed.code->ballotId) +
                       " in the assemblies of this building",
                   "ballot_id");
}

// A kiosk is an identity staff share, and staff may enrol kiosks: entries
// that disagree are decided at the hub, by a token that has not entered the
// ballot, never at a kiosk.
void refuseMismatchAtKiosk(const PaperBallotView& view) {
    if (view.verdict.status == paper::PaperStatus::Mismatch) {
        throw ApiError(409, "mismatch_at_hub",
                       "the entries of ballot " + paper::printedId(view.ballot.code.ballotId) +
                           " disagree: an operator or a staff member who has not entered it "
                           "decides at the hub (GET …/paper-ballots/mismatches)",
                       "code");
    }
}

void addKioskPaperRoutes(Router& router, Hub& hub, KioskService& kiosks,
                         std::shared_ptr<PaperBallotService> service) {
    router.add("POST", "/api/v1/kiosk/paper-ballots/lookup", kKiosk,
               [&hub, &kiosks, service](const Request& req) {
                   const auto body = api::parseObject(req.body);
                   const std::string code = api::requiredString(*body, "code");
                   const std::string assemblyId =
                       kioskAssembly(hub, *service, kiosks.kiosk(req.tokenId), code);
                   return Response::json(200,
                                         render(ballotJson(service->lookup(assemblyId, code))));
               });
    router.add("POST", "/api/v1/kiosk/paper-ballots/entries", kKiosk,
               [&hub, &kiosks, service](const Request& req) {
                   const auto body = api::parseObject(req.body);
                   const std::string code = api::requiredString(*body, "code");
                   const std::string assemblyId =
                       kioskAssembly(hub, *service, kiosks.kiosk(req.tokenId), code);
                   refuseMismatchAtKiosk(service->lookup(assemblyId, code));
                   return entryResponse(*service, assemblyId, req);
               });
}

}  // namespace

void addPaperBallotRoutes(Router& router, Hub& hub, Database& db, KioskService& kiosks) {
    auto service = std::make_shared<PaperBallotService>(hub, db);
    // Operators only: the PDF carries every ballot's valid check value.
    router.add("GET", "/api/v1/assemblies/{id}/ballots.pdf", kOperator,
               [service](const Request& req) {
                   Response r;
                   r.contentType = "application/pdf";
                   r.headers["Content-Disposition"] =
                       "attachment; filename=\"" + req.params.at("id") + "-ballots.pdf\"";
                   r.body = service->ballotsPdf(req.params.at("id"));
                   return r;
               });
    router.add("POST", "/api/v1/assemblies/{id}/paper-ballots/lookup", kStaffWork,
               [service](const Request& req) {
                   const auto body = api::parseObject(req.body);
                   const auto view =
                       service->lookup(req.params.at("id"), api::requiredString(*body, "code"));
                   return Response::json(200, render(ballotJson(view)));
               });
    router.add("POST", "/api/v1/assemblies/{id}/paper-ballots/entries", kStaffWork,
               [service](const Request& req) {
                   return entryResponse(*service, req.params.at("id"), req);
               });
    router.add(
        "GET", "/api/v1/assemblies/{id}/paper-ballots/mismatches", kStaffWork,
        [service](const Request& req) {
            return Response::json(
                200, render(api::arrayOf(service->mismatches(req.params.at("id")), mismatchJson)));
        });
    addKioskPaperRoutes(router, hub, kiosks, service);
}

}  // namespace veche::hub
