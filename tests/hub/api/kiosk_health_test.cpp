// Kiosk hardware health: telemetry and alarms pushed by signed kiosks over
// real HTTP, as operators list them and as /metrics exports them, on SQLite
// and on PostgreSQL.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "../hub_fixture.h"
#include "veche/hub/http/metrics.h"
#include "veche/provisioning/hub_client.h"

namespace veche::hub {
namespace {

using provisioning::HubAddress;
using provisioning::HubClient;
using provisioning::HubReply;
using testing::Backend;

Poco::JSON::Object::Ptr object(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr array(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>();
}

struct Ack {
    std::string status;
    std::string error;
};

// The full telemetry of docs/kiosk-sync.md, plus a field this hub does not know.
const std::string kTelemetry =
    R"({"temperature_c": 4.5, "mains": false, "battery_percent": 87,
        "relays": {"backlight": true, "heater": false, "fan": false},
        "inputs": {"presence": false, "tamper": false, "door": false},
        "devices": {"io": "online", "climate": "offline"}, "degraded": false,
        "modem": {"signal_percent": 63, "sim": "ready", "operator": "MegaFon"},
        "outbox": {"pending": 3}, "firmware": "io-2.1"})";

class KioskHealthTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        // Not skipped: like the storage suite, these must pass on both backends.
        const char* postgres = std::getenv("VECHE_TEST_POSTGRES");
        ASSERT_TRUE(GetParam() == Backend::SQLite || (postgres != nullptr && *postgres != '\0'))
            << "VECHE_TEST_POSTGRES is not set: run eval \"$(tools/test-postgres.sh)\" first";
        hub = std::make_unique<testing::HubFixture>(HubSettings{}, GetParam());
        territory = hub->hub->territories().createTerritory("ТОС").id;
        building = hub->hub->territories().createBuilding(territory, "д. 1")->id;
        otherBuilding = hub->hub->territories().createBuilding(territory, "д. 2")->id;
        auditor = std::make_unique<testing::HttpClient>(hub->client(Role::Auditor));
    }

    HubClient enrolled(const std::string& name, const std::string& inBuilding = "") {
        auto staff = hub->client(Role::Staff);
        const auto issued = staff.post(
            "/api/v1/enrolments",
            R"({"building_id": ")" + (inBuilding.empty() ? building : inBuilding) + R"("})");
        EXPECT_EQ(issued.status, 201) << issued.body;
        const auto key = signing::KeyPair::generate();
        const auto reply = HubClient::enrol(
            address(), object(issued.body)->getValue<std::string>("code"), key, name);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return HubClient(
            address(), object(reply.body)->getValue<std::string>("kiosk_id"), key,
            [this] { return hub->clock.now(); }, [this] { return "nonce-" + hub->random.hex(8); });
    }

    HubAddress address() { return {"127.0.0.1", hub->server->port()}; }

    // An event of `kiosk` with id "<kiosk id>-<id>".
    static std::string event(const HubClient& kiosk, const std::string& id, const std::string& type,
                             Millis at, const std::string& data) {
        return R"({"id": ")" + kiosk.kioskId() + "-" + id + R"(", "type": ")" + type +
               R"(", "at": )" + std::to_string(at) + R"(, "data": )" + data + "}";
    }

    static std::string alarm(const std::string& name, const std::string& subject,
                             const std::string& state, const std::string& detail = "") {
        return R"({"alarm": ")" + name + R"(", "subject": ")" + subject + R"(", "state": ")" +
               state + R"(", "detail": ")" + detail + R"("})";
    }

    // Pushes `events` and returns their acks.
    static std::vector<Ack> push(HubClient& kiosk, const std::vector<std::string>& events) {
        std::string body = R"({"events": [)";
        for (std::size_t i = 0; i < events.size(); ++i) {
            body += (i ? "," : "") + events[i];
        }
        const HubReply reply = kiosk.send("POST", "/api/v1/kiosk/events", body + "]}");
        EXPECT_EQ(reply.status, 200) << reply.body;
        std::vector<Ack> acks;
        const auto list = object(reply.body)->getArray("acks");
        for (unsigned i = 0; list && i < list->size(); ++i) {
            const auto a = list->getObject(i);
            acks.push_back({a->getValue<std::string>("status"),
                            a->has("error") ? a->getValue<std::string>("error") : ""});
        }
        return acks;
    }

    static std::vector<std::string> statuses(const std::vector<Ack>& acks) {
        std::vector<std::string> out;
        for (const Ack& a : acks) {
            out.push_back(a.status);
        }
        return out;
    }

    Poco::JSON::Object::Ptr kiosk(const std::string& id) {
        const auto reply = auditor->get("/api/v1/kiosks/" + id);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    // Each kiosk's status in the list, as "id=status".
    std::vector<std::string> statusList(const std::string& query = "") {
        const auto reply = auditor->get("/api/v1/kiosks" + query);
        EXPECT_EQ(reply.status, 200) << reply.body;
        std::vector<std::string> out;
        const auto list = array(reply.body);
        for (unsigned i = 0; i < list->size(); ++i) {
            out.push_back(list->getObject(i)->getValue<std::string>("id") + "=" +
                          list->getObject(i)->getValue<std::string>("status"));
        }
        return out;
    }

    std::string metrics() { return hub->anonymous().get("/metrics").body; }

    static std::string iso(Millis t) {
        return Poco::DateTimeFormatter::format(Poco::Timestamp(t * 1000),
                                               Poco::DateTimeFormat::ISO8601_FORMAT);
    }

    std::unique_ptr<testing::HubFixture> hub;
    std::unique_ptr<testing::HttpClient> auditor;
    std::string territory, building, otherBuilding;
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST_P(KioskHealthTest, TelemetryAndAlarmsShowInTheListAndInMetrics) {
    HubClient k = enrolled("Подъезд 1");
    const Millis now = hub->clock.now();
    EXPECT_EQ(
        statuses(push(
            k, {event(k, "t1", "telemetry", now - 3000, kTelemetry),
                event(k, "a1", "alarm", now - 2500, alarm("tamper", "", "raised", "корпус вскрыт")),
                event(k, "a2", "alarm", now - 2200, alarm("device_offline", "climate", "raised")),
                event(k, "a3", "alarm", now - 2000, alarm("device_offline", "reader", "raised"))})),
        (std::vector<std::string>{"stored", "stored", "stored", "stored"}));
    hub->clock.advance(90'000);

    const auto list = array(auditor->get("/api/v1/kiosks").body);
    ASSERT_EQ(list->size(), 1u);
    const auto item = list->getObject(0);
    EXPECT_EQ(item->getValue<std::string>("id"), k.kioskId());
    EXPECT_EQ(item->getValue<std::string>("name"), "Подъезд 1");
    EXPECT_EQ(item->getValue<std::string>("building_id"), building);
    EXPECT_EQ(item->getValue<std::string>("address"), "д. 1");
    EXPECT_TRUE(item->isNull("revoked_at"));
    EXPECT_EQ(item->getValue<std::string>("last_seen_at"), iso(now));
    EXPECT_EQ(item->getValue<Millis>("sync_lag_ms"), 2000);  // of the last event received
    EXPECT_EQ(item->getValue<std::string>("telemetry_at"), iso(now - 3000));
    const auto sensors = item->getObject("sensors");
    ASSERT_TRUE(sensors);
    EXPECT_EQ(sensors->getValue<double>("temperature_c"), 4.5);
    EXPECT_EQ(sensors->getValue<std::string>("firmware"), "io-2.1");  // kept as sent
    EXPECT_EQ(sensors->getObject("outbox")->getValue<int>("pending"), 3);
    EXPECT_EQ(item->getObject("modem")->getValue<std::string>("operator"), "MegaFon");
    const auto open = item->getArray("open_alarms");
    ASSERT_EQ(open->size(), 3u);
    EXPECT_EQ(open->getObject(2)->getValue<std::string>("alarm"), "tamper");
    EXPECT_EQ(open->getObject(2)->getValue<std::string>("subject"), "");
    EXPECT_EQ(open->getObject(2)->getValue<std::string>("raised_at"), iso(now - 2500));
    EXPECT_EQ(open->getObject(2)->getValue<std::string>("detail"), "корпус вскрыт");
    EXPECT_EQ(item->getValue<std::string>("status"), "attention");

    const auto one = kiosk(k.kioskId());
    EXPECT_EQ(one->getValue<std::string>("status"), "attention");
    const auto history = one->getArray("alarm_history");
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ(history->getObject(0)->getValue<std::string>("subject"), "reader");  // newest first
    EXPECT_EQ(history->getObject(0)->getValue<std::string>("at"), iso(now - 2000));
    EXPECT_EQ(history->getObject(2)->getValue<std::string>("alarm"), "tamper");
    EXPECT_EQ(history->getObject(2)->getValue<std::string>("state"), "raised");

    const std::string text = metrics();
    const std::string id = "kiosk=\"" + k.kioskId() + "\"";
    for (const std::string& line : std::vector<std::string>{
             "veche_kiosk_last_seen_age_seconds{" + id + ",building=\"" + building + "\"} 90",
             "veche_kiosk_sync_lag_seconds{" + id + "} 2",
             "veche_kiosk_open_alarms{" + id + ",alarm=\"device_offline\"} 2",
             "veche_kiosk_open_alarms{" + id + ",alarm=\"tamper\"} 1",
             "veche_kiosk_temperature_celsius{" + id + "} 4.5",
             "veche_kiosk_on_battery{" + id + "} 1", "veche_kiosk_battery_percent{" + id + "} 87",
             "veche_kiosk_modem_signal_percent{" + id + "} 63",
             "veche_kiosk_devices_offline{" + id + "} 1",
             std::string("# TYPE veche_kiosk_open_alarms gauge")}) {
        EXPECT_TRUE(has(text, line + "\n")) << line << "\n" << text;
    }
}

TEST_P(KioskHealthTest, EventsOutOfOrderEndInTheStateOfTheLatest) {
    HubClient k = enrolled("Подъезд 1");
    const Millis t = hub->clock.now();
    // Raised, then cleared.
    push(k, {event(k, "d1", "alarm", t - 10'000, alarm("door_open", "", "raised"))});
    push(k, {event(k, "d2", "alarm", t - 6'000, alarm("door_open", "", "cleared"))});
    // The same pair, arriving the other way round.
    push(k, {event(k, "m2", "alarm", t - 5'000, alarm("mains_lost", "", "cleared"))});
    EXPECT_EQ(
        statuses(push(k, {event(k, "m1", "alarm", t - 9'000, alarm("mains_lost", "", "raised"))})),
        (std::vector<std::string>{"stored"}));
    // A newer telemetry first, an older one after it.
    push(k,
         {event(k, "t2", "telemetry", t - 1'000, R"({"temperature_c": 10, "degraded": false})")});
    push(k,
         {event(k, "t1", "telemetry", t - 20'000, R"({"temperature_c": 30, "degraded": true})")});

    auto item = kiosk(k.kioskId());
    EXPECT_EQ(item->getArray("open_alarms")->size(), 0u);
    EXPECT_EQ(item->getValue<std::string>("status"), "ok");
    EXPECT_EQ(item->getObject("sensors")->getValue<double>("temperature_c"), 10);
    EXPECT_EQ(item->getValue<std::string>("telemetry_at"), iso(t - 1'000));
    std::vector<std::string> history;
    const auto records = item->getArray("alarm_history");
    for (unsigned i = 0; i < records->size(); ++i) {
        history.push_back(records->getObject(i)->getValue<std::string>("alarm") + " " +
                          records->getObject(i)->getValue<std::string>("state"));
    }
    EXPECT_EQ(history, (std::vector<std::string>{"mains_lost cleared", "door_open cleared",
                                                 "mains_lost raised", "door_open raised"}));
    EXPECT_FALSE(has(metrics(), "veche_kiosk_open_alarms{kiosk=\"" + k.kioskId()));
    EXPECT_TRUE(
        has(metrics(), "veche_kiosk_temperature_celsius{kiosk=\"" + k.kioskId() + "\"} 10\n"));

    // Raised again later: open, since the time of that raise; a clear from
    // before it, arriving late, changes nothing.
    push(k, {event(k, "d3", "alarm", t - 500, alarm("door_open", "", "raised", "second"))});
    push(k, {event(k, "d4", "alarm", t - 700, alarm("door_open", "", "cleared"))});
    item = kiosk(k.kioskId());
    ASSERT_EQ(item->getArray("open_alarms")->size(), 1u);
    EXPECT_EQ(item->getArray("open_alarms")->getObject(0)->getValue<std::string>("raised_at"),
              iso(t - 500));
    EXPECT_EQ(item->getValue<std::string>("status"), "attention");
}

TEST_P(KioskHealthTest, MalformedTelemetryAndAlarmsAreRejectedNamingTheFieldAndKeptNowhere) {
    HubClient k = enrolled("Подъезд 1");
    const Millis t = hub->clock.now() - 1000;
    const std::vector<std::pair<std::string, std::string>> telemetry = {
        {R"({"temperature_c": 150})", "temperature_c"},
        {R"({"temperature_c": "warm"})", "temperature_c"},
        {R"({"battery_percent": 101})", "battery_percent"},
        {R"({"mains": "yes"})", "mains"},
        {R"({"degraded": 1})", "degraded"},
        {R"({"devices": {"io": "broken"}})", "devices.io"},
        {R"({"devices": ["io"]})", "devices"},
        {R"({"modem": {"signal_percent": 63.5}})", "modem.signal_percent"},
        {R"({"modem": {"signal_percent": -2}})", "modem.signal_percent"},
        {R"({"modem": {"signal_percent": true}})", "modem.signal_percent"},
    };
    const std::vector<std::pair<std::string, std::string>> alarms = {
        {alarm("Tamper!", "", "raised"), "alarm"},
        {R"({"subject": "io", "state": "raised"})", "alarm"},
        {alarm(std::string(41, 'a'), "", "raised"), "alarm"},
        {alarm("device_offline", "IO Board", "raised"), "subject"},
        {alarm("tamper", "", "on"), "state"},
        {R"({"alarm": "tamper", "state": "raised", "detail": 5})", "detail"},
        {alarm("tamper", "", "raised", std::string(501, 'x')), "detail"},
    };
    std::vector<std::string> events;
    for (std::size_t i = 0; i < telemetry.size(); ++i) {
        events.push_back(event(k, "t" + std::to_string(i), "telemetry", t, telemetry[i].first));
    }
    for (std::size_t i = 0; i < alarms.size(); ++i) {
        events.push_back(event(k, "a" + std::to_string(i), "alarm", t, alarms[i].first));
    }
    const std::vector<Ack> acks = push(k, events);
    ASSERT_EQ(acks.size(), telemetry.size() + alarms.size());
    for (std::size_t i = 0; i < acks.size(); ++i) {
        const std::string& field =
            i < telemetry.size() ? telemetry[i].second : alarms[i - telemetry.size()].second;
        EXPECT_EQ(acks[i].status, "rejected") << i;
        EXPECT_EQ(acks[i].error.rfind(field + " ", 0), 0u) << i << ": " << acks[i].error;
    }

    auto item = kiosk(k.kioskId());
    EXPECT_TRUE(item->isNull("sensors"));
    EXPECT_TRUE(item->isNull("telemetry_at"));
    EXPECT_TRUE(item->isNull("sync_lag_ms"));  // nothing was received
    EXPECT_EQ(item->getArray("open_alarms")->size(), 0u);
    EXPECT_EQ(item->getArray("alarm_history")->size(), 0u);
    EXPECT_FALSE(has(metrics(), "veche_kiosk_temperature_celsius{kiosk=\"" + k.kioskId()));

    // The edges are fine, and so is an alarm this hub does not know yet; a
    // rejected id may come again, corrected.
    std::string detail;
    for (int i = 0; i < 500; ++i) {
        detail += "ж";
    }
    EXPECT_EQ(statuses(push(k, {event(k, "t0", "telemetry", t,
                                      R"({"temperature_c": -60, "battery_percent": 0, "mains": true,
                                "modem": {"signal_percent": -1}, "devices": {}})"),
                                event(k, "a0", "alarm", t,
                                      alarm("water_leak", "pump-2", "raised", detail))})),
              (std::vector<std::string>{"stored", "stored"}));
    item = kiosk(k.kioskId());
    EXPECT_EQ(item->getObject("sensors")->getValue<int>("temperature_c"), -60);
    EXPECT_EQ(item->getArray("open_alarms")->getObject(0)->getValue<std::string>("subject"),
              "pump-2");
    const std::string text = metrics();
    const std::string id = "{kiosk=\"" + k.kioskId() + "\"}";
    EXPECT_TRUE(has(text, "veche_kiosk_temperature_celsius" + id + " -60\n")) << text;
    EXPECT_TRUE(has(text, "veche_kiosk_on_battery" + id + " 0\n")) << text;
    EXPECT_TRUE(has(text, "veche_kiosk_devices_offline" + id + " 0\n")) << text;
    EXPECT_FALSE(has(text, "veche_kiosk_modem_signal_percent" + id)) << text;  // unknown
}

TEST_P(KioskHealthTest, ARepeatedPushChangesNothing) {
    HubClient k = enrolled("Подъезд 1");
    const Millis t = hub->clock.now();
    const std::vector<std::string> events = {
        event(k, "t1", "telemetry", t - 4000, R"({"temperature_c": 5})"),
        event(k, "a1", "alarm", t - 3000, alarm("frost", "", "raised")),
    };
    EXPECT_EQ(statuses(push(k, events)), (std::vector<std::string>{"stored", "stored"}));
    hub->clock.advance(60'000);
    EXPECT_EQ(statuses(push(k, events)),
              (std::vector<std::string>{"already_stored", "already_stored"}));
    const auto changed =
        push(k, {event(k, "t1", "telemetry", t - 4000, R"({"temperature_c": 9})")});
    EXPECT_EQ(changed[0].status, "rejected");  // another event under a used id

    const auto item = kiosk(k.kioskId());
    EXPECT_EQ(item->getValue<Millis>("sync_lag_ms"), 3000);  // still the first push's
    EXPECT_EQ(item->getObject("sensors")->getValue<int>("temperature_c"), 5);
    EXPECT_EQ(item->getArray("open_alarms")->size(), 1u);
    EXPECT_EQ(item->getArray("alarm_history")->size(), 1u);
}

TEST_P(KioskHealthTest, StatusFollowsTheHubsClock) {
    HubClient quiet = enrolled("1 never synced");
    HubClient fine = enrolled("2 fine");
    HubClient degraded = enrolled("3 degraded");
    HubClient alarmed = enrolled("4 alarmed");
    HubClient revoked = enrolled("5 revoked");
    const Millis t = hub->clock.now();
    push(fine, {event(fine, "t", "telemetry", t, R"({"degraded": false})")});
    push(degraded, {event(degraded, "t", "telemetry", t, R"({"degraded": true})")});
    push(alarmed, {event(alarmed, "a", "alarm", t, alarm("overheat", "", "raised"))});
    push(revoked, {event(revoked, "t", "telemetry", t, R"({"temperature_c": 20})")});
    auto op = hub->client(Role::Operator);
    ASSERT_EQ(op.post("/api/v1/kiosks/" + revoked.kioskId() + "/revoke", "{}").status, 200);

    const auto all = [&](const std::string& a, const std::string& b, const std::string& c,
                         const std::string& d) {
        return std::vector<std::string>{quiet.kioskId() + "=" + a, fine.kioskId() + "=" + b,
                                        degraded.kioskId() + "=" + c, alarmed.kioskId() + "=" + d,
                                        revoked.kioskId() + "=revoked"};
    };
    EXPECT_EQ(statusList(), all("silent", "ok", "attention", "attention"));
    hub->clock.advance(15 * 60'000);  // not more than 15 minutes yet
    EXPECT_EQ(statusList(), all("silent", "ok", "attention", "attention"));
    hub->clock.advance(1);
    EXPECT_EQ(statusList(), all("silent", "silent", "silent", "silent"));
    push(fine, {});  // any signed request is a sign of life
    EXPECT_EQ(statusList(), all("silent", "ok", "silent", "silent"));

    const std::string text = metrics();
    EXPECT_TRUE(has(text, "veche_kiosk_last_seen_age_seconds{kiosk=\"" + alarmed.kioskId() +
                              "\",building=\"" + building + "\"} 900.001\n"))
        << text;
    EXPECT_FALSE(has(text, "kiosk=\"" + quiet.kioskId() + "\",building"));  // never seen
    EXPECT_FALSE(has(text, "kiosk=\"" + revoked.kioskId() + "\""));
}

TEST_P(KioskHealthTest, ListsABuildingsKiosksAndAnswers404ForWhatIsNotThere) {
    HubClient here = enrolled("Подъезд 1");
    HubClient there = enrolled("Подъезд 1", otherBuilding);
    push(here, {});
    push(there, {});
    EXPECT_EQ(statusList("?building=" + otherBuilding),
              (std::vector<std::string>{there.kioskId() + "=ok"}));
    EXPECT_EQ(statusList().size(), 2u);
    EXPECT_EQ(auditor->get("/api/v1/kiosks?building=b-nowhere").status, 404);
    EXPECT_EQ(auditor->get("/api/v1/kiosks/k-nowhere").status, 404);
    EXPECT_EQ(hub->client(Role::Staff).get("/api/v1/kiosks/" + here.kioskId()).status, 200);
    EXPECT_EQ(hub->client(Role::Service).get("/api/v1/kiosks").status, 403);
    EXPECT_EQ(hub->anonymous().get("/api/v1/kiosks").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, KioskHealthTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto& param) { return testing::nameOf(param.param); });

TEST(MetricsFamilies, EscapeLabelValuesAndWriteNumbersExactly) {
    Metrics metrics;
    metrics.addGaugeFamilies([] {
        return std::vector<Metrics::GaugeFamily>{
            {"veche_test_gauge",
             "A test.",
             {{{{"kiosk", "a\"b\\c\nd"}, {"alarm", "tamper"}}, 1780123.5}, {{}, 0.25}}},
            {"veche_test_empty", "Nothing yet.", {}}};
    });
    EXPECT_EQ(metrics.render().substr(metrics.render().find("# HELP veche_test_gauge")),
              "# HELP veche_test_gauge A test.\n# TYPE veche_test_gauge gauge\n"
              "veche_test_gauge{kiosk=\"a\\\"b\\\\c\\nd\",alarm=\"tamper\"} 1780123.5\n"
              "veche_test_gauge 0.25\n"
              "# HELP veche_test_empty Nothing yet.\n# TYPE veche_test_empty gauge\n");
}

}  // namespace
}  // namespace veche::hub
