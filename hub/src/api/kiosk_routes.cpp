#include <charconv>

#include "json_io.h"
#include "roles.h"
#include "veche/hub/api/routes.h"
#include "veche/hub/http/api_error.h"
#include "veche/signing/phone_hash.h"

namespace veche::hub {
namespace {

using api::render;
using namespace api::roles;

constexpr std::size_t kMaxEventsPerPush = 1000;

// A whole number in range, or ApiError 400 naming the field.
template <typename T>
T requiredInteger(const Poco::JSON::Object& o, const std::string& field, const char* what) {
    const Poco::Dynamic::Var v = o.get(field);
    try {
        if (!v.isEmpty() && v.isInteger()) {
            return v.convert<T>();
        }
    } catch (const Poco::RangeException&) {  // falls through to the same answer
    }
    throw ApiError::invalid(field, field + " must be " + what);
}

Millis requiredMillis(const Poco::JSON::Object& o, const std::string& field) {
    return requiredInteger<Millis>(o, field, "milliseconds since 1970 (an integer)");
}

Ballot ballotOf(const PushedEvent& e, const Poco::JSON::Object& data) {
    Ballot b;
    b.id = e.id;
    b.assemblyId = api::requiredString(data, "assembly_id");
    b.voterId = api::optionalString(data, "voter_id");  // or the phone's linked owner
    b.castAt = e.at;
    b.answers = api::answersFrom(data);
    return b;
}

std::vector<PushedEvent> eventsFrom(const std::string& text) {
    const auto body = api::parseObject(text);
    const Poco::JSON::Array::Ptr list = body->getArray("events");
    if (!list) {
        throw ApiError::invalid("events", "events must be an array");
    }
    if (list->size() > kMaxEventsPerPush) {
        throw ApiError::invalid("events", "at most 1000 events a request");
    }
    std::vector<PushedEvent> events;
    for (unsigned i = 0; i < list->size(); ++i) {
        const Poco::JSON::Object::Ptr e = list->getObject(i);
        const std::string where = "events[" + std::to_string(i) + "]";
        if (!e || !e->getObject("data")) {
            throw ApiError::invalid(where, where + " must be an object with data");
        }
        const Poco::JSON::Object& data = *e->getObject("data");
        PushedEvent event;
        event.id = api::requiredString(*e, "id");
        event.type = api::requiredString(*e, "type");
        event.at = requiredMillis(*e, "at");
        event.payload = render(data);
        event.phone = api::optionalString(data, "phone");
        event.kind = api::optionalString(data, "kind");
        event.textVersion = api::optionalString(data, "text_version");
        event.action = api::optionalString(data, "action");
        event.premises = api::optionalString(data, "premises");
        event.pollId = api::optionalString(data, "poll_id");
        event.category = api::optionalString(data, "category");
        event.text = api::optionalString(data, "text");
        if (data.has("option")) {
            event.option = requiredInteger<int>(data, "option", "a number from 0");
        }
        if (event.type == "ballot") {
            event.ballot = ballotOf(event, data);
        }
        events.push_back(std::move(event));
    }
    return events;
}

Poco::JSON::Object changesJson(const KioskChanges& c) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("cursor", c.cursor);
    Poco::JSON::Object place(Poco::JSON_PRESERVE_KEY_ORDER);
    place.set("kiosk_id", c.kiosk.id);
    place.set("building_id", c.building.id);
    place.set("address", c.building.address);
    place.set("territory_id", c.territory.id);
    place.set("territory_name", c.territory.name);
    o.set("config", place);
    Poco::JSON::Array notices;
    for (const Notice& n : c.notices) {
        Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
        j.set("id", n.id);
        j.set("category", std::string(nameOf(n.category)));
        j.set("category_title", std::string(titleOf(n.category)));
        j.set("title", n.title);
        j.set("body", n.body);
        j.set("author", n.author);
        j.set("valid_from", n.validFrom);
        j.set("valid_until", n.validUntil);
        notices.add(j);
    }
    o.set("notices", notices);
    Poco::JSON::Array assemblies;
    for (const Assembly& a : c.assemblies) {
        Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
        j.set("id", a.id);
        j.set("rules", std::string(core::nameOf(a.agenda.rules)));
        j.set("title", a.title);
        j.set("status", std::string(nameOf(a.status)));
        j.set("opens_at", a.opensAt);
        j.set("closes_at", a.closesAt);
        j.set("electronic_binding", a.electronicBinding);
        Poco::JSON::Array items;
        for (const core::AgendaItem& item : a.agenda.items) {
            Poco::JSON::Object i(Poco::JSON_PRESERVE_KEY_ORDER);
            i.set("id", item.id);
            i.set("title", item.title);
            items.add(i);
        }
        j.set("agenda", items);
        assemblies.add(j);
    }
    o.set("assemblies", assemblies);
    Poco::JSON::Array polls;
    for (const Poll& p : c.polls) {
        Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
        j.set("id", p.id);
        j.set("question", p.question);
        j.set("options", api::stringArray(p.options));
        j.set("opens_at", p.opensAt);
        j.set("closes_at", p.closesAt);
        polls.add(j);
    }
    o.set("polls", polls);
    Poco::JSON::Object eligibility(Poco::JSON_PRESERVE_KEY_ORDER);
    eligibility.set("hash", "pbkdf2-hmac-sha256");
    eligibility.set("iterations", signing::kPhoneHashIterations);
    eligibility.set("salt", c.salt);
    Poco::JSON::Array voters;
    for (const auto& [hash, owner] : c.voterHashes) {
        Poco::JSON::Object v(Poco::JSON_PRESERVE_KEY_ORDER);
        v.set("phone_hash", hash);
        v.set("voter_id", owner);
        voters.add(v);
    }
    eligibility.set("voters", voters);
    o.set("eligibility", eligibility);
    return o;
}

}  // namespace

void addKioskRoutes(Router& router, KioskService& kiosks) {
    router.add("POST", "/api/v1/enrolments", kStaffWork, [&kiosks](const Request& req) {
        const auto body = api::parseObject(req.body);
        const EnrolmentCode code = kiosks.issueCode(api::requiredString(*body, "building_id"));
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("code", code.code);
        o.set("building_id", code.buildingId);
        o.set("expires_at", api::isoTime(code.expiresAt));
        return Response::json(201, render(o));
    });
    router.add("POST", "/api/v1/kiosks/{id}/revoke", kStaffWork, [&kiosks](const Request& req) {
        if (!kiosks.revoke(req.params.at("id"))) {
            throw ApiError::notFound("active kiosk " + req.params.at("id"));
        }
        return Response::json(200, R"({"status":"revoked"})");
    });
    router.add("POST", "/api/v1/kiosk/enrol", kPublic, [&kiosks](const Request& req) {
        const auto body = api::parseObject(req.body);
        const Kiosk k = kiosks.enrol(api::requiredString(*body, "code"),
                                     api::requiredString(*body, "public_key"),
                                     api::optionalString(*body, "name"), req.clientAddress);
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("kiosk_id", k.id);
        o.set("building_id", k.buildingId);
        return Response::json(201, render(o));
    });
    router.add("POST", "/api/v1/kiosk/events", kKiosk, [&kiosks](const Request& req) {
        Poco::JSON::Array acks;
        for (const EventAck& a : kiosks.push(kiosks.kiosk(req.tokenId), eventsFrom(req.body))) {
            Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
            o.set("id", a.id);
            o.set("status", a.status);
            if (!a.error.empty()) {
                o.set("error", a.error);
            }
            acks.add(o);
        }
        Poco::JSON::Object body;
        body.set("acks", acks);
        return Response::json(200, render(body));
    });
    router.add("GET", "/api/v1/kiosk/changes", kKiosk, [&kiosks](const Request& req) {
        const auto cursor = req.query.find("cursor");
        Millis since = 0;
        if (cursor != req.query.end()) {
            const std::string& text = cursor->second;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), since);
            if (error != std::errc() || end != text.data() + text.size() || since < 0) {
                throw ApiError::invalid("cursor", "cursor is the number the last sync returned");
            }
        }
        return Response::json(
            200, render(changesJson(kiosks.changes(kiosks.kiosk(req.tokenId), since))));
    });
}

}  // namespace veche::hub
