#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "json_io.h"
#include "roles.h"
#include "veche/core/result_json.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/notice.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

template <typename T>
T parsed(const std::optional<T>& value, const std::string& field, const std::string& allowed) {
    if (!value) {
        throw ApiError::invalid(field, field + " must be one of: " + allowed);
    }
    return *value;
}

core::Agenda agendaFrom(const Poco::JSON::Object& body, core::RuleSet rules) {
    core::Agenda agenda{rules, {}};
    const Poco::JSON::Array::Ptr items = body.getArray("agenda");
    if (!items) {
        throw ApiError::invalid("agenda", "agenda must be an array of items");
    }
    for (unsigned i = 0; i < items->size(); ++i) {
        const Poco::JSON::Object::Ptr item = items->getObject(i);
        const std::string where = "agenda[" + std::to_string(i) + "]";
        if (!item) {
            throw ApiError::invalid(where, where + " must be an object");
        }
        const std::string threshold = api::requiredString(*item, "threshold");
        agenda.items.push_back({api::requiredString(*item, "id"),
                                api::requiredString(*item, "title"),
                                parsed(core::parseThreshold(threshold), where + ".threshold",
                                       core::kThresholdNames.list())});
    }
    return agenda;
}

Assembly assemblyFrom(const std::string& text) {
    const auto body = api::parseObject(text);
    Assembly a;
    a.territoryId = api::requiredString(*body, "territory_id");
    if (const std::string building = api::optionalString(*body, "building_id"); !building.empty()) {
        a.buildingId = building;
    }
    const auto rules = parsed(core::parseRuleSet(api::requiredString(*body, "rules")), "rules",
                              core::kRuleSetNames.list());
    a.agenda = agendaFrom(*body, rules);
    a.form =
        parsed(parseForm(api::requiredString(*body, "form")), "form", "in_person, absentee, mixed");
    const std::string kind = api::optionalString(*body, "kind");
    if (!kind.empty() && kind != "annual" && kind != "extraordinary") {
        throw ApiError::invalid("kind", "kind must be annual or extraordinary");
    }
    a.extraordinary = kind != "annual";
    a.title = api::requiredString(*body, "title");
    a.initiator = api::requiredString(*body, "initiator");
    a.place = api::optionalString(*body, "place");
    a.ballotAddress = api::optionalString(*body, "ballot_address");
    a.materials = api::requiredString(*body, "materials");
    a.opensAt = api::requiredTime(*body, "opens_at");
    a.closesAt = api::requiredTime(*body, "closes_at");
    a.electronicBinding = api::optionalBool(*body, "electronic_binding", false);
    return a;
}

Poco::JSON::Object assemblyJson(const Assembly& a) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", a.id);
    o.set("territory_id", a.territoryId);
    o.set("building_id", api::orNull(a.buildingId));
    o.set("rules", std::string(core::nameOf(a.agenda.rules)));
    o.set("form", std::string(nameOf(a.form)));
    o.set("kind", a.extraordinary ? "extraordinary" : "annual");
    o.set("title", a.title);
    o.set("initiator", a.initiator);
    o.set("place", a.place);
    o.set("ballot_address", a.ballotAddress);
    o.set("materials", a.materials);
    o.set("opens_at", api::isoTime(a.opensAt));
    o.set("closes_at", api::isoTime(a.closesAt));
    o.set("electronic_binding", a.electronicBinding);
    o.set("status", std::string(nameOf(a.status)));
    Poco::JSON::Array agenda;
    for (const core::AgendaItem& item : a.agenda.items) {
        Poco::JSON::Object i(Poco::JSON_PRESERVE_KEY_ORDER);
        i.set("id", item.id);
        i.set("title", item.title);
        i.set("threshold", std::string(core::nameOf(item.threshold)));
        agenda.add(i);
    }
    o.set("agenda", agenda);
    return o;
}

// The single-entry route counts a paper ballot on one token's word: staff
// enter paper ballots twice instead (docs/paper-ballots.md).
void requireOperator(const Request& req, const std::string& assemblyId) {
    if (req.role != Role::Operator) {
        throw ApiError(403, "forbidden",
                       "staff enter paper ballots twice: POST /api/v1/assemblies/" + assemblyId +
                           "/paper-ballots/entries; a single entry is for operators only");
    }
}

Ballot ballotFrom(const std::string& assemblyId, const Request& req) {
    const auto body = api::parseObject(req.body);
    Ballot b;
    b.id = api::requiredString(*body, "id");
    b.assemblyId = assemblyId;
    b.voterId = api::requiredString(*body, "voter_id");
    const std::string channel = api::optionalString(*body, "channel");
    if (!channel.empty() && channel != "paper") {
        throw ApiError::invalid("channel",
                                "this route takes paper ballots; kiosk, USSD and SMS "
                                "ballots arrive through their own channels");
    }
    b.channel = Channel::Paper;
    b.castAt = api::requiredTime(*body, "cast_at");
    b.source = req.tokenId;
    b.answers = api::answersFrom(*body);
    return b;
}

std::string resultsJson(const std::string& assemblyId, const AssemblyResults& r,
                        const Assembly& a) {
    auto kind = [&a](const TallyOfKind& k) {
        return "{\"ballots\": " + std::to_string(k.ballots) +
               ", \"repeats\": " + std::to_string(k.repeats) +
               ", \"result\": " + core::resultToJson(a.agenda, k.result) + "}";
    };
    return "{\"assembly_id\": " + core::jsonString(assemblyId) +
           ", \"status\": " + core::jsonString(nameOf(a.status)) +
           ",\n\"binding\": " + kind(r.binding) + ",\n\"consultative\": " + kind(r.consultative) +
           "}\n";
}

std::string zipOf(const core::BundleFiles& files) {
    std::ostringstream zip;
    Poco::Zip::Compress compress(zip, true);
    auto add = [&compress](const std::optional<std::string>& content, const std::string& name) {
        if (content) {
            std::istringstream in(*content);
            compress.addFile(in, Poco::DateTime(), Poco::Path(name),
                             Poco::Zip::ZipCommon::CM_DEFLATE);
        }
    };
    add(files.agenda, "agenda.json");
    add(files.registry, "registry.csv");
    add(files.members, "members.csv");
    add(files.ballots, "ballots.csv");
    compress.close();
    return zip.str();
}

}  // namespace

void addAssemblyRoutes(Router& router, Hub& hub) {
    router.add("POST", "/api/v1/assemblies", kOperator, [&hub](const Request& req) {
        const auto body = api::parseObject(req.body);
        const std::optional<Millis> announced =
            body->has("announced_at") ? std::optional(api::requiredTime(*body, "announced_at"))
                                      : std::nullopt;
        return Response::json(
            201, render(assemblyJson(hub.createAssembly(assemblyFrom(req.body), announced))));
    });
    router.add("GET", "/api/v1/assemblies", kReaders, [&hub](const Request&) {
        return Response::json(200, render(api::arrayOf(hub.assemblies(), assemblyJson)));
    });
    router.add("GET", "/api/v1/assemblies/{id}", kReaders, [&hub](const Request& req) {
        return Response::json(200, render(assemblyJson(hub.assembly(req.params.at("id")))));
    });
    router.add("GET", "/api/v1/assemblies/{id}/notice", kReaders, [&hub](const Request& req) {
        const Assembly a = hub.assembly(req.params.at("id"));
        Response r;
        r.contentType = "text/plain; charset=utf-8";
        r.body = noticeText(a, hub.territories(), hub.settings().utcOffsetMinutes);
        return r;
    });
    router.add("POST", "/api/v1/assemblies/{id}/notice", kOperator, [&hub](const Request& req) {
        const Hub::PostedNotice posted = hub.postAssemblyNotice(req.params.at("id"));
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("id", posted.notice.id);
        o.set("status", posted.alreadyPosted ? "already_posted" : "posted");
        o.set("valid_until", api::isoTime(posted.notice.validUntil));
        return Response::json(posted.alreadyPosted ? 200 : 201, render(o));
    });
    router.add("POST", "/api/v1/assemblies/{id}/ballots", kStaffWork, [&hub](const Request& req) {
        requireOperator(req, req.params.at("id"));
        const Ballot ballot = ballotFrom(req.params.at("id"), req);
        const SubmitOutcome outcome = hub.submitBallot(ballot);
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("id", ballot.id);
        o.set("status", outcome == SubmitOutcome::Stored ? "stored" : "already_stored");
        return Response::json(outcome == SubmitOutcome::Stored ? 201 : 200, render(o));
    });
    router.add("GET", "/api/v1/assemblies/{id}/results", kAuditors, [&hub](const Request& req) {
        const Assembly a = hub.assembly(req.params.at("id"));
        return Response::json(200, resultsJson(a.id, hub.results(a.id), a));
    });
    router.add("GET", "/api/v1/assemblies/{id}/bundle", kAuditors, [&hub](const Request& req) {
        const auto kind = req.query.find("kind");
        const bool binding = kind == req.query.end() || kind->second == "binding";
        if (!binding && kind->second != "consultative") {
            throw ApiError::invalid("kind", "kind is binding or consultative");
        }
        Response r;
        r.contentType = "application/zip";
        r.headers["Content-Disposition"] = "attachment; filename=\"" + req.params.at("id") + "-" +
                                           (binding ? "binding" : "consultative") + ".zip\"";
        r.body = zipOf(hub.bundle(req.params.at("id"), binding));
        return r;
    });
}

}  // namespace veche::hub
