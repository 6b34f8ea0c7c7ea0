#include "veche/hub/api/routes.h"

#include <Poco/Data/Session.h>
#include <Poco/Zip/Compress.h>

#include <functional>
#include <sstream>

#include "json_io.h"
#include "roles.h"
#include "veche/core/problem.h"
#include "veche/core/result_json.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

Poco::JSON::Object object() {
    return Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Object territoryJson(const Territory& t) {
    auto o = object();
    o.set("id", t.id);
    o.set("name", t.name);
    o.set("created_at", api::isoTime(t.createdAt));
    return o;
}

Poco::JSON::Object buildingJson(const Building& b) {
    auto o = object();
    o.set("id", b.id);
    o.set("territory_id", b.territoryId);
    o.set("address", b.address);
    o.set("created_at", api::isoTime(b.createdAt));
    return o;
}

Response csvResponse(std::string csv) {
    Response r;
    r.contentType = "text/csv; charset=utf-8";
    r.body = std::move(csv);
    return r;
}

void addTerritoryRoutes(Router& router, Hub& hub) {
    router.add("POST", "/api/v1/territories", kOperator, [&hub](const Request& req) {
        const auto body = api::parseObject(req.body);
        const std::string name = api::requiredString(*body, "name");
        if (name.empty()) {
            throw ApiError::invalid("name", "the name is empty");
        }
        return Response::json(201, render(territoryJson(hub.territories().createTerritory(name))));
    });
    router.add("GET", "/api/v1/territories", kReaders, [&hub](const Request&) {
        return Response::json(200,
                              render(api::arrayOf(hub.territories().territories(), territoryJson)));
    });
    router.add("POST", "/api/v1/territories/{id}/buildings", kOperator, [&hub](const Request& req) {
        const auto body = api::parseObject(req.body);
        const std::string address = api::requiredString(*body, "address");
        if (address.empty()) {
            throw ApiError::invalid("address", "the address is empty");
        }
        const auto b = hub.territories().createBuilding(req.params.at("id"), address);
        if (!b) {
            throw ApiError::notFound("territory " + req.params.at("id"));
        }
        return Response::json(201, render(buildingJson(*b)));
    });
    router.add("GET", "/api/v1/territories/{id}/buildings", kReaders, [&hub](const Request& req) {
        if (!hub.territories().territory(req.params.at("id"))) {
            throw ApiError::notFound("territory " + req.params.at("id"));
        }
        return Response::json(
            200,
            render(api::arrayOf(hub.territories().buildings(req.params.at("id")), buildingJson)));
    });
}

void addRegistryRoutes(Router& router, Hub& hub) {
    router.add("PUT", "/api/v1/buildings/{id}/registry", kOperator, [&hub](const Request& req) {
        const std::string& id = req.params.at("id");
        if (!hub.territories().building(id)) {
            throw ApiError::notFound("building " + id);
        }
        const core::Problems problems = hub.territories().replaceRegistry(id, req.body);
        if (!problems.empty()) {
            return api::problemsResponse(problems, "registry.csv");
        }
        const core::Registry registry = hub.territories().registry(id);
        auto o = object();
        o.set("premises", static_cast<Poco::UInt64>(registry.premises.size()));
        o.set("owners", static_cast<Poco::UInt64>(registry.owners.size()));
        o.set("holdings", static_cast<Poco::UInt64>(registry.holdings.size()));
        return Response::json(200, render(o));
    });
    router.add("GET", "/api/v1/buildings/{id}/registry", kAuditors, [&hub](const Request& req) {
        const std::string& id = req.params.at("id");
        if (!hub.territories().building(id)) {
            throw ApiError::notFound("building " + id);
        }
        return csvResponse(core::registryToCsv(hub.territories().registry(id)));
    });
    router.add("PUT", "/api/v1/territories/{id}/members", kOperator, [&hub](const Request& req) {
        const std::string& id = req.params.at("id");
        if (!hub.territories().territory(id)) {
            throw ApiError::notFound("territory " + id);
        }
        const core::Problems problems = hub.territories().replaceMembers(id, req.body);
        if (!problems.empty()) {
            return api::problemsResponse(problems, "members.csv");
        }
        auto o = object();
        o.set("members", static_cast<Poco::UInt64>(hub.territories().members(id).size()));
        return Response::json(200, render(o));
    });
    router.add("GET", "/api/v1/territories/{id}/members", kAuditors, [&hub](const Request& req) {
        const std::string& id = req.params.at("id");
        if (!hub.territories().territory(id)) {
            throw ApiError::notFound("territory " + id);
        }
        return csvResponse(core::membersToCsv(hub.territories().members(id)));
    });
}

void addServiceRoutes(Router& router, Hub& hub, Metrics& metrics, Database& db) {
    router.add("GET", "/healthz", kPublic, [&db, &hub](const Request&) {
        int one = 0;
        db.session() << "SELECT 1", Poco::Data::Keywords::into(one), Poco::Data::Keywords::now;
        auto o = object();
        o.set("status", one == 1 ? "ok" : "degraded");
        o.set("schema_version", db.schemaVersion());
        o.set("time", hub.clock().now());  // kiosks compare their clocks with it
        return Response::json(200, render(o));
    });
    router.add("GET", "/metrics", kPublic, [&metrics](const Request&) {
        Response r;
        r.contentType = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics.render();
        return r;
    });
    metrics.addGauge("veche_ballots_stored", "Ballots stored, from every channel.",
                     [&hub] { return static_cast<double>(hub.ballotStore().count()); });
    // Rows matching a fixed condition (never client input), counted per scrape.
    auto count = [&db](std::string sql, std::function<Millis()> since = {}) {
        return [&db, sql = std::move(sql), since] {
            Poco::Int64 n = 0;
            Poco::Data::Session session = db.session();
            Poco::Data::Statement select(session);
            select << sql, Poco::Data::Keywords::into(n);
            Millis at = since ? since() : 0;
            if (since) {
                select, Poco::Data::Keywords::useRef(at);
            }
            select.execute();
            return static_cast<double>(n);
        };
    };
    const Clock& clock = hub.clock();
    metrics.addGauge("veche_kiosks_enrolled", "Kiosks enrolled and not revoked.",
                     count("SELECT COUNT(*) FROM kiosks WHERE revoked_at IS NULL"));
    metrics.addGauge("veche_kiosks_seen_last_10m", "Kiosks that synced in the last 10 minutes.",
                     count("SELECT COUNT(*) FROM kiosks WHERE revoked_at IS NULL AND "
                           "last_seen_at >= $1",
                           [&clock] { return clock.now() - 10 * 60'000; }));
    metrics.addGauge("veche_link_requests_pending", "Link requests waiting for staff.",
                     count("SELECT COUNT(*) FROM link_requests WHERE status = 'pending'"));
    metrics.addGauge("veche_reports_new", "Problem reports nobody has taken up yet.",
                     count("SELECT COUNT(*) FROM reports WHERE status = 'new'"));
    metrics.addGauge(
        "veche_sms_queue_length", "SMS waiting for a modem or being sent.",
        count("SELECT COUNT(*) FROM sms_outbox WHERE status IN ('queued', 'sending')"));
    metrics.addGauge("veche_sms_failed_last_24h", "SMS that failed for good in the last day.",
                     count("SELECT COUNT(*) FROM sms_outbox WHERE status = 'failed' AND "
                           "created_at >= $1",
                           [&clock] { return clock.now() - 24 * 60 * 60'000LL; }));
}

}  // namespace

void addAssemblyRoutes(Router& router, Hub& hub);
void addNoticeRoutes(Router& router, Hub& hub, SmsService& sms);
void addSmsRoutes(Router& router, SmsService& sms, CodeService& codes);
void addKioskRoutes(Router& router, KioskService& kiosks);
void addKioskMetrics(Metrics& metrics, KioskService& kiosks);
void addResidentRoutes(Router& router, Hub& hub);
void addPollRoutes(Router& router, Hub& hub);
void addProtocolRoutes(Router& router, Hub& hub);
void addPaperBallotRoutes(Router& router, Hub& hub, Database& db, KioskService& kiosks);

void addRoutes(Router& router, Hub& hub, KioskService& kiosks, SmsService& sms, CodeService& codes,
               Metrics& metrics, Database& db) {
    addServiceRoutes(router, hub, metrics, db);
    addTerritoryRoutes(router, hub);
    addRegistryRoutes(router, hub);
    addAssemblyRoutes(router, hub);
    addNoticeRoutes(router, hub, sms);
    addSmsRoutes(router, sms, codes);
    addKioskRoutes(router, kiosks);
    addKioskMetrics(metrics, kiosks);
    addResidentRoutes(router, hub);
    addPollRoutes(router, hub);
    addProtocolRoutes(router, hub);
    addPaperBallotRoutes(router, hub, db, kiosks);
}

}  // namespace veche::hub
