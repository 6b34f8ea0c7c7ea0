// The operator API over real HTTP on loopback.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../hub_fixture.h"
#include "veche/hub/recount.h"

namespace veche::hub {
namespace {

using testing::HttpClient;
using testing::HttpReply;

Poco::JSON::Object::Ptr json(const HttpReply& reply) {
    return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
}

std::string errorField(const HttpReply& reply, const std::string& key) {
    return json(reply)->getObject("error")->getValue<std::string>(key);
}

const std::string kRegistry =
    "premises,kind,area,owner_id,owner,share,document,joint\n"
    "1,residential,60,a,Антонова,1,ЕГРН 1,\n"
    "2,residential,40,b,Борисов,1/2,ЕГРН 2,\n"
    "2,residential,40,c,Власова,1/2,ЕГРН 2,\n"
    "3,residential,50,h,Муж,1,ЕГРН 3,С\n"
    "3,residential,50,w,Жена,1,ЕГРН 3,С\n"
    "Н1,nonresidential,50,d,ООО «Д»,1,ЕГРН 4,\n";

class ApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        operatorClient = std::make_unique<HttpClient>(hub.client(Role::Operator));
        staff = std::make_unique<HttpClient>(hub.client(Role::Staff));
        auditor = std::make_unique<HttpClient>(hub.client(Role::Auditor));
    }

    std::string createBuilding() {
        const auto t = operatorClient->post("/api/v1/territories", R"({"name": "ТОС «Садовый»"})");
        EXPECT_EQ(t.status, 201) << t.body;
        territoryId = json(t)->getValue<std::string>("id");
        const auto b = operatorClient->post("/api/v1/territories/" + territoryId + "/buildings",
                                            R"({"address": "ул. Садовая, д. 12"})");
        EXPECT_EQ(b.status, 201) << b.body;
        return json(b)->getValue<std::string>("id");
    }

    std::string assemblyBody(const std::string& buildingId, double opensInDays = 11) {
        return R"({"territory_id": ")" + territoryId + R"(", "building_id": ")" + buildingId +
               R"(", "rules": "oss-mkd", "form": "absentee", "kind": "extraordinary",
                 "title": "Ремонт крыши", "initiator": "Антонова А. А., кв. 1",
                 "ballot_address": "ул. Садовая, д. 12, кв. 1",
                 "materials": "у председателя совета дома, кв. 1",
                 "opens_at": ")" +
               hub.dayOffset(opensInDays) + R"(",
                 "closes_at": ")" +
               hub.dayOffset(opensInDays + 14) + R"(",
                 "agenda": [{"id": "1", "title": "Председатель собрания", "threshold": "participants_majority"},
                            {"id": "2", "title": "Капремонт крыши", "threshold": "all_two_thirds"}]})";
    }

    // A building with its registry and an assembly that is open now.
    std::string openAssembly() {
        const std::string building = createBuilding();
        EXPECT_EQ(operatorClient
                      ->request("PUT", "/api/v1/buildings/" + building + "/registry", kRegistry,
                                "text/csv")
                      .status,
                  200);
        const auto a = operatorClient->post("/api/v1/assemblies", assemblyBody(building));
        EXPECT_EQ(a.status, 201) << a.body;
        hub.clock.set(hub.start + 12LL * 24 * 3600 * 1000);
        return json(a)->getValue<std::string>("id");
    }

    std::string ballot(const std::string& id, const std::string& voter, const std::string& one,
                       const std::string& two, double day = 11.5) {
        return R"({"id": ")" + id + R"(", "voter_id": ")" + voter + R"(", "cast_at": ")" +
               hub.dayOffset(day) + R"(", "answers": {"1": ")" + one + R"(", "2": ")" + two +
               R"("}})";
    }

    testing::HubFixture hub;
    std::unique_ptr<HttpClient> operatorClient, staff, auditor;
    std::string territoryId;
};

TEST_F(ApiTest, HealthAndMetricsNeedNoToken) {
    const auto health = hub.anonymous().get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(json(health)->getValue<std::string>("status"), "ok");
    hub.anonymous().get("/api/v1/territories");
    const auto metrics = hub.anonymous().get("/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("veche_http_requests_total{route=\"/api/v1/territories\","
                                "method=\"GET\",status=\"401\"} 1"),
              std::string::npos)
        << metrics.body;
    EXPECT_NE(metrics.body.find("veche_ballots_stored 0"), std::string::npos);
    EXPECT_NE(metrics.body.find("veche_kiosks_seen_last_10m 0"), std::string::npos);
    EXPECT_NE(metrics.body.find("veche_link_requests_pending 0"), std::string::npos);
}

TEST_F(ApiTest, TokensAndRolesGuardEveryEndpoint) {
    EXPECT_EQ(hub.anonymous().get("/api/v1/territories").status, 401);
    HttpClient forged(hub.server->port());
    forged.setToken("tok-000000000001.deadbeef");
    EXPECT_EQ(forged.get("/api/v1/territories").status, 401);
    const auto denied = auditor->post("/api/v1/territories", R"({"name": "X"})");
    EXPECT_EQ(denied.status, 403);
    EXPECT_EQ(errorField(denied, "code"), "forbidden");
    EXPECT_EQ(auditor->get("/api/v1/territories").status, 200);

    const std::string token = hub.hub->tokens().create(Role::Operator, "revoked");
    HttpClient revoked(hub.server->port());
    revoked.setToken(token);
    EXPECT_EQ(revoked.get("/api/v1/territories").status, 200);
    ASSERT_TRUE(hub.hub->tokens().revoke(token.substr(0, token.find('.'))));
    EXPECT_EQ(revoked.get("/api/v1/territories").status, 401);
}

TEST_F(ApiTest, BadRequestsGetTheOneErrorShape) {
    EXPECT_EQ(operatorClient->get("/api/v1/nowhere").status, 404);
    EXPECT_EQ(operatorClient->request("DELETE", "/api/v1/territories").status, 405);
    const auto notJson = operatorClient->post("/api/v1/territories", "{name:");
    EXPECT_EQ(notJson.status, 400);
    EXPECT_EQ(errorField(notJson, "code"), "invalid_json");
    const auto noName = operatorClient->post("/api/v1/territories", R"({"title": "X"})");
    EXPECT_EQ(noName.status, 400);
    EXPECT_EQ(errorField(noName, "field"), "name");
    const auto huge = operatorClient->post("/api/v1/territories", std::string((1 << 20) + 1, ' '));
    EXPECT_EQ(huge.status, 413);
    EXPECT_EQ(errorField(huge, "code"), "body_too_large");
    EXPECT_EQ(operatorClient->get("/api/v1/territories/t-none/buildings").status, 404);
    EXPECT_EQ(hub.hub->territories().territories().size(), 0u);  // nothing was created
}

TEST_F(ApiTest, ImportsARegistryOrReportsItsProblemsInTheRecountsWords) {
    const std::string building = createBuilding();
    const auto bad = operatorClient->request(
        "PUT", "/api/v1/buildings/" + building + "/registry",
        "premises,kind,area,owner_id,owner,share,document,joint\n1,residential,54.301,a,A,3/2,,\n",
        "text/csv");
    ASSERT_EQ(bad.status, 400);
    const auto problems = json(bad)->getObject("error")->getArray("problems");
    ASSERT_EQ(problems->size(), 2u);
    EXPECT_EQ(problems->getObject(0)->getValue<std::string>("text"),
              "registry.csv:2: area \"54.301\" has more than 2 decimals");
    EXPECT_EQ(problems->getObject(1)->getValue<std::string>("text"),
              "registry.csv:2: share \"3/2\" is outside (0, 1]");

    const auto good = operatorClient->request("PUT", "/api/v1/buildings/" + building + "/registry",
                                              kRegistry, "text/csv");
    ASSERT_EQ(good.status, 200) << good.body;
    EXPECT_EQ(json(good)->getValue<int>("premises"), 4);
    EXPECT_EQ(json(good)->getValue<int>("holdings"), 5);
    const auto csv = auditor->get("/api/v1/buildings/" + building + "/registry");
    EXPECT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("2,residential,40.00,b,Борисов,1/2,ЕГРН 2,"), std::string::npos);
}

TEST_F(ApiTest, AssemblyFollowsTheLawOnCreation) {
    const std::string building = createBuilding();
    auto noRegistry = operatorClient->post("/api/v1/assemblies", assemblyBody(building));
    EXPECT_EQ(noRegistry.status, 400);
    EXPECT_EQ(errorField(noRegistry, "field"), "building_id");
    operatorClient->request("PUT", "/api/v1/buildings/" + building + "/registry", kRegistry,
                            "text/csv");
    const auto tooSoon = operatorClient->post("/api/v1/assemblies", assemblyBody(building, 9));
    EXPECT_EQ(tooSoon.status, 400);
    EXPECT_EQ(errorField(tooSoon, "field"), "opens_at");
    std::string vague = assemblyBody(building);
    vague.replace(vague.find("Капремонт крыши"), std::string("Капремонт крыши").size(), "Разное");
    EXPECT_EQ(errorField(operatorClient->post("/api/v1/assemblies", vague), "field"), "agenda");
    std::string binding = assemblyBody(building);
    binding.insert(binding.rfind('}'), R"(, "electronic_binding": true)");
    EXPECT_EQ(errorField(operatorClient->post("/api/v1/assemblies", binding), "field"),
              "electronic_binding");

    const auto created = operatorClient->post("/api/v1/assemblies", assemblyBody(building));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(json(created)->getValue<std::string>("status"), "scheduled");
    const std::string id = json(created)->getValue<std::string>("id");
    const auto notice = staff->get("/api/v1/assemblies/" + id + "/notice");
    EXPECT_EQ(notice.status, 200);
    for (const char* part : {"Инициатор собрания: Антонова А. А., кв. 1", "заочное",
                             "Письменные решения принимаются по адресу", "1. Председатель собрания",
                             "2. Капремонт крыши", "С материалами", "ул. Садовая, д. 12"}) {
        EXPECT_NE(notice.body.find(part), std::string::npos) << part << "\n" << notice.body;
    }
}

TEST_F(ApiTest, TheHubOpensAndClosesVotingOnSchedule) {
    const std::string building = createBuilding();
    operatorClient->request("PUT", "/api/v1/buildings/" + building + "/registry", kRegistry,
                            "text/csv");
    const std::string id = json(operatorClient->post("/api/v1/assemblies", assemblyBody(building)))
                               ->getValue<std::string>("id");
    auto status = [&] {
        return json(staff->get("/api/v1/assemblies/" + id))->getValue<std::string>("status");
    };
    EXPECT_EQ(status(), "scheduled");
    const auto early = operatorClient->post("/api/v1/assemblies/" + id + "/ballots",
                                            ballot("p1", "a", "for", "for", 10.9));
    EXPECT_EQ(early.status, 400);
    EXPECT_EQ(errorField(early, "field"), "cast_at");
    hub.clock.set(hub.start + 11LL * 24 * 3600 * 1000);
    EXPECT_EQ(status(), "open");
    hub.clock.set(hub.start + 25LL * 24 * 3600 * 1000);
    EXPECT_EQ(status(), "closed");
}

TEST_F(ApiTest, APaperBallotIsStoredOnceAndCountedOnce) {
    const std::string id = openAssembly();
    const std::string path = "/api/v1/assemblies/" + id + "/ballots";
    const auto first = operatorClient->post(path, ballot("paper-1", "a", "for", "for"));
    EXPECT_EQ(first.status, 201) << first.body;
    const auto again = operatorClient->post(path, ballot("paper-1", "a", "for", "for"));
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(json(again)->getValue<std::string>("status"), "already_stored");
    const auto changed = operatorClient->post(path, ballot("paper-1", "a", "against", "for"));
    EXPECT_EQ(changed.status, 409);
    EXPECT_EQ(
        errorField(operatorClient->post(path, ballot("paper-2", "zz", "for", "for")), "field"),
        "voter_id");
    const auto unknownItem =
        operatorClient->post(path, R"({"id": "p3", "voter_id": "b", "cast_at": ")" +
                                       hub.dayOffset(11.5) + R"(", "answers": {"9": "for"}})");
    EXPECT_EQ(errorField(unknownItem, "field"), "answers.9");
    EXPECT_EQ(hub.hub->ballotStore().count(), 1u);
}

// One staff token's word does not count a paper ballot: staff use double
// entry (paper-ballots/entries); the single entry is the operator's.
TEST_F(ApiTest, StaffMayNotEnterAPaperBallotAlone) {
    const std::string id = openAssembly();
    const std::string path = "/api/v1/assemblies/" + id + "/ballots";
    for (const std::string& body :
         {ballot("paper-1", "a", "for", "for"), std::string("not even json")}) {
        const auto refused = staff->post(path, body);
        EXPECT_EQ(refused.status, 403) << refused.body;
        EXPECT_EQ(errorField(refused, "code"), "forbidden");
        EXPECT_NE(errorField(refused, "message")
                      .find("/api/v1/assemblies/" + id + "/paper-ballots/entries"),
                  std::string::npos)
            << refused.body;
    }
    EXPECT_EQ(auditor->post(path, ballot("paper-1", "a", "for", "for")).status, 403);
    EXPECT_EQ(hub.hub->ballotStore().count(), 0u);
    EXPECT_EQ(operatorClient->post(path, ballot("paper-1", "a", "for", "for")).status, 201);
}

TEST_F(ApiTest, ResultsCountTheEarliestBallotOfEachVoter) {
    const std::string id = openAssembly();
    const std::string path = "/api/v1/assemblies/" + id + "/ballots";
    ASSERT_EQ(operatorClient->post(path, ballot("p-a", "a", "for", "for", 11.6)).status, 201);
    ASSERT_EQ(
        operatorClient->post(path, ballot("p-a-late", "a", "against", "against", 11.9)).status,
        201);
    ASSERT_EQ(operatorClient->post(path, ballot("p-b", "b", "against", "for", 11.2)).status, 201);
    ASSERT_EQ(operatorClient->post(path, ballot("p-w", "w", "for", "abstain")).status, 201);
    const auto results = auditor->get("/api/v1/assemblies/" + id + "/results");
    ASSERT_EQ(results.status, 200) << results.body;
    const auto binding = json(results)->getObject("binding");
    EXPECT_EQ(binding->getValue<int>("ballots"), 3);
    EXPECT_EQ(binding->getValue<int>("repeats"), 1);
    const auto result = binding->getObject("result");
    EXPECT_EQ(result->getValue<std::string>("total"), "200.00");
    EXPECT_EQ(result->getValue<std::string>("participating"), "130.00");  // 60 + 20 + 50
    const auto item1 = result->getArray("items")->getObject(0);
    EXPECT_EQ(item1->getValue<std::string>("for"), "110.00");  // a's first ballot and the couple
    EXPECT_EQ(item1->getValue<std::string>("against"), "20.00");
    EXPECT_EQ(json(results)->getObject("consultative")->getValue<int>("ballots"), 0);
}

TEST_F(ApiTest, TheExportedBundleRecountsToTheHubsResult) {
    const std::string id = openAssembly();
    const std::string path = "/api/v1/assemblies/" + id + "/ballots";
    operatorClient->post(path, ballot("p-a", "a", "for", "for"));
    operatorClient->post(path, ballot("p-c", "c", "abstain", "against"));
    operatorClient->post(path, ballot("p-h", "h", "for", "invalid"));
    operatorClient->post(path, ballot("p-d", "d", "against", "for"));
    const auto zip = auditor->get("/api/v1/assemblies/" + id + "/bundle");
    ASSERT_EQ(zip.status, 200);
    EXPECT_EQ(zip.contentType, "application/zip");

    const auto dir = std::filesystem::temp_directory_path() / ("veche-bundle-" + id);
    std::filesystem::create_directories(dir);
    std::istringstream in(zip.body);
    Poco::Zip::ZipArchive archive(in);
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        std::istringstream again(zip.body);
        Poco::Zip::ZipInputStream entry(again, it->second, true);
        std::ofstream(dir / it->first) << entry.rdbuf();
    }
    std::ostringstream recounted, problems;
    EXPECT_EQ(recount(dir, recounted, problems), kRecountOk) << problems.str();
    std::filesystem::remove_all(dir);

    const auto results = auditor->get("/api/v1/assemblies/" + id + "/results");
    const auto hubResult = json(results)->getObject("binding")->getObject("result");
    const auto recountResult =
        Poco::JSON::Parser().parse(recounted.str()).extract<Poco::JSON::Object::Ptr>();
    std::ostringstream a, b;
    hubResult->stringify(a);
    recountResult->stringify(b);
    EXPECT_EQ(a.str(), b.str());
    EXPECT_NE(a.str().find("\"participating\":\"180.00\""), std::string::npos) << a.str();
}

}  // namespace
}  // namespace veche::hub
