// POST /api/v1/assemblies/{id}/protocol over real HTTP, on SQLite and
// PostgreSQL: the protocol's numbers equal the recount of the exported
// bundle, its sections come in order, the ODT is well formed, the manifest
// verifies; bad requests are refused naming the field.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "../hub/hub_fixture.h"
#include "minutes_test_support.h"
#include "veche/core/bundle_writer.h"
#include "veche/core/result_json.h"
#include "veche/hub/app/demo.h"
#include "veche/hub/recount.h"
#include "veche/paperwork/typography.h"

namespace veche::hub {
namespace {

using minutes::test::collapsed;
using minutes::test::inOrder;
using minutes::test::ScratchDir;
using testing::Backend;
using testing::HttpClient;
using testing::HttpReply;

constexpr Millis kDay = 24LL * 60 * 60 * 1000;

const std::string kDetails =
    R"({"chair": "Степанов Юрий Сергеевич, кв. 1", "secretary": "Иванова Мария Петровна, кв. 12",
        "counters": ["Петров Пётр Петрович, кв. 30", "Сидорова Анна Андреевна, кв. 41"],
        "storage": "ул. Садовая, д. 12, помещение совета дома, шкаф № 2",
        "number": "ОСС-2026-000123", "counted_on": "2026-11-26"})";

Poco::JSON::Object::Ptr object(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string area(const std::string& decimal, paperwork::Grouping grouping) {
    return collapsed(paperwork::formatDecimal(decimal, 2, grouping) + " м²");
}

class ProtocolApiTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        const char* postgres = std::getenv("VECHE_TEST_POSTGRES");
        ASSERT_TRUE(GetParam() == Backend::SQLite || (postgres != nullptr && *postgres != '\0'))
            << "VECHE_TEST_POSTGRES is not set: run eval \"$(tools/test-postgres.sh)\" first";
        hub = std::make_unique<testing::HubFixture>(HubSettings{}, GetParam());
        operatorClient = std::make_unique<HttpClient>(hub->client(Role::Operator));
    }

    HttpReply exportOf(const std::string& id, const std::string& body = kDetails) {
        return operatorClient->post("/api/v1/assemblies/" + id + "/protocol", body);
    }

    // The same with Poco's client, to see the headers too.
    HttpReply exportWithHeaders(const std::string& id, std::string& disposition) {
        Poco::Net::HTTPClientSession session("127.0.0.1", hub->server->port());
        session.setTimeout(Poco::Timespan(300, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                       "/api/v1/assemblies/" + id + "/protocol",
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Authorization",
                    "Bearer " + hub->hub->tokens().create(Role::Operator, "headers"));
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(kDetails.size()));
        session.sendRequest(request) << kDetails;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        HttpReply reply;
        reply.status = static_cast<int>(response.getStatus());
        reply.contentType = response.getContentType();
        Poco::StreamCopier::copyToString(in, reply.body);
        disposition = response.get("Content-Disposition", "");
        return reply;
    }

    // The sample building's meeting (docs/samples), closed.
    std::string sampleAssembly() {
        std::ostringstream log;
        EXPECT_TRUE(seedDemo(*hub->hub, VECHE_SAMPLES "/oss-mkd-sadovaya-12", log));
        hub->clock.advance(13 * kDay);
        return hub->hub->assemblies().front().id;
    }

    // A random building with an assembly of three items, paper ballots from
    // about 70 % of the owners (some twice), a few kiosk ballots; closed.
    std::string randomAssembly(std::uint32_t seed) {
        std::mt19937 rng(seed);
        const auto building = minutes::test::randomBuilding(seed, 40 + static_cast<int>(seed) * 7);
        auto& h = *hub->hub;
        const std::string territory = h.territories().createTerritory("ТОС").id;
        const std::string id = h.territories().createBuilding(territory, "ул. Лесная, д. 7")->id;
        EXPECT_EQ(operatorClient
                      ->request("PUT", "/api/v1/buildings/" + id + "/registry",
                                building.registryCsv, "text/csv")
                      .status,
                  200);
        const char* thresholds[] = {"participants_majority", "all_majority", "all_two_thirds"};
        std::string agenda;
        for (int i = 0; i < 3; ++i) {
            agenda += std::string(i ? "," : "") + R"({"id": ")" + std::to_string(i + 1) +
                      R"(", "title": "Вопрос )" + std::to_string(i + 1) +
                      R"(: ремонт подъезда", "threshold": ")" +
                      thresholds[(seed + static_cast<std::uint32_t>(i)) % 3] + "\"}";
        }
        const auto created = operatorClient->post(
            "/api/v1/assemblies",
            R"({"territory_id": ")" + territory + R"(", "building_id": ")" + id +
                R"(", "rules": "oss-mkd", "form": "absentee", "kind": "annual",
                "title": "Годовое собрание", "initiator": "Лесной А. А., кв. 1",
                "ballot_address": "ул. Лесная, д. 7, кв. 1", "materials": "кв. 1",
                "opens_at": ")" +
                hub->dayOffset(11) + R"(", "closes_at": ")" + hub->dayOffset(25) +
                R"(", "agenda": [)" + agenda + "]}");
        EXPECT_EQ(created.status, 201) << created.body;
        const std::string assembly = object(created.body)->getValue<std::string>("id");
        hub->clock.set(hub->start + 12 * kDay);
        auto staff = hub->client(Role::Staff);
        const char* choices[] = {"for", "for", "against", "abstain", "invalid"};
        auto answers = [&] {
            std::string a;
            for (int i = 1; i <= 3; ++i) {
                a += std::string(i > 1 ? ", " : "") + "\"" + std::to_string(i) + "\": \"" +
                     choices[std::uniform_int_distribution<int>(0, 4)(rng)] + "\"";
            }
            return a;
        };
        int n = 0;
        for (const std::string& voter : building.ownerIds) {
            const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
            if (roll >= 70) {
                continue;
            }
            for (int copy = 0; copy < (roll < 5 ? 2 : 1); ++copy) {  // some vote twice
                ++n;
                const auto r =
                    staff.post("/api/v1/assemblies/" + assembly + "/ballots",
                               R"({"id": "p)" + std::to_string(n) + R"(", "voter_id": ")" + voter +
                                   R"(", "cast_at": ")" + hub->dayOffset(11.2 + 0.005 * n) +
                                   R"(", "answers": {)" + answers() + "}}");
                EXPECT_EQ(r.status, 201) << r.body;
            }
            if (roll < 15) {  // and some also at the kiosk: consultative
                Ballot b;
                b.id = "k" + std::to_string(n);
                b.assemblyId = assembly;
                b.voterId = voter;
                b.channel = Channel::Kiosk;
                b.castAt = hub->start + 12 * kDay - 1000;
                b.source = "kiosk-1";
                b.answers = {{"1", core::Choice::For}, {"2", core::Choice::Against}};
                EXPECT_EQ(h.submitBallot(b), SubmitOutcome::Stored);
            }
        }
        hub->clock.set(hub->start + 26 * kDay);
        return assembly;
    }

    // Everything the export must be, checked on its zip.
    void checkExport(const std::string& assembly, const HttpReply& reply) {
        ASSERT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(reply.contentType, "application/zip");
        const auto files = minutes::test::unzip(reply.body);
        for (const char* name :
             {"protocol.pdf", "protocol.odt", "notice.pdf", "notice.odt", "agenda.json",
              "registry.csv", "ballots.csv", "results.json", "manifest.sha256"}) {
            EXPECT_EQ(files.count(name), 1U) << name;
        }
        // The bundle is exactly the hub's.
        const core::BundleFiles bundle = hub->hub->bundle(assembly, true);
        EXPECT_EQ(files.at("agenda.json"), *bundle.agenda);
        EXPECT_EQ(files.at("registry.csv"), *bundle.registry);
        EXPECT_EQ(files.at("ballots.csv"), *bundle.ballots);

        ScratchDir dir;
        minutes::test::writeAll(files, dir.path());
        std::ostringstream recounted, problems;
        ASSERT_EQ(recount(dir.path(), recounted, problems), kRecountOk) << problems.str();
        EXPECT_EQ(files.at("results.json"), recounted.str());
        checkNumbers(recounted.str(), minutes::test::pdfWords(dir.path() / "protocol.pdf"));
        checkSections(minutes::test::pdfWords(dir.path() / "protocol.pdf"));
        checkOdt(files.at("protocol.odt"));
        checkManifest(dir.path());
        if (files.count("consultative/ballots.csv") != 0) {
            std::ostringstream apart, none;
            ASSERT_EQ(recount(dir.path() / "consultative", apart, none), kRecountOk) << none.str();
            const auto results = hub->hub->results(assembly);
            EXPECT_EQ(apart.str(), core::resultToJson(hub->hub->assembly(assembly).agenda,
                                                      results.consultative.result));
            EXPECT_TRUE(inOrder(minutes::test::pdfWords(dir.path() / "protocol.pdf"),
                                {"Электронное голосование (совещательно)", "«за»"}));
        }
    }

    // The protocol's numbers are those of the recount, item by item.
    static void checkNumbers(const std::string& json, const std::string& pdf) {
        using paperwork::Grouping;
        const auto result = object(json);
        std::vector<std::string> expected{
            "число их голосов: " +
                area(result->getValue<std::string>("participating"), Grouping::Text),
            result->getValue<bool>("quorum") ? "Кворум имеется" : "Кворум отсутствует"};
        const auto items = result->getArray("items");
        for (unsigned i = 0; i < items->size(); ++i) {
            const auto item = items->getObject(i);
            const auto amount = [&item](const char* key) {
                return area(item->getValue<std::string>(key), Grouping::Column);
            };
            expected.push_back("РЕШИЛИ");
            expected.push_back(
                "«за» " + amount("for") + " " +
                collapsed(paperwork::formatPercent(
                    item->getValue<std::string>("for_percent_of_participating"), 2)));
            expected.push_back("«против» " + amount("against"));
            expected.push_back("«воздержались» " + amount("abstain"));
            expected.push_back("недействительно " + amount("invalid"));
            expected.push_back("«За» — " +
                               collapsed(paperwork::formatPercent(
                                   item->getValue<std::string>("for_percent_of_total"), 2)) +
                               " от общего числа голосов");
            expected.push_back(item->getValue<bool>("adopted") ? "Решение принято."
                                                               : "Решение не принято");
        }
        EXPECT_TRUE(inOrder(pdf, expected));
    }

    static void checkSections(const std::string& pdf) {
        EXPECT_TRUE(inOrder(pdf, {"ПРОТОКОЛ № ОСС-2026-000123",
                                  "общего собрания собственников помещений",
                                  "Дата протокола (дата подсчёта голосов): 26 ноября 2026 г.",
                                  "Место проведения:",
                                  "Вводная часть",
                                  "Инициатор собрания:",
                                  "Председатель собрания: Степанов",
                                  "Секретарь собрания: Иванова",
                                  "Счётная комиссия: Петров",
                                  "общее число голосов",
                                  "Число участников собрания",
                                  "Кворум",
                                  "Повестка дня",
                                  "1.",
                                  "Рассмотрение вопросов",
                                  "СЛУШАЛИ:",
                                  "ПРЕДЛОЖЕНО:",
                                  "РЕШИЛИ (ПОСТАНОВИЛИ)",
                                  "Место хранения",
                                  "шкаф № 2",
                                  "Приложения",
                                  "Председатель собрания",
                                  "(подпись)",
                                  "Секретарь собрания",
                                  "Член счётной комиссии",
                                  "Приложение № 1",
                                  "Реестр собственников помещений",
                                  "Приложение № 2",
                                  "СООБЩЕНИЕ",
                                  "Повестка дня",
                                  "Приложение № 3",
                                  "Список участников собрания",
                                  "Всего участников",
                                  "Приложение № 4",
                                  "Реестр полученных решений",
                                  "Всего получено бюллетеней"}));
    }

    static void checkOdt(const std::string& odt) {
        const auto parts = minutes::test::unzip(odt);
        ASSERT_EQ(parts.count("content.xml"), 1U);
        std::istringstream xml(parts.at("content.xml"));
        Poco::XML::InputSource source(xml);
        Poco::XML::DOMParser parser;
        Poco::AutoPtr<Poco::XML::Document> parsed;  // released: the DOM is reference counted
        EXPECT_NO_THROW(parsed = parser.parse(&source));
        EXPECT_TRUE(inOrder(parts.at("content.xml"), {"ПРОТОКОЛ", "СЛУШАЛИ", "Приложение"}));
    }

    static void checkManifest(const std::filesystem::path& dir) {
        const std::string cd = "cd '" + dir.string() + "' && ";
        const auto ok = minutes::test::run(cd + "sha256sum -c manifest.sha256 2>&1");
        EXPECT_EQ(ok.status, 0) << ok.out;
        EXPECT_NE(ok.out.find("protocol.pdf: OK"), std::string::npos) << ok.out;
        std::ofstream(dir / "ballots.csv", std::ios::app) << "o1,1,for\n";
        const auto bad = minutes::test::run(cd + "sha256sum -c manifest.sha256 2>&1");
        EXPECT_NE(bad.status, 0);
        EXPECT_NE(bad.out.find("ballots.csv: FAILED"), std::string::npos) << bad.out;
    }

    std::unique_ptr<testing::HubFixture> hub;
    std::unique_ptr<HttpClient> operatorClient;
};

TEST_P(ProtocolApiTest, TheSampleBuildingsProtocolMatchesTheRecountOfItsBundle) {
    const std::string id = sampleAssembly();
    std::string disposition;
    checkExport(id, exportWithHeaders(id, disposition));
    EXPECT_EQ(disposition, "attachment; filename=\"protocol-" + id + ".zip\"");
}

TEST_P(ProtocolApiTest, RandomBuildingsProtocolsMatchTheRecountOfTheirBundles) {
    for (std::uint32_t seed : {1U, 2U, 3U}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        hub = std::make_unique<testing::HubFixture>(HubSettings{}, GetParam());
        operatorClient = std::make_unique<HttpClient>(hub->client(Role::Operator));
        const std::string id = randomAssembly(seed);
        checkExport(id, exportOf(id));
    }
}

TEST_P(ProtocolApiTest, BadRequestsAreRefusedNamingTheField) {
    const std::string id = sampleAssembly();
    const auto errorOf = [](const HttpReply& r) { return object(r.body)->getObject("error"); };
    const auto unknown = exportOf("no-such-assembly");
    EXPECT_EQ(unknown.status, 404) << unknown.body;
    for (const char* field : {"chair", "secretary", "storage"}) {
        Poco::JSON::Object::Ptr body = object(kDetails);
        body->remove(field);
        std::ostringstream text;
        body->stringify(text);
        const auto missing = exportOf(id, text.str());
        EXPECT_EQ(missing.status, 400) << missing.body;
        EXPECT_EQ(errorOf(missing)->getValue<std::string>("field"), field);
        EXPECT_NE(errorOf(missing)->getValue<std::string>("message").find(field),
                  std::string::npos);
    }
    const auto badDay = exportOf(id, R"({"chair": "А", "secretary": "Б", "storage": "В",
                                         "counted_on": "2026-02-30"})");
    EXPECT_EQ(badDay.status, 400);
    EXPECT_EQ(errorOf(badDay)->getValue<std::string>("field"), "counted_on");
    const auto badCounters = exportOf(id, R"({"chair": "А", "secretary": "Б", "storage": "В",
                                              "counters": "Петров"})");
    EXPECT_EQ(errorOf(badCounters)->getValue<std::string>("field"), "counters");
    EXPECT_EQ(
        hub->client(Role::Staff).post("/api/v1/assemblies/" + id + "/protocol", kDetails).status,
        403);
}

TEST_P(ProtocolApiTest, TheNoticePrintsAsPdfBeforeTheMeeting) {
    std::ostringstream log;
    ASSERT_TRUE(seedDemo(*hub->hub, VECHE_SAMPLES "/oss-mkd-sadovaya-12", log));
    const std::string id = hub->hub->assemblies().front().id;  // open: voting goes on
    const auto pdf = hub->client(Role::Staff).get("/api/v1/assemblies/" + id + "/notice.pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.contentType, "application/pdf");
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("veche-notice-" + id + ".pdf");
    { std::ofstream(file, std::ios::binary) << pdf.body; }
    const std::string words = minutes::test::pdfWords(file);
    std::filesystem::remove(file);
    const auto text = hub->client(Role::Staff).get("/api/v1/assemblies/" + id + "/notice").body;
    const auto firstItem = text.find("\n1. ");
    ASSERT_NE(firstItem, std::string::npos) << text;
    const auto afterNumber = firstItem + 4;  // "\n1. "
    const std::string firstWord =
        text.substr(afterNumber, text.find(' ', afterNumber) - afterNumber);
    EXPECT_TRUE(minutes::test::inOrder(words, {"СООБЩЕНИЕ", "Повестка дня", "1. " + firstWord}))
        << words.substr(0, 600);
    EXPECT_EQ(hub->client(Role::Staff).get("/api/v1/assemblies/a-none/notice.pdf").status, 404);
}

TEST_P(ProtocolApiTest, AnOpenAssemblyHasNoProtocolYet) {
    std::ostringstream log;
    ASSERT_TRUE(seedDemo(*hub->hub, VECHE_SAMPLES "/oss-mkd-sadovaya-12", log));
    const auto open = exportOf(hub->hub->assemblies().front().id);
    EXPECT_EQ(open.status, 409) << open.body;
    EXPECT_EQ(object(open.body)->getObject("error")->getValue<std::string>("code"),
              "voting_not_over");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProtocolApiTest,
                         ::testing::Values(Backend::SQLite, Backend::PostgreSQL),
                         [](const auto& param) { return testing::nameOf(param.param); });

}  // namespace
}  // namespace veche::hub
