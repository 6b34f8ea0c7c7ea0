#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <charconv>
#include <map>

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

// A telemetry reading, nullopt when missing or null; ApiError naming the
// field (`path`, as modem.signal_percent) when it has the wrong type.
std::optional<double> optionalNumber(const Poco::JSON::Object& o, const std::string& field,
                                     const std::string& path) {
    if (!o.has(field) || o.isNull(field)) {
        return std::nullopt;
    }
    const Poco::Dynamic::Var v = o.get(field);
    if (v.isBoolean() || !v.isNumeric()) {
        throw ApiError::invalid(path, path + " must be a number");
    }
    return v.convert<double>();
}

std::optional<int> optionalInteger(const Poco::JSON::Object& o, const std::string& field,
                                   const std::string& path) {
    if (!o.has(field) || o.isNull(field)) {
        return std::nullopt;
    }
    const Poco::Dynamic::Var v = o.get(field);
    try {
        if (!v.isBoolean() && v.isInteger()) {
            return v.convert<int>();
        }
    } catch (const Poco::RangeException&) {  // falls through to the same answer
    }
    throw ApiError::invalid(path, path + " must be an integer");
}

std::optional<bool> optionalFlag(const Poco::JSON::Object& o, const std::string& field) {
    if (!o.has(field) || o.isNull(field)) {
        return std::nullopt;
    }
    const Poco::Dynamic::Var v = o.get(field);
    if (!v.isBoolean()) {
        throw ApiError::invalid(field, field + " must be true or false");
    }
    return v.extract<bool>();
}

// A member that must be an object when present; nullptr when missing or null.
Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object& o, const std::string& field) {
    if (!o.has(field) || o.isNull(field)) {
        return nullptr;
    }
    const Poco::JSON::Object::Ptr member = o.getObject(field);
    if (!member) {
        throw ApiError::invalid(field, field + " must be an object");
    }
    return member;
}

// How many of "devices" are offline; each must be online or offline.
std::optional<int> devicesOffline(const Poco::JSON::Object& data) {
    const Poco::JSON::Object::Ptr devices = optionalObject(data, "devices");
    if (!devices) {
        return std::nullopt;
    }
    int offline = 0;
    for (const auto& [name, state] : *devices) {
        const std::string text = state.isString() ? state.extract<std::string>() : "";
        if (text != "online" && text != "offline") {
            throw ApiError::invalid("devices." + name,
                                    "devices." + name + " must be online or offline");
        }
        offline += text == "offline" ? 1 : 0;
    }
    return offline;
}

// The readings of a telemetry event's data (docs/kiosk-sync.md); every field
// is optional and unknown ones are kept as sent. ApiError naming the field
// when one has the wrong type; the service checks the ranges.
KioskReadings readingsOf(const Poco::JSON::Object& data) {
    KioskReadings r;
    r.temperatureC = optionalNumber(data, "temperature_c", "temperature_c");
    r.mains = optionalFlag(data, "mains");
    r.batteryPercent = optionalNumber(data, "battery_percent", "battery_percent");
    r.degraded = optionalFlag(data, "degraded");
    r.devicesOffline = devicesOffline(data);
    if (const Poco::JSON::Object::Ptr modem = optionalObject(data, "modem")) {
        r.modemSignalPercent = optionalInteger(*modem, "signal_percent", "modem.signal_percent");
    }
    return r;
}

KioskAlarmChange alarmOf(const Poco::JSON::Object& data) {
    return {api::requiredString(data, "alarm"), api::optionalString(data, "subject"),
            api::requiredString(data, "state"), api::optionalString(data, "detail")};
}

// Reads a telemetry or alarm event's data. A malformed one does not fail the
// push: it keeps the reason, and the hub acks it rejected.
void readHardwareEvent(PushedEvent& event, const Poco::JSON::Object& data) {
    try {
        if (event.type == "telemetry") {
            event.telemetry = readingsOf(data);
        } else {
            event.alarm = alarmOf(data);
        }
    } catch (const ApiError& error) {
        event.malformed = error.what();
    }
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

// Reads the fields of a ballot or an event of a resident's phone.
void readResidentEvent(PushedEvent& event, const Poco::JSON::Object& data) {
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
        if (event.type == "telemetry" || event.type == "alarm") {
            readHardwareEvent(event, data);
        } else {
            readResidentEvent(event, data);
        }
        events.push_back(std::move(event));
    }
    return events;
}

// A request's "settings": an object of strings, empty when missing or null;
// ApiError naming the member that is not a string. The service checks the rest.
KioskSettings settingsFrom(const Poco::JSON::Object& body) {
    const Poco::JSON::Object::Ptr o = optionalObject(body, "settings");
    KioskSettings settings;
    if (!o) {
        return settings;
    }
    for (const auto& [key, value] : *o) {
        if (!value.isString()) {
            throw ApiError::invalid("settings." + key, "settings." + key + " must be a string");
        }
        settings[key] = value.extract<std::string>();
    }
    return settings;
}

Poco::JSON::Object settingsJson(const KioskSettings& settings) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [key, value] : settings) {
        o.set(key, value);
    }
    return o;
}

Poco::JSON::Object codeJson(const EnrolmentCode& code) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("code", code.code);
    o.set("building_id", code.buildingId);
    o.set("expires_at", api::isoTime(code.expiresAt));
    return o;
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
    place.set("settings", settingsJson(c.kiosk.settings));
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

// An ISO time, or null.
Poco::Dynamic::Var timeOrNull(const std::optional<Millis>& t) {
    return t ? Poco::Dynamic::Var(api::isoTime(*t)) : Poco::Dynamic::Var();
}

// The kiosk's latest telemetry data as it sent it, or null.
Poco::Dynamic::Var sensorsOf(const KioskHealth& h) {
    if (h.telemetry.empty()) {
        return {};
    }
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // keeps the sender's order
    return parser.parse(h.telemetry);
}

Poco::JSON::Object kioskJson(const KioskOverview& o) {
    const KioskHealth& h = o.health;
    Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
    j.set("id", h.kiosk.id);
    j.set("name", h.kiosk.name);
    j.set("building_id", h.kiosk.buildingId);
    j.set("address", h.address);
    j.set("enrolled_at", api::isoTime(h.kiosk.enrolledAt));
    j.set("revoked_at", timeOrNull(h.kiosk.revokedAt));
    j.set("last_seen_at", timeOrNull(h.kiosk.lastSeenAt));
    j.set("sync_lag_ms", h.lastEventAt && h.lastReceivedAt
                             ? Poco::Dynamic::Var(*h.lastReceivedAt - *h.lastEventAt)
                             : Poco::Dynamic::Var());
    j.set("telemetry_at", timeOrNull(h.telemetryAt));
    const Poco::Dynamic::Var sensors = sensorsOf(h);
    j.set("sensors", sensors);
    const auto modem = sensors.isEmpty()
                           ? Poco::JSON::Object::Ptr()
                           : sensors.extract<Poco::JSON::Object::Ptr>()->getObject("modem");
    j.set("modem", modem ? Poco::Dynamic::Var(modem) : Poco::Dynamic::Var());
    j.set("open_alarms", api::arrayOf(h.openAlarms, [](const KioskAlarm& a) {
              Poco::JSON::Object alarm(Poco::JSON_PRESERVE_KEY_ORDER);
              alarm.set("alarm", a.alarm);
              alarm.set("subject", a.subject);
              alarm.set("raised_at", timeOrNull(a.raisedAt));
              alarm.set("detail", a.detail);
              return alarm;
          }));
    j.set("status", std::string(nameOf(o.status)));
    j.set("replaced_by", api::orNull(h.kiosk.replacedBy));
    j.set("settings", settingsJson(h.kiosk.settings));
    return j;
}

Poco::JSON::Object alarmRecordJson(const KioskAlarmRecord& r) {
    Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
    j.set("at", api::isoTime(r.at));
    j.set("alarm", r.change.alarm);
    j.set("subject", r.change.subject);
    j.set("state", r.change.state);
    j.set("detail", r.change.detail);
    return j;
}

using Family = Metrics::GaugeFamily;

double seconds(Millis ms) {
    return static_cast<double>(ms) / 1e3;
}

// The per-kiosk gauges (docs/hub.md), filled one kiosk at a time; a gauge
// whose value is unknown is left out.
struct KioskGauges {
    Family seen{"veche_kiosk_last_seen_age_seconds", "Seconds since the kiosk last synced.", {}};
    Family lag{"veche_kiosk_sync_lag_seconds",
               "Seconds from the latest received event's time to its arrival.",
               {}};
    Family alarms{"veche_kiosk_open_alarms", "Open alarms of the kiosk, by kind.", {}};
    Family temperature{"veche_kiosk_temperature_celsius", "The kiosk's temperature.", {}};
    Family onBattery{"veche_kiosk_on_battery", "1 when the kiosk has lost mains power.", {}};
    Family charge{"veche_kiosk_battery_percent", "The kiosk's battery charge.", {}};
    Family signal{"veche_kiosk_modem_signal_percent", "The kiosk modem's signal strength.", {}};
    Family offline{"veche_kiosk_devices_offline", "The kiosk's devices that do not answer.", {}};

    void add(const KioskOverview& o) {
        const KioskHealth& h = o.health;
        const std::pair<std::string, std::string> kiosk{"kiosk", h.kiosk.id};
        if (h.kiosk.lastSeenAt) {
            seen.gauges.push_back(
                {{kiosk, {"building", h.kiosk.buildingId}}, seconds(o.at - *h.kiosk.lastSeenAt)});
        }
        if (h.lastEventAt && h.lastReceivedAt) {
            lag.gauges.push_back({{kiosk}, seconds(*h.lastReceivedAt - *h.lastEventAt)});
        }
        std::map<std::string, int> open;
        for (const KioskAlarm& a : h.openAlarms) {
            ++open[a.alarm];
        }
        for (const auto& [alarm, count] : open) {
            alarms.gauges.push_back({{kiosk, {"alarm", alarm}}, static_cast<double>(count)});
        }
        addReadings(kiosk, h.readings);
    }

    void addReadings(const std::pair<std::string, std::string>& kiosk, const KioskReadings& r) {
        if (r.temperatureC) {
            temperature.gauges.push_back({{kiosk}, *r.temperatureC});
        }
        if (r.mains) {
            onBattery.gauges.push_back({{kiosk}, *r.mains ? 0.0 : 1.0});
        }
        if (r.batteryPercent) {
            charge.gauges.push_back({{kiosk}, *r.batteryPercent});
        }
        if (r.modemSignalPercent && *r.modemSignalPercent >= 0) {  // -1: the modem does not know
            signal.gauges.push_back({{kiosk}, static_cast<double>(*r.modemSignalPercent)});
        }
        if (r.devicesOffline) {
            offline.gauges.push_back({{kiosk}, static_cast<double>(*r.devicesOffline)});
        }
    }

    std::vector<Family> families() && {
        return {std::move(seen),      std::move(lag),    std::move(alarms), std::move(temperature),
                std::move(onBattery), std::move(charge), std::move(signal), std::move(offline)};
    }
};

// The gauges of the kiosks not revoked.
std::vector<Family> kioskGauges(const std::vector<KioskOverview>& kiosks) {
    KioskGauges gauges;
    for (const KioskOverview& o : kiosks) {
        if (!o.health.kiosk.revokedAt) {
            gauges.add(o);
        }
    }
    return std::move(gauges).families();
}

}  // namespace

void addKioskMetrics(Metrics& metrics, KioskService& kiosks) {
    metrics.addGaugeFamilies([&kiosks] { return kioskGauges(kiosks.overview()); });
}

void addKioskRoutes(Router& router, KioskService& kiosks) {
    router.add("POST", "/api/v1/enrolments", kStaffWork, [&kiosks](const Request& req) {
        const auto body = api::parseObject(req.body);
        const EnrolmentCode code =
            kiosks.issueCode(api::requiredString(*body, "building_id"), settingsFrom(*body));
        Poco::JSON::Object o = codeJson(code);
        o.set("settings", settingsJson(code.settings));
        return Response::json(201, render(o));
    });
    router.add("GET", "/api/v1/kiosks", kReaders, [&kiosks](const Request& req) {
        const auto building = req.query.find("building");
        return Response::json(
            200,
            render(api::arrayOf(
                kiosks.overview(building == req.query.end() ? "" : building->second), kioskJson)));
    });
    router.add("GET", "/api/v1/kiosks/{id}", kReaders, [&kiosks](const Request& req) {
        const KioskOverview o = kiosks.overviewOf(req.params.at("id"));
        Poco::JSON::Object j = kioskJson(o);
        j.set("alarm_history", api::arrayOf(o.alarmHistory, alarmRecordJson));
        return Response::json(200, render(j));
    });
    router.add("POST", "/api/v1/kiosks/{id}/revoke", kStaffWork, [&kiosks](const Request& req) {
        if (!kiosks.revoke(req.params.at("id"))) {
            throw ApiError::notFound("active kiosk " + req.params.at("id"));
        }
        return Response::json(200, R"({"status":"revoked"})");
    });
    router.add("POST", "/api/v1/kiosks/{id}/replace", kStaffWork, [&kiosks](const Request& req) {
        const EnrolmentCode code = kiosks.issueReplacement(req.params.at("id"));
        Poco::JSON::Object o = codeJson(code);
        o.set("replaces", code.replaces);
        return Response::json(201, render(o));
    });
    router.add("POST", "/api/v1/kiosk/enrol", kPublic, [&kiosks](const Request& req) {
        const auto body = api::parseObject(req.body);
        const EnrolledKiosk e = kiosks.enrol(
            {api::requiredString(*body, "code"), api::requiredString(*body, "public_key"),
             api::optionalString(*body, "name"), api::optionalString(*body, "building_id")},
            req.clientAddress);
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("kiosk_id", e.kiosk.id);
        o.set("building_id", e.kiosk.buildingId);
        o.set("address", e.building.address);
        o.set("settings", settingsJson(e.kiosk.settings));
        return Response::json(201, render(o));
    });
    router.add("POST", "/api/v1/kiosk/key", kKiosk, [&kiosks](const Request& req) {
        const auto body = api::parseObject(req.body);
        const Kiosk k = kiosks.kiosk(req.tokenId);
        kiosks.rotateKey(k, api::requiredString(*body, "public_key"));
        Poco::JSON::Object o;
        o.set("kiosk_id", k.id);
        return Response::json(200, render(o));
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
