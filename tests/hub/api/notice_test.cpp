// Notices over real HTTP.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "../hub_fixture.h"

namespace veche::hub {
namespace {

using testing::HttpReply;

Poco::JSON::Array::Ptr array(const HttpReply& reply) {
    return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Array::Ptr>();
}

std::string field(const HttpReply& reply, const std::string& key) {
    return Poco::JSON::Parser()
        .parse(reply.body)
        .extract<Poco::JSON::Object::Ptr>()
        ->getValue<std::string>(key);
}

std::string errorField(const HttpReply& reply) {
    return Poco::JSON::Parser()
        .parse(reply.body)
        .extract<Poco::JSON::Object::Ptr>()
        ->getObject("error")
        ->getValue<std::string>("field");
}

class NoticeTest : public ::testing::Test {
protected:
    void SetUp() override {
        const Territory t = hub.hub->territories().createTerritory("ТОС");
        territory = t.id;
        first = hub.hub->territories().createBuilding(t.id, "д. 1")->id;
        second = hub.hub->territories().createBuilding(t.id, "д. 2")->id;
    }

    std::string notice(const std::string& category, const std::string& title, double fromDay,
                       double untilDay, const std::string& buildings = "") {
        return R"({"territory_id": ")" + territory + R"(", "category": ")" + category +
               R"(", "title": ")" + title +
               R"(", "body": "Текст объявления.", "author": "Совет ТОС",
               "valid_from": ")" +
               hub.dayOffset(fromDay) + R"(", "valid_until": ")" + hub.dayOffset(untilDay) +
               R"(")" + (buildings.empty() ? "" : R"(, "building_ids": [")" + buildings + R"("])") +
               "}";
    }

    std::vector<std::string> titles(const HttpReply& reply) {
        std::vector<std::string> out;
        const auto list = array(reply);
        for (unsigned i = 0; i < list->size(); ++i) {
            out.push_back(list->getObject(i)->getValue<std::string>("title"));
        }
        return out;
    }

    testing::HubFixture hub;
    std::string territory, first, second;
};

TEST_F(NoticeTest, ResidentsSeeCurrentNoticesForTheirBuildingEmergencyFirst) {
    auto op = hub.client(Role::Operator);
    ASSERT_EQ(op.post("/api/v1/notices", notice("housing", "Отключение воды", -1, 3)).status, 201);
    hub.clock.advance(1000);
    ASSERT_EQ(op.post("/api/v1/notices", notice("board", "Субботник", -1, 3, second)).status, 201);
    hub.clock.advance(1000);
    ASSERT_EQ(op.post("/api/v1/notices", notice("youth_sport_culture", "Турнир", 5, 9)).status,
              201);
    auto service = hub.client(Role::Service);
    const auto alert =
        service.post("/api/v1/notices", notice("emergency", "Штормовое предупреждение", -1, 1));
    ASSERT_EQ(alert.status, 201) << alert.body;
    EXPECT_EQ(field(alert, "category_title"), "Экстренное");

    auto staff = hub.client(Role::Staff);
    const auto forFirst =
        staff.get("/api/v1/notices?territory_id=" + territory + "&building_id=" + first);
    ASSERT_EQ(forFirst.status, 200);
    EXPECT_EQ(titles(forFirst),
              (std::vector<std::string>{"Штормовое предупреждение", "Отключение воды"}));
    EXPECT_EQ(
        titles(staff.get("/api/v1/notices?territory_id=" + territory + "&building_id=" + second)),
        (std::vector<std::string>{"Штормовое предупреждение", "Субботник", "Отключение воды"}));
    EXPECT_EQ(titles(staff.get("/api/v1/notices?territory_id=" + territory + "&all=true")).size(),
              4u);

    hub.clock.advance(6LL * 24 * 3600 * 1000);  // the storm and the water cut are over
    EXPECT_EQ(
        titles(staff.get("/api/v1/notices?territory_id=" + territory + "&building_id=" + first)),
        (std::vector<std::string>{"Турнир"}));
}

TEST_F(NoticeTest, ServicesPostOnlyEmergenciesAndBadNoticesAreRefused) {
    auto service = hub.client(Role::Service);
    EXPECT_EQ(service.post("/api/v1/notices", notice("board", "Реклама", 0, 1)).status, 403);
    auto op = hub.client(Role::Operator);
    const auto unknownCategory = op.post("/api/v1/notices", notice("weather", "X", 0, 1));
    EXPECT_EQ(unknownCategory.status, 400);
    EXPECT_EQ(errorField(unknownCategory), "category");
    EXPECT_EQ(errorField(op.post("/api/v1/notices", notice("board", "X", 2, 1))), "valid_until");
    EXPECT_EQ(errorField(op.post("/api/v1/notices", notice("board", "X", 0, 1, "b-none"))),
              "building_ids");
    EXPECT_EQ(op.get("/api/v1/notices?territory_id=t-none").status, 404);
    EXPECT_EQ(op.get("/api/v1/notices").status, 400);
    EXPECT_EQ(hub.hub->notices(territory, "", false).size(), 0u);
}

}  // namespace
}  // namespace veche::hub
