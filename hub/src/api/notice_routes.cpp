#include "json_io.h"
#include "roles.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/sms.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

Notice noticeFrom(const std::string& text) {
    const auto body = api::parseObject(text);
    Notice n;
    n.territoryId = api::requiredString(*body, "territory_id");
    const auto category = parseCategory(api::requiredString(*body, "category"));
    if (!category) {
        throw ApiError::invalid("category",
                                "category is one of housing, public_order, health, "
                                "youth_sport_culture, board, emergency");
    }
    n.category = *category;
    n.title = api::requiredString(*body, "title");
    n.body = api::requiredString(*body, "body");
    n.author = api::requiredString(*body, "author");
    n.validFrom = api::requiredTime(*body, "valid_from");
    n.validUntil = api::requiredTime(*body, "valid_until");
    if (body->has("public")) {
        const Poco::Dynamic::Var isPublic = body->get("public");
        if (!isPublic.isBoolean()) {
            throw ApiError::invalid("public", "public is true or false");
        }
        n.isPublic = isPublic.extract<bool>();
    }
    if (const auto buildings = body->getArray("building_ids")) {
        for (unsigned i = 0; i < buildings->size(); ++i) {
            const Poco::Dynamic::Var id = buildings->get(i);
            if (!id.isString()) {
                throw ApiError::invalid("building_ids", "building_ids must be strings");
            }
            n.buildingIds.push_back(id.extract<std::string>());
        }
    }
    return n;
}

Poco::JSON::Object noticeJson(const Notice& n) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", n.id);
    o.set("territory_id", n.territoryId);
    o.set("building_ids", api::stringArray(n.buildingIds));
    o.set("category", std::string(nameOf(n.category)));
    o.set("category_title", std::string(titleOf(n.category)));
    o.set("title", n.title);
    o.set("body", n.body);
    o.set("author", n.author);
    o.set("valid_from", api::isoTime(n.validFrom));
    o.set("valid_until", api::isoTime(n.validUntil));
    o.set("created_at", api::isoTime(n.createdAt));
    o.set("public", n.isPublic);
    return o;
}

}  // namespace

void addNoticeRoutes(Router& router, Hub& hub, SmsService& sms) {
    router.add("POST", "/api/v1/notices", kNoticeAuthors, [&hub, &sms](const Request& req) {
        const Notice notice = hub.createNotice(noticeFrom(req.body), *req.role);
        auto o = noticeJson(notice);
        o.set("sms_queued", sms.fanOut(notice));
        return Response::json(201, render(o));
    });
    router.add("GET", "/api/v1/notices", kNoticeReaders, [&hub](const Request& req) {
        const auto territory = req.query.find("territory_id");
        if (territory == req.query.end()) {
            throw ApiError::invalid("territory_id", "territory_id is required");
        }
        const auto building = req.query.find("building_id");
        const auto all = req.query.find("all");
        return Response::json(
            200,
            render(api::arrayOf(
                hub.notices(territory->second, building == req.query.end() ? "" : building->second,
                            all == req.query.end() || all->second != "true"),
                noticeJson)));
    });
    router.add("GET", "/api/v1/notices/{id}", kNoticeReaders, [&hub](const Request& req) {
        return Response::json(200, render(noticeJson(hub.notice(req.params.at("id")))));
    });
}

}  // namespace veche::hub
