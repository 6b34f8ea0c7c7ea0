#include "json_io.h"
#include "roles.h"
#include "veche/core/phone.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

Poco::JSON::Object linkJson(const LinkRequest& r) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", r.id);
    o.set("phone", r.phone);
    o.set("building_id", r.buildingId);
    o.set("premises", r.premises);
    o.set("status", r.status);
    o.set("owner_id", r.ownerId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.ownerId));
    o.set("requested_at", api::isoTime(r.requestedAt));
    o.set("requested_via", r.requestedVia);
    o.set("decided_at",
          r.decidedAt ? Poco::Dynamic::Var(api::isoTime(*r.decidedAt)) : Poco::Dynamic::Var());
    o.set("decided_by", r.decidedBy);
    o.set("reason", r.reason);
    return o;
}

Poco::JSON::Object consentJson(const Consent& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", c.id);
    o.set("kind", c.kind);
    o.set("text_version", c.textVersion);
    o.set("given_at", api::isoTime(c.givenAt));
    o.set("channel", c.channel);
    o.set("withdrawn_at",
          c.withdrawnAt ? Poco::Dynamic::Var(api::isoTime(*c.withdrawnAt)) : Poco::Dynamic::Var());
    o.set("withdrawn_via", c.withdrawnVia);
    return o;
}

}  // namespace

void addResidentRoutes(Router& router, Hub& hub) {
    router.add("PUT", "/api/v1/buildings/{id}/owner-phones", kOperator, [&hub](const Request& req) {
        const std::string& id = req.params.at("id");
        if (!hub.territories().building(id)) {
            throw ApiError::notFound("building " + id);
        }
        const core::Problems problems = hub.residents().importOwnerPhones(id, req.body);
        if (!problems.empty()) {
            return api::problemsResponse(problems, "owner_phones.csv");
        }
        return Response::json(200, R"({"status":"imported"})");
    });
    router.add("GET", "/api/v1/phones/{phone}", kAuditors, [&hub](const Request& req) {
        const auto phone = core::normalisePhone(req.params.at("phone"));
        if (!phone) {
            throw ApiError::invalid("phone", "a Russian mobile number: 11 digits from +7 or 8");
        }
        ResidentStore& store = hub.residents().store();
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("phone", *phone);
        o.set("verified", store.isVerified(*phone));
        Poco::JSON::Array consents, links;
        for (const Consent& c : store.consents(*phone)) {
            consents.add(consentJson(c));
        }
        for (const LinkRequest& r : store.linkRequestsOf(*phone)) {
            links.add(linkJson(r));
        }
        o.set("consents", consents);
        o.set("links", links);
        return Response::json(200, render(o));
    });
    router.add("GET", "/api/v1/link-requests", kStaffWork, [&hub](const Request& req) {
        const auto status = req.query.find("status");
        return Response::json(
            200, render(api::arrayOf(hub.residents().store().linkRequests(
                                         status == req.query.end() ? "pending" : status->second),
                                     linkJson)));
    });
    router.add(
        "POST", "/api/v1/link-requests/{id}/confirm", kStaffWork, [&hub](const Request& req) {
            const auto body = api::parseObject(req.body);
            return Response::json(
                200,
                render(linkJson(hub.residents().confirmLink(
                    req.params.at("id"), api::requiredString(*body, "owner_id"), req.tokenId))));
        });
    router.add("POST", "/api/v1/link-requests/{id}/reject", kStaffWork, [&hub](const Request& req) {
        const auto body = api::parseObject(req.body);
        return Response::json(
            200, render(linkJson(hub.residents().rejectLink(
                     req.params.at("id"), api::requiredString(*body, "reason"), req.tokenId))));
    });
}

}  // namespace veche::hub
