#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>
#include <string>

#include "../hub/hub_fixture.h"

namespace veche::kiosk::testing {

// The building a kiosk stands in, on a test hub.
struct SampleBuilding {
    std::string territory, building, assembly;
};

inline constexpr const char* kSampleOwnerPhone = "+79001112233";  // owner "a", flat 1

// ТОС «Садовый» with ул. Садовая, 12: two flats, the owner of flat 1 listed
// by the registry keeper with kSampleOwnerPhone, and an owners' meeting of
// two items open from a day ago for 30 days.
inline SampleBuilding seedSampleBuilding(hub::testing::HubFixture& hub) {
    constexpr hub::Millis kDay = 24LL * 60 * 60 * 1000;
    SampleBuilding s;
    s.territory = hub.hub->territories().createTerritory("ТОС «Садовый»").id;
    s.building = hub.hub->territories().createBuilding(s.territory, "ул. Садовая, 12")->id;
    hub.hub->territories().replaceRegistry(
        s.building,
        "premises,kind,area,owner_id,owner,share,document,joint\n"
        "1,residential,60,a,Анна,1,,\n2,residential,40,b,Борис,1,,\n");
    if (!hub.hub->residents()
             .importOwnerPhones(s.building,
                                std::string("owner_id,phone\na,") + kSampleOwnerPhone + "\n")
             .empty()) {
        throw std::runtime_error("owner phones not imported");
    }
    hub::Assembly a;
    a.territoryId = s.territory;
    a.buildingId = s.building;
    a.agenda = {core::RuleSet::OssMkd,
                {{"1", "Выбрать совет дома", core::Threshold::ParticipantsMajority},
                 {"2", "Утвердить смету", core::Threshold::ParticipantsMajority}}};
    a.title = "Годовое собрание";
    a.initiator = "Совет дома";
    a.ballotAddress = "кв. 1";
    a.materials = "кв. 1";
    a.opensAt = hub.clock.now() - kDay;
    a.closesAt = hub.clock.now() + 30 * kDay;
    s.assembly = hub.hub->createAssembly(a, hub.clock.now() - 20 * kDay).id;
    return s;
}

// A one-time enrolment code for `building`, as staff get it from the hub.
inline std::string enrolmentCode(hub::testing::HubFixture& hub, const std::string& building) {
    auto staff = hub.client(hub::Role::Staff);
    const auto issued =
        staff.post("/api/v1/enrolments", R"({"building_id": ")" + building + R"("})");
    if (issued.status != 201) {
        throw std::runtime_error("no enrolment code: " + issued.body);
    }
    return Poco::JSON::Parser()
        .parse(issued.body)
        .extract<Poco::JSON::Object::Ptr>()
        ->getValue<std::string>("code");
}

}  // namespace veche::kiosk::testing
