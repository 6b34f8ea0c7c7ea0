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

#include <cctype>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include "../hub/hub_fixture.h"
#include "minutes_test_support.h"
#include "veche/core/bundle_writer.h"
#include "veche/core/result_json.h"
#include "veche/hub/app/demo.h"
#include "veche/hub/paper/paper_ballots.h"
#include "veche/hub/recount.h"
#include "veche/paperwork/typography.h"
#include "veche/signing/ed25519.h"

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
        auto clerk = hub->client(Role::Operator);  // the single-entry route is the operator's
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
                    clerk.post("/api/v1/assemblies/" + assembly + "/ballots",
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
                                  "(список — приложение № 4)",
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
                                  "1. Реестр собственников помещений.",
                                  "2. Сообщение о проведении собрания.",
                                  "3. Документы, подтверждающие уведомление о проведении собрания",
                                  "4. Список участников собрания.",
                                  "5. Доверенности",
                                  "(перечень заполняется вручную",
                                  "6. Письменные решения (бюллетени) участников (",
                                  "указывается вручную).",
                                  "7. Реестр полученных решений (бюллетеней).",
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
                                  "Документы, подтверждающие уведомление",
                                  "Способ",
                                  "Приложение № 4",
                                  "Список участников собрания",
                                  "Всего участников",
                                  "Приложение № 5",
                                  "Доверенности",
                                  "Представитель",
                                  "Приложение № 6",
                                  "Письменные решения (бюллетени) участников",
                                  "Листов",
                                  "Всего листов",
                                  "Приложение № 7",
                                  "Реестр полученных решений",
                                  "Всего получено бюллетеней"}));
        EXPECT_EQ(pdf.find("Подпись"), std::string::npos)
            << "an absentee meeting has no one to sign";
        EXPECT_EQ(pdf.find("по способам подачи"), std::string::npos)
            << "electronic votes do not bind";
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

TEST_P(ProtocolApiTest, TheNoticeOnTheKiosksIsInTheProofOfNotification) {
    std::ostringstream log;
    ASSERT_TRUE(seedDemo(*hub->hub, VECHE_SAMPLES "/oss-mkd-sadovaya-12", log));
    const Assembly a = hub->hub->assemblies().front();
    const EnrolmentCode code = hub->stack->kiosks.issueCode(*a.buildingId);
    const EnrolledKiosk kiosk = hub->stack->kiosks.enrol(
        {code.code, signing::KeyPair::generate().publicKeyBase64(), "Подъезд 1", *a.buildingId},
        "127.0.0.1");
    const Notice notice = hub->hub->postAssemblyNotice(a.id).notice;
    hub->clock.advance(5 * kDay);  // a second kiosk, from then on: its own period
    const EnrolmentCode later = hub->stack->kiosks.issueCode(*a.buildingId);
    hub->stack->kiosks.enrol(
        {later.code, signing::KeyPair::generate().publicKeyBase64(), "Подъезд 2", *a.buildingId},
        "127.0.0.1");
    const Millis laterFrom = hub->clock.now();
    hub->clock.advance(8 * kDay);
    const auto reply = exportOf(a.id);
    ASSERT_EQ(reply.status, 200) << reply.body;
    ScratchDir dir;
    minutes::test::writeAll(minutes::test::unzip(reply.body), dir.path());
    const auto day = [](Millis t) {
        return Poco::DateTimeFormatter::format(Poco::Timestamp((t + 180 * 60'000) * 1000),
                                               "%d.%m.%Y");
    };
    const std::string pdf = minutes::test::pdfWords(dir.path() / "protocol.pdf");
    EXPECT_TRUE(inOrder(
        pdf, {"3. Документы, подтверждающие уведомление о проведении собрания "
              "(размещение на терминалах — по данным системы, иные способы "
              "заполняются вручную).",
              "Приложение № 3", "Способ уведомления", "1 размещение сообщения", "Приложение № 4"}));
    // Table cells wrap, so each fact is looked for in the appendix alone.
    const auto from = pdf.find("Приложение № 3 к протоколу");
    const std::string annex = pdf.substr(from, pdf.find("Приложение № 4 к протоколу") - from);
    for (const std::string& fact :
         {"с " + day(notice.validFrom), day(a.closesAt), std::string("Подъезд 1"),
          "(" + kiosk.kiosk.id + ")", std::string("Подъезд 2"), "с " + day(laterFrom),
          std::string("данные системы"), std::string("3 4 5 6 7 8 9")}) {
        EXPECT_NE(annex.find(fact), std::string::npos) << fact << " in " << annex;
    }
}

TEST_P(ProtocolApiTest, APaperHandedInAfterVotingClosedIsInTheRegisterNotCounted) {
    std::ostringstream log;
    ASSERT_TRUE(seedDemo(*hub->hub, VECHE_SAMPLES "/oss-mkd-sadovaya-12", log));
    const Assembly a = hub->hub->assemblies().front();
    const auto ballot =
        paper::PaperBallotService(*hub->hub, hub->database->db()).ballots(a.id).back();
    hub->clock.set(a.closesAt + kDay);
    const std::string late = Poco::DateTimeFormatter::format(
        Poco::Timestamp((a.closesAt + 3'600'000) * 1000), Poco::DateTimeFormat::ISO8601_FORMAT);
    std::string answers;
    for (const core::AgendaItem& item : a.agenda.items) {
        answers += (answers.empty() ? "" : ", ") + ("\"" + item.id + "\": \"for\"");
    }
    const std::string entry = R"({"code": ")" + paper::typedFormOf(ballot.code) +
                              R"(", "received_at": ")" + late + R"(", "answers": {)" + answers +
                              "}}";
    const std::string path = "/api/v1/assemblies/" + a.id + "/paper-ballots/entries";
    ASSERT_EQ(hub->client(Role::Staff).post(path, entry).status, 201);
    ASSERT_EQ(hub->client(Role::Staff).post(path, entry).status, 201);  // another token
    const auto before = hub->hub->results(a.id).binding.ballots;

    const auto reply = exportOf(a.id);
    ASSERT_EQ(reply.status, 200) << reply.body;  // settled: nothing pending
    EXPECT_EQ(hub->hub->results(a.id).binding.ballots, before);
    ScratchDir dir;
    minutes::test::writeAll(minutes::test::unzip(reply.body), dir.path());
    const std::string pdf = minutes::test::pdfWords(dir.path() / "protocol.pdf");
    EXPECT_NE(pdf.find("не учтено как полученные после окончания голосования: 1."),
              std::string::npos);
    EXPECT_NE(pdf.find("нет (поздно)"), std::string::npos);
    EXPECT_NE(pdf.find(ballot.code.ballotId), std::string::npos);  // the cell wraps the rest
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

// A СНТ's general meeting (members, one vote each), очно-заочное, where kiosk
// and SMS votes bind: 4 members on paper (one of them twice), 2 at the kiosk,
// 1 by SMS, of 12.
TEST_P(ProtocolApiTest, ASntMeetingIsWordedForMembersAndShowsWhereTheVotesCameFrom) {
    auto& h = *hub->hub;
    const std::string territory = h.territories().createTerritory("СНТ «Рассвет»").id;
    std::string members = "member_id,name\n";
    for (int i = 1; i <= 12; ++i) {
        members += "m" + std::to_string(i) + ",Член " + std::to_string(i) + "\n";
    }
    ASSERT_EQ(
        operatorClient
            ->request("PUT", "/api/v1/territories/" + territory + "/members", members, "text/csv")
            .status,
        200);
    const auto created = operatorClient->post(
        "/api/v1/assemblies",
        R"({"territory_id": ")" + territory + R"(", "rules": "snt", "form": "mixed",
            "kind": "annual", "title": "Очередное общее собрание", "initiator": "Правление",
            "place": "сторожка", "ballot_address": "сторожка", "materials": "сторожка",
            "electronic_binding": true, "opens_at": ")" +
            hub->dayOffset(15) + R"(", "closes_at": ")" + hub->dayOffset(25) +
            R"(", "agenda": [{"id": "1", "title": "Смета", "threshold": "participants_majority"},
                             {"id": "2", "title": "Взносы", "threshold": "participants_majority"}]})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = object(created.body)->getValue<std::string>("id");
    hub->clock.set(hub->start + 16 * kDay);
    const auto vote = [&](const std::string& ballot, const std::string& voter, Channel channel,
                          core::Choice first, core::Choice second) {
        Ballot b{ballot,
                 id,
                 voter,
                 channel,
                 hub->start + 16 * kDay - 1000,
                 0,
                 "test",
                 {{"1", first}, {"2", second}}};
        EXPECT_EQ(h.submitBallot(b), SubmitOutcome::Stored) << ballot;
    };
    using C = core::Choice;
    for (int i = 1; i <= 4; ++i) {
        vote("p" + std::to_string(i), "m" + std::to_string(i), Channel::Paper, C::For, C::For);
    }
    vote("p5", "m1", Channel::Paper, C::Against, C::Against);  // a repeat: not counted
    vote("k1", "m6", Channel::Kiosk, C::Against, C::For);
    vote("k2", "m7", Channel::Kiosk, C::Against, C::For);
    vote("s1", "m8", Channel::Sms, C::Abstain, C::Against);
    hub->clock.set(hub->start + 26 * kDay);

    const auto reply = exportOf(id);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto files = minutes::test::unzip(reply.body);
    ScratchDir dir;
    minutes::test::writeAll(files, dir.path());
    std::ostringstream recounted, problems;
    ASSERT_EQ(recount(dir.path(), recounted, problems), kRecountOk) << problems.str();
    EXPECT_EQ(files.at("results.json"), recounted.str());
    const std::string pdf = minutes::test::pdfWords(dir.path() / "protocol.pdf");
    const std::string none = " 0 чел.";
    EXPECT_TRUE(inOrder(
        pdf, {"ПРОТОКОЛ № ",
              "очередного общего собрания членов садоводческого (огороднического) "
              "некоммерческого товарищества",
              "территория: СНТ «Рассвет», проводимого в форме очно-заочного голосования",
              "Общее число голосов (членов товарищества, один голос у каждого): 12 чел.",
              "Число участников собрания: 7 (список — приложение № 4); число их голосов: 7 чел.",
              "Кворум имеется. Собрание правомочно",
              "1. Смета",
              "«за» 4 чел.",
              "«против» 2 чел.",
              "В том числе по способам подачи",
              "письменные решения 4 чел." + none + none + none,
              "терминал" + none + " 2 чел." + none + none,
              "SMS" + none + none + " 1 чел." + none,
              "всего 4 чел. 2 чел. 1 чел." + none,
              "более половины голосов участников собрания",
              "2. Взносы",
              "В том числе по способам подачи",
              "письменные решения 4 чел." + none,
              "терминал 2 чел." + none,
              "SMS" + none + " 1 чел.",
              "всего 6 чел. 1 чел.",
              "1. Реестр членов товарищества.",
              "4. Список участников собрания с подписями присутствовавших.",
              "6. Письменные решения (бюллетени) участников (5 шт.;",
              "Председатель собрания",
              "Приложение № 1",
              "Реестр членов товарищества",
              "Член товарищества",
              "Приложение № 4",
              "Подпись",
              "Член 1",
              "Приложение № 6",
              "получено: 5, из них учтено: 4",
              "нет (повторный)",
              "Приложение № 7"}));
    for (const char* owners : {"собственник", "Собственник", "м²", "годового", "ЖК РФ", "чел.."}) {
        EXPECT_EQ(pdf.find(owners), std::string::npos) << owners;
    }
}

// Hundredths of m² in "3 592,96" or "3592.96".
long long hundredths(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            digits += c;
        }
    }
    return std::stoll(digits);
}

// The owners of each joint holding in a registry.csv of randomBuilding.
std::vector<std::vector<std::string>> jointOwners(const std::string& csv) {
    std::map<std::string, std::vector<std::string>> byLabel;
    const std::regex row(R"(,(o\d+),"[^"]*",[^,]*,"[^"]*",(J\d+))");
    for (auto it = std::sregex_iterator(csv.begin(), csv.end(), row); it != std::sregex_iterator();
         ++it) {
        byLabel[(*it)[2]].push_back((*it)[1]);
    }
    std::vector<std::vector<std::string>> joint;
    for (auto& [label, owners] : byLabel) {
        joint.push_back(std::move(owners));
    }
    return joint;
}

// An owners' meeting of a hub declared a regional system, where kiosk votes
// bind: a third of the owners vote on paper, a third at the kiosk, and of
// each joint holding one spouse on paper and the other at the kiosk. Each
// item's channel rows add up to its total, which is the recount's.
TEST_P(ProtocolApiTest, BindingKioskVotesAreShownByChannelAndAddUpToTheRecount) {
    HubSettings regional;
    regional.regionalSystem = true;
    hub = std::make_unique<testing::HubFixture>(regional, GetParam());
    operatorClient = std::make_unique<HttpClient>(hub->client(Role::Operator));
    auto& h = *hub->hub;
    const auto building = minutes::test::randomBuilding(7, 40);
    const auto joint = jointOwners(building.registryCsv);
    ASSERT_FALSE(joint.empty());
    const std::string territory = h.territories().createTerritory("ТОС").id;
    const std::string house = h.territories().createBuilding(territory, "ул. Лесная, д. 9")->id;
    ASSERT_EQ(operatorClient
                  ->request("PUT", "/api/v1/buildings/" + house + "/registry", building.registryCsv,
                            "text/csv")
                  .status,
              200);
    const auto created = operatorClient->post(
        "/api/v1/assemblies",
        R"({"territory_id": ")" + territory + R"(", "building_id": ")" + house +
            R"(", "rules": "oss-mkd", "form": "absentee", "title": "Собрание",
            "initiator": "Лесной А. А.", "ballot_address": "кв. 1", "materials": "кв. 1",
            "electronic_binding": true, "opens_at": ")" +
            hub->dayOffset(11) + R"(", "closes_at": ")" + hub->dayOffset(25) +
            R"(", "agenda": [{"id": "1", "title": "Ремонт", "threshold": "participants_majority"},
                             {"id": "2", "title": "Уборка", "threshold": "all_majority"}]})");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = object(created.body)->getValue<std::string>("id");
    hub->clock.set(hub->start + 12 * kDay);
    std::map<std::string, Channel> channels;
    for (std::size_t i = 0; i < building.ownerIds.size(); ++i) {
        if (i % 3 != 2) {
            channels[building.ownerIds[i]] = i % 3 == 0 ? Channel::Paper : Channel::Kiosk;
        }
    }
    for (const auto& spouses : joint) {
        channels[spouses.front()] = Channel::Paper;
        channels[spouses.back()] = Channel::Kiosk;
    }
    const core::Choice choices[] = {core::Choice::For, core::Choice::Against, core::Choice::Abstain,
                                    core::Choice::For};
    int n = 0;
    for (const auto& [voter, channel] : channels) {
        ++n;
        Ballot b{"b" + std::to_string(n),
                 id,
                 voter,
                 channel,
                 hub->start + 12 * kDay,
                 0,
                 "test",
                 {{"1", choices[n % 4]}, {"2", choices[(n / 2) % 4]}}};
        ASSERT_EQ(h.submitBallot(b), SubmitOutcome::Stored);
    }
    hub->clock.set(hub->start + 26 * kDay);

    const auto files = minutes::test::unzip(exportOf(id).body);
    ScratchDir dir;
    minutes::test::writeAll(files, dir.path());
    std::ostringstream recounted, problems;
    ASSERT_EQ(recount(dir.path(), recounted, problems), kRecountOk) << problems.str();
    const auto items = object(recounted.str())->getArray("items");
    const std::string pdf = minutes::test::pdfWords(dir.path() / "protocol.pdf");
    const std::string amount = R"(((?:\d+ )*\d+,\d\d) м² ?)";
    std::size_t at = 0;
    for (unsigned i = 0; i < items->size(); ++i) {
        SCOPED_TRACE("item " + std::to_string(i + 1));
        at = pdf.find("В том числе по способам подачи решений:", at);
        ASSERT_NE(at, std::string::npos);
        const std::string table = pdf.substr(at, pdf.find("«За» —", at) - at);
        ++at;
        long long sums[4] = {0, 0, 0, 0};
        for (const std::string label : {"письменные", "терминал", "разными", "всего"}) {
            std::smatch row;
            ASSERT_TRUE(std::regex_search(
                table, row, std::regex(label + "[^0-9]*" + amount + amount + amount + amount)))
                << label << " in " << table;
            for (int k = 0; k < 4; ++k) {
                const long long value = hundredths(row[static_cast<std::size_t>(k) + 1]);
                if (label == "всего") {
                    EXPECT_EQ(value, sums[k]) << label << " column " << k;
                } else {
                    sums[k] += value;
                }
            }
        }
        const auto item = items->getObject(i);
        const char* keys[] = {"for", "against", "abstain", "invalid"};
        for (int k = 0; k < 4; ++k) {
            EXPECT_EQ(sums[k], hundredths(item->getValue<std::string>(keys[k]))) << keys[k];
        }
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
