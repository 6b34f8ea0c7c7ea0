#pragma once

// A hub over real HTTP with a building, its registry and an open owners'
// meeting, for the paper ballot tests.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <memory>
#include <string>

#include "../hub_fixture.h"
#include "veche/hub/paper/paper_ballots.h"

namespace veche::hub::testing {

inline Poco::JSON::Object::Ptr jsonOf(const HttpReply& reply) {
    return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
}

// Premises 3 is held jointly by h and w: one ballot, counted for h.
inline const std::string kPaperRegistry =
    "premises,kind,area,owner_id,owner,share,document,joint\n"
    "1,residential,60,a,Антонова Анна Андреевна,1,Выписка из ЕГРН № 1,\n"
    "2,residential,40,b,Борисов Борис Борисович,1/2,Выписка из ЕГРН № 2,\n"
    "2,residential,40,c,Власова Вера Викторовна,1/2,Выписка из ЕГРН № 2,\n"
    "3,residential,50,h,Муж Михаил Михайлович,1,Выписка из ЕГРН № 3,С\n"
    "3,residential,50,w,Жена Женя Евгеньевна,1,Выписка из ЕГРН № 3,С\n"
    "Н1,nonresidential,50,d,ООО «Дом»,1,Выписка из ЕГРН № 4,\n"
    "4,residential,30,a,Антонова Анна Андреевна,1,Выписка из ЕГРН № 5,\n";

// Opens at day 11, closes at day 25; the clock is at day 12.
class PaperMeeting {
public:
    explicit PaperMeeting(Backend backend = Backend::SQLite)
        : hub(HubSettings{}, backend),
          operatorClient(hub.client(Role::Operator)),
          staff1(hub.client(Role::Staff)),
          staff2(hub.client(Role::Staff)),
          staff3(hub.client(Role::Staff)),
          auditor(hub.client(Role::Auditor)) {
        const std::string territory = hub.hub->territories().createTerritory("ТОС «Садовый»").id;
        const std::string building =
            hub.hub->territories().createBuilding(territory, "г. Тверь, ул. Садовая, д. 12")->id;
        hub.hub->territories().replaceRegistry(building, kPaperRegistry);
        const auto a = operatorClient.post("/api/v1/assemblies", assemblyBody(territory, building));
        if (a.status != 201) {
            throw std::runtime_error("assembly not created: " + a.body);
        }
        assemblyId = jsonOf(a)->getValue<std::string>("id");
        hub.clock.set(hub.start + 12LL * 24 * 3600 * 1000);
    }

    std::string assemblyBody(const std::string& territory, const std::string& building) const {
        return R"({"territory_id": ")" + territory + R"(", "building_id": ")" + building +
               R"(", "rules": "oss-mkd", "form": "absentee", "kind": "extraordinary",
                 "title": "Ремонт крыши", "initiator": "Антонова А. А., кв. 1",
                 "ballot_address": "г. Тверь, ул. Садовая, д. 12, кв. 1",
                 "materials": "у председателя совета дома, кв. 1",
                 "opens_at": ")" +
               hub.dayOffset(11) + R"(", "closes_at": ")" + closesAt() + R"(",
                 "agenda": [{"id": "1", "title": "Избрание председателя собрания", "threshold": "participants_majority"},
                            {"id": "2", "title": "Капитальный ремонт крыши", "threshold": "all_two_thirds"}]})";
    }

    std::string closesAt() const { return hub.dayOffset(25); }

    paper::PersonalBallot ballotOf(const std::string& voter) {
        for (const auto& b :
             paper::PaperBallotService(*hub.hub, hub.database->db()).ballots(assemblyId)) {
            if (b.voterId == voter) {
                return b;
            }
        }
        throw std::runtime_error("no ballot for " + voter);
    }

    std::string path(const std::string& tail) const {
        return "/api/v1/assemblies/" + assemblyId + tail;
    }

    HttpReply enter(HttpClient& client, const std::string& code, const std::string& one,
                    const std::string& two, double receivedDay = 11.5, bool secondPass = false) {
        return client.post(path("/paper-ballots/entries"),
                           R"({"code": ")" + code + R"(", "received_at": ")" +
                               hub.dayOffset(receivedDay) + R"(", "second_pass": )" +
                               (secondPass ? "true" : "false") + R"(, "answers": {"1": ")" + one +
                               R"(", "2": ")" + two + R"("}})");
    }

    // Binding ballots counted so far, and the votes for item `item`.
    int countedBallots() {
        const auto r = auditor.get(path("/results"));
        return jsonOf(r)->getObject("binding")->getValue<int>("ballots");
    }
    std::string votesFor(int item) {
        const auto r = auditor.get(path("/results"));
        return jsonOf(r)
            ->getObject("binding")
            ->getObject("result")
            ->getArray("items")
            ->getObject(static_cast<unsigned>(item))
            ->getValue<std::string>("for");
    }

    HubFixture hub;
    HttpClient operatorClient, staff1, staff2, staff3, auditor;
    std::string assemblyId;
};

}  // namespace veche::hub::testing
