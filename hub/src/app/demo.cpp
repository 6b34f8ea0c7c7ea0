#include "veche/hub/app/demo.h"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "veche/core/bundle.h"
#include "veche/core/csv.h"

namespace veche::hub {
namespace {

constexpr Millis kDay = 24LL * 60 * 60 * 1000;

std::string firstOwnerOf(Hub& hub, const std::string& buildingId, const std::string& premises) {
    const core::Registry registry = hub.territories().registry(buildingId);
    for (const core::Holding& h : registry.holdings) {
        if (registry.premises[h.premises].number == premises && !h.owners.empty()) {
            return registry.owners[h.owners.front()].id;
        }
    }
    throw std::runtime_error("the demo bundle has no owner of premises " + premises);
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot be read");
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

bool seedDemo(Hub& hub, const std::filesystem::path& bundle, std::ostream& log) {
    if (!hub.territories().territories().empty()) {
        return false;
    }
    core::Problems problems;
    const auto agenda = core::readAgenda(slurp(bundle / "agenda.json"), problems);
    if (!agenda || agenda->rules != core::RuleSet::OssMkd) {
        throw std::runtime_error(bundle.string() + ": the demo needs an oss-mkd bundle");
    }
    const Territory territory = hub.territories().createTerritory("ТОС «Садовый квартал»");
    const Building building =
        *hub.territories().createBuilding(territory.id, "г. Красногорск, ул. Садовая, д. 12");
    problems = hub.territories().replaceRegistry(building.id, slurp(bundle / "registry.csv"));
    if (!problems.empty()) {
        throw std::runtime_error(core::describe(problems.front()));
    }
    const Millis now = hub.clock().now();
    Assembly a;
    a.territoryId = territory.id;
    a.buildingId = building.id;
    a.agenda = *agenda;
    a.form = Form::Absentee;
    a.title = "Внеочередное общее собрание собственников";
    a.initiator = "Совет дома, председатель Степанов Ю. С., кв. 1";
    a.ballotAddress = "ул. Садовая, д. 12, помещение совета дома (1-й этаж)";
    a.materials = "в помещении совета дома по будням с 18 до 20 часов и на терминале в подъезде";
    a.opensAt = now - 2 * kDay;
    a.closesAt = now + 12 * kDay;
    const Assembly created = hub.createAssembly(a, now - 14 * kDay);

    // The bundle's ballots, entered as paper ballots received at the council's office.
    std::map<std::string, Ballot> byVoter;
    const core::CsvDocument ballots = core::parseCsv(slurp(bundle / "ballots.csv"));
    for (std::size_t i = 1; i < ballots.records.size(); ++i) {
        const auto& f = ballots.records[i].fields;
        Ballot& b = byVoter[f.at(0)];
        b.id = "demo-paper-" + f.at(0);
        b.assemblyId = created.id;
        b.voterId = f.at(0);
        b.channel = Channel::Paper;
        b.castAt = now - kDay;
        b.source = "demo";
        b.answers.emplace_back(f.at(1), core::parseChoice(f.at(2)).value_or(core::Choice::Invalid));
    }
    for (const auto& [voter, ballot] : byVoter) {
        hub.submitBallot(ballot);
    }
    const std::vector<std::pair<NoticeCategory, std::pair<std::string, std::string>>> notices{
        {NoticeCategory::Emergency,
         {"Отключение газа в доме 12",
          "Сегодня с 10:00 до 16:00 в доме отключён газ из-за аварийного ремонта стояка. "
          "Пожалуйста, не пользуйтесь газовыми плитами. Телефон аварийной службы: 104."}},
        {NoticeCategory::Housing,
         {"Промывка системы отопления",
          "С понедельника по среду будет промывка системы отопления. Возможен шум в трубах."}},
        {NoticeCategory::PublicOrder,
         {"Встреча с участковым",
          "В четверг в 18:00 в помещении совета дома участковый уполномоченный ответит на "
          "вопросы жителей."}},
        {NoticeCategory::Health,
         {"Прививка от гриппа",
          "Поликлиника № 2 проводит бесплатную вакцинацию от гриппа. Запись в регистратуре."}},
        {NoticeCategory::YouthSportCulture,
         {"Турнир по шахматам во дворе",
          "В субботу в 12:00 — шахматный турнир для всех возрастов. Доски принесём."}},
        {NoticeCategory::Board,
         {"Найдены ключи",
          "У подъезда № 2 найдена связка ключей. Спросите у председателя совета дома, кв. 1."}},
    };
    for (const auto& [category, text] : notices) {
        Notice n;
        n.territoryId = territory.id;
        n.buildingIds = {building.id};
        n.category = category;
        n.title = text.first;
        n.body = text.second;
        n.author = "Совет ТОС «Садовый квартал»";
        n.validFrom = now - kDay;
        n.validUntil = now + 30 * kDay;
        // Shown by USSD also to numbers the hub does not know.
        n.isPublic =
            category == NoticeCategory::Health || category == NoticeCategory::YouthSportCulture;
        hub.createNotice(n, Role::Operator);
    }
    Poll poll;
    poll.territoryId = territory.id;
    poll.question = "Где поставить новую детскую площадку?";
    poll.options = {"Во дворе дома 12", "У школы", "В сквере на Садовой", "Площадка не нужна"};
    poll.opensAt = now - kDay;
    poll.closesAt = now + 21 * kDay;
    hub.polls().createPoll(poll);
    // A resident of flat 1 with SMS consent: alerts and poll answers by SMS.
    const std::string phone = hub.residents().registerPhone(kDemoPhone, "kiosk");
    hub.residents().giveConsent(phone, "sms", "sms-2026-01", "kiosk");
    const LinkRequest link = hub.residents().requestLink(phone, building.id, "1", "kiosk");
    if (link.status != "confirmed") {
        hub.residents().confirmLink(link.id, firstOwnerOf(hub, building.id, "1"), "demo");
    }
    log << "demo: territory " << territory.id << ", building " << building.id << ", assembly "
        << created.id << " with " << byVoter.size() << " paper ballots\n";
    return true;
}

}  // namespace veche::hub
