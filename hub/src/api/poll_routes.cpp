#include "json_io.h"
#include "roles.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

Poll pollFrom(const std::string& text) {
    const auto body = api::parseObject(text);
    Poll p;
    p.territoryId = api::requiredString(*body, "territory_id");
    if (const std::string b = api::optionalString(*body, "building_id"); !b.empty()) {
        p.buildingId = b;
    }
    p.question = api::requiredString(*body, "question");
    const auto options = body->getArray("options");
    if (!options) {
        throw ApiError::invalid("options", "options must be an array of answers");
    }
    for (unsigned i = 0; i < options->size(); ++i) {
        const Poco::Dynamic::Var o = options->get(i);
        if (!o.isString()) {
            throw ApiError::invalid("options", "answers are strings");
        }
        p.options.push_back(o.extract<std::string>());
    }
    p.opensAt = api::requiredTime(*body, "opens_at");
    p.closesAt = api::requiredTime(*body, "closes_at");
    return p;
}

Poco::JSON::Object pollJson(const Poll& p) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", p.id);
    o.set("territory_id", p.territoryId);
    o.set("building_id", api::orNull(p.buildingId));
    o.set("question", p.question);
    o.set("options", api::stringArray(p.options));
    o.set("opens_at", api::isoTime(p.opensAt));
    o.set("closes_at", api::isoTime(p.closesAt));
    return o;
}

Poco::JSON::Object reportJson(const Report& r) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", r.id);
    o.set("territory_id", r.territoryId);
    o.set("building_id", api::orNull(r.buildingId));
    o.set("category", r.category);
    o.set("text", r.text);
    o.set("phone", r.phone);
    o.set("channel", r.channel);
    o.set("status", r.status);
    o.set("answer", r.answer);
    o.set("created_at", api::isoTime(r.createdAt));
    o.set("changed_at", api::isoTime(r.changedAt));
    return o;
}

}  // namespace

void addPollRoutes(Router& router, Hub& hub) {
    router.add("POST", "/api/v1/polls", kOperator, [&hub](const Request& req) {
        return Response::json(201, render(pollJson(hub.polls().createPoll(pollFrom(req.body)))));
    });
    router.add("GET", "/api/v1/polls", kReaders, [&hub](const Request& req) {
        const auto territory = req.query.find("territory_id");
        if (territory == req.query.end()) {
            throw ApiError::invalid("territory_id", "territory_id is required");
        }
        return Response::json(200,
                              render(api::arrayOf(hub.polls().polls(territory->second), pollJson)));
    });
    router.add("GET", "/api/v1/polls/{id}/results", kAuditors, [&hub](const Request& req) {
        const Poll p = hub.polls().poll(req.params.at("id"));
        const std::vector<long> counts = hub.polls().results(p.id);
        Poco::JSON::Object o = pollJson(p);
        Poco::JSON::Array answers;
        for (long c : counts) {
            answers.add(c);
        }
        o.set("answers", answers);
        o.set("consultative", true);
        return Response::json(200, render(o));
    });
    router.add("GET", "/api/v1/reports", kStaffWork, [&hub](const Request& req) {
        const auto status = req.query.find("status");
        return Response::json(
            200, render(api::arrayOf(
                     hub.polls().reports(status == req.query.end() ? "new" : status->second),
                     reportJson)));
    });
    router.add("POST", "/api/v1/reports/{id}/status", kStaffWork, [&hub](const Request& req) {
        const auto body = api::parseObject(req.body);
        return Response::json(200, render(reportJson(hub.polls().setStatus(
                                       req.params.at("id"), api::requiredString(*body, "status"),
                                       api::optionalString(*body, "answer")))));
    });
}

}  // namespace veche::hub
