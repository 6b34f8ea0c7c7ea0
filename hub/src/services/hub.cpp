#include "veche/hub/services/hub.h"

#include <algorithm>
#include <map>
#include <set>

#include "veche/core/bundle.h"
#include "veche/core/bundle_writer.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/services/notice.h"

namespace veche::hub {
namespace {

constexpr Millis kDay = 24LL * 60 * 60 * 1000;
// A ballot's capture time may run ahead of the hub's clock by this much.
constexpr Millis kClockSkew = 5LL * 60 * 1000;

// Days of notice before the meeting: ОСС at least 10 (ч. 4 ст. 45 ЖК), СНТ at
// least 14 (217-ФЗ); other bodies set theirs in their charters.
Millis noticeDays(core::RuleSet rules) {
    switch (rules) {
        case core::RuleSet::OssMkd:
            return 10;
        case core::RuleSet::Snt:
            return 14;
        default:
            return 0;
    }
}

bool isVagueItem(const std::string& title) {
    static const std::set<std::string> kVague{"Разное",         "разное",       "РАЗНОЕ",
                                              "Прочее",         "прочее",       "Другие вопросы",
                                              "другие вопросы", "Иные вопросы", "иные вопросы"};
    return kVague.count(title) > 0;
}

bool isValidId(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
               c == ':';
    });
}

}  // namespace

Hub::Hub(Database& db, const Clock& clock, Random& random, HubSettings settings)
    : db_(db),
      clock_(clock),
      random_(random),
      settings_(settings),
      territories_(db, clock, random),
      assemblies_(db),
      ballots_(db),
      notices_(db),
      tokens_(db, clock, random),
      residents_(db),
      residentService_(residents_, territories_, clock, random),
      polls_(db),
      pollService_(polls_, residents_, territories_, clock, random) {}

void Hub::validate(const Assembly& a, Millis announcedAt) {
    const auto territory = territories_.territory(a.territoryId);
    if (!territory) {
        throw ApiError::invalid("territory_id", "no territory " + a.territoryId);
    }
    const bool byArea = core::weighsByArea(a.agenda.rules);
    if (byArea && !a.buildingId) {
        throw ApiError::invalid("building_id", "an owners' meeting (oss-mkd) needs a building");
    }
    if (a.buildingId) {
        const auto building = territories_.building(*a.buildingId);
        if (!building || building->territoryId != a.territoryId) {
            throw ApiError::invalid("building_id",
                                    "no building " + *a.buildingId + " in this territory");
        }
    }
    if (a.voters.empty()) {
        throw ApiError::invalid(byArea ? "building_id" : "territory_id",
                                byArea ? "the building has no owners' registry; import it first"
                                       : "the territory has no members list; import it first");
    }
    if (a.title.empty()) {
        throw ApiError::invalid("title", "the title is empty");
    }
    if (a.initiator.empty()) {
        throw ApiError::invalid("initiator", "the initiator is required (ч. 5 ст. 45 ЖК)");
    }
    if (a.form != Form::Absentee && a.place.empty()) {
        throw ApiError::invalid("place", "an in-person or mixed meeting needs a place");
    }
    if (a.form != Form::InPerson && a.ballotAddress.empty()) {
        throw ApiError::invalid("ballot_address",
                                "an absentee or mixed meeting needs the address where written "
                                "decisions are handed in");
    }
    if (a.materials.empty()) {
        throw ApiError::invalid("materials", "say how and where to see the materials");
    }
    if (a.closesAt <= a.opensAt) {
        throw ApiError::invalid("closes_at", "voting must close after it opens");
    }
    if (announcedAt > clock_.now()) {
        throw ApiError::invalid("announced_at", "the announcement date is in the future");
    }
    const Millis notice = noticeDays(a.agenda.rules);
    if (a.opensAt < announcedAt + notice * kDay) {
        throw ApiError::invalid("opens_at", "the meeting must be announced at least " +
                                                std::to_string(notice) + " days ahead");
    }
    if (a.agenda.items.empty()) {
        throw ApiError::invalid("agenda", "the agenda is empty");
    }
    std::set<std::string> ids;
    for (const core::AgendaItem& item : a.agenda.items) {
        if (!isValidId(item.id) || !ids.insert(item.id).second) {
            throw ApiError::invalid("agenda", "item id \"" + item.id +
                                                  "\" is empty, too long, "
                                                  "has odd characters or is repeated");
        }
        if (item.title.empty() || isVagueItem(item.title)) {
            throw ApiError::invalid("agenda",
                                    "item " + item.id + " needs a specific wording (no «Разное»)");
        }
    }
    if (a.electronicBinding) {
        if (a.agenda.rules == core::RuleSet::OssMkd && !settings_.regionalSystem) {
            throw ApiError::invalid(
                "electronic_binding",
                "electronic votes bind an owners' meeting only in ГИС ЖКХ or a regional system "
                "(ст. 47.1 ЖК); this hub is not declared one");
        }
        if (a.agenda.rules == core::RuleSet::Skhod) {
            throw ApiError::invalid("electronic_binding", "a сход votes in person");
        }
    }
}

Assembly Hub::createAssembly(Assembly draft, std::optional<Millis> announcedAt) {
    draft.voters.clear();
    if (core::weighsByArea(draft.agenda.rules) && draft.buildingId) {
        const core::Registry registry = territories_.registry(*draft.buildingId);
        if (!registry.premises.empty()) {
            draft.voters = core::registryToCsv(registry);
        }
    } else if (!core::weighsByArea(draft.agenda.rules)) {
        const auto members = territories_.members(draft.territoryId);
        if (!members.empty()) {
            draft.voters = core::membersToCsv(members);
        }
    }
    validate(draft, announcedAt.value_or(clock_.now()));
    draft.id = "a-" + random_.hex(8);
    draft.status = AssemblyStatus::Scheduled;
    draft.createdAt = clock_.now();
    assemblies_.create(draft);
    return draft;
}

int Hub::advanceSchedule() {
    return assemblies_.advance(clock_.now());
}

Assembly Hub::assembly(const std::string& id) {
    assemblies_.advance(clock_.now());
    auto a = assemblies_.get(id);
    if (!a) {
        throw ApiError::notFound("assembly " + id);
    }
    return *a;
}

std::vector<Assembly> Hub::assemblies(const std::string& territoryId) {
    assemblies_.advance(clock_.now());
    return assemblies_.list(territoryId);
}

void Hub::checkBallot(Ballot& ballot, const Assembly& a, const std::string* kioskBuilding) {
    if (!isValidId(ballot.id)) {
        throw ApiError::invalid("id", "a ballot id is 1 to 64 letters, digits or - _ . :");
    }
    if (kioskBuilding != nullptr) {
        const auto building = territories_.building(*kioskBuilding);
        const bool here = a.buildingId ? *a.buildingId == *kioskBuilding
                                       : building && building->territoryId == a.territoryId;
        if (!here) {
            throw ApiError::invalid("assembly_id", "this kiosk's building does not vote here");
        }
    }
    if (ballot.castAt < a.opensAt || ballot.castAt > a.closesAt) {
        throw ApiError::invalid("cast_at", "voting in this assembly was not open at that time");
    }
    if (ballot.castAt > clock_.now() + kClockSkew) {
        throw ApiError::invalid("cast_at", "the ballot is dated in the future");
    }
    if (votersOf(a)->count(ballot.voterId) == 0) {
        throw ApiError::invalid("voter_id", "voter " + ballot.voterId + " may not vote here");
    }
    if (ballot.answers.empty()) {
        throw ApiError::invalid("answers", "the ballot answers no item");
    }
    for (const auto& [item, choice] : ballot.answers) {
        const bool known = std::any_of(a.agenda.items.begin(), a.agenda.items.end(),
                                       [&](const core::AgendaItem& i) { return i.id == item; });
        if (!known) {
            throw ApiError::invalid("answers." + item, "item " + item + " is not on the agenda");
        }
    }
    ballot.receivedAt = clock_.now();
}

SubmitOutcome Hub::submitBallot(Ballot ballot) {
    checkBallot(ballot, assembly(ballot.assemblyId), nullptr);
    const SubmitOutcome outcome = ballots_.submit(ballot);
    if (outcome == SubmitOutcome::Conflict) {
        throw ApiError::conflict("another ballot was already accepted under id " + ballot.id);
    }
    return outcome;
}

std::vector<BallotOutcome> Hub::submitBallots(std::vector<Ballot> ballots,
                                              const std::string* kioskBuilding) {
    std::vector<BallotOutcome> outcomes(ballots.size());
    std::vector<Ballot> valid;
    std::vector<std::size_t> positions;
    std::map<std::string, Assembly> assemblies;  // each looked up once per batch
    for (std::size_t i = 0; i < ballots.size(); ++i) {
        try {
            auto it = assemblies.find(ballots[i].assemblyId);
            if (it == assemblies.end()) {
                it = assemblies.emplace(ballots[i].assemblyId, assembly(ballots[i].assemblyId))
                         .first;
            }
            checkBallot(ballots[i], it->second, kioskBuilding);
            valid.push_back(std::move(ballots[i]));
            positions.push_back(i);
        } catch (const ApiError& e) {
            outcomes[i].error = e.what();
        }
    }
    const std::vector<SubmitOutcome> stored = ballots_.submitAll(valid);
    for (std::size_t k = 0; k < stored.size(); ++k) {
        BallotOutcome& o = outcomes[positions[k]];
        o.outcome = stored[k];
        if (stored[k] == SubmitOutcome::Conflict) {
            o.error = "another ballot was already accepted under id " + valid[k].id;
        }
    }
    return outcomes;
}

Hub::PostedNotice Hub::postAssemblyNotice(const std::string& assemblyId) {
    const Assembly a = assembly(assemblyId);
    const std::string id = "n-" + a.id;  // one notice per assembly
    if (auto posted = notices_.get(id)) {
        return {*posted, true};
    }
    if (a.closesAt <= clock_.now()) {
        throw ApiError(409, "closed", "voting in assembly " + a.id + " has closed");
    }
    Notice n;
    n.territoryId = a.territoryId;
    if (a.buildingId) {
        n.buildingIds = {*a.buildingId};
    }
    n.category = NoticeCategory::Board;
    n.title = "Сообщение о проведении собрания: " + a.title;
    if (n.title.size() > kNoticeTitleMax) {
        n.title = "Сообщение о проведении собрания";
    }
    n.body = noticeText(a, territories_, settings_.utcOffsetMinutes);
    n.author = a.initiator;
    n.validFrom = clock_.now();
    n.validUntil = a.closesAt;
    n.isPublic = true;
    checkNotice(n, kMeetingNoticeBodyMax);
    n.id = id;
    n.createdAt = n.changedAt = clock_.now();
    try {
        notices_.create(n);
    } catch (const Poco::Exception&) {
        if (auto posted = notices_.get(id)) {  // posted by a request just now
            return {*posted, true};
        }
        throw;
    }
    return {n, false};
}

Notice Hub::createNotice(Notice n, Role author) {
    if (!territories_.territory(n.territoryId)) {
        throw ApiError::invalid("territory_id", "no territory " + n.territoryId);
    }
    for (const std::string& id : n.buildingIds) {
        const auto b = territories_.building(id);
        if (!b || b->territoryId != n.territoryId) {
            throw ApiError::invalid("building_ids", "no building " + id + " in this territory");
        }
    }
    if (author == Role::Service && n.category != NoticeCategory::Emergency) {
        throw ApiError(403, "forbidden", "a service may post only emergency notices");
    }
    checkNotice(n, kNoticeBodyMax);
    n.id = "n-" + random_.hex(8);
    n.createdAt = n.changedAt = clock_.now();
    notices_.create(n);
    return n;
}

void Hub::checkNotice(const Notice& n, std::size_t maxBodyBytes) {
    if (n.title.empty() || n.title.size() > kNoticeTitleMax) {
        throw ApiError::invalid("title", "the title is empty or longer than 200 bytes");
    }
    if (n.body.empty() || n.body.size() > maxBodyBytes) {
        throw ApiError::invalid(
            "body", "the text is empty or longer than " + std::to_string(maxBodyBytes) + " bytes");
    }
    if (n.author.empty()) {
        throw ApiError::invalid("author", "say who posts the notice");
    }
    if (n.validUntil <= n.validFrom) {
        throw ApiError::invalid("valid_until", "a notice must end after it starts");
    }
}

Notice Hub::notice(const std::string& id) {
    auto n = notices_.get(id);
    if (!n) {
        throw ApiError::notFound("notice " + id);
    }
    return *n;
}

std::vector<Notice> Hub::notices(const std::string& territoryId, const std::string& buildingId,
                                 bool current) {
    if (!territories_.territory(territoryId)) {
        throw ApiError::notFound("territory " + territoryId);
    }
    return notices_.list(territoryId, buildingId,
                         current ? std::optional(clock_.now()) : std::nullopt);
}

std::shared_ptr<const std::unordered_set<std::string>> Hub::votersOf(const Assembly& a) {
    {
        std::lock_guard lock(votersMutex_);
        if (const auto it = voters_.find(a.id); it != voters_.end()) {
            return it->second;
        }
    }
    core::Problems problems;
    std::vector<std::string> ids =
        core::weighsByArea(a.agenda.rules)
            ? core::electorateOf(core::readRegistry(assemblies_.voters(a.id), problems)).voterIds
            : core::electorateOf(core::readMembers(assemblies_.voters(a.id), problems)).voterIds;
    auto set = std::make_shared<const std::unordered_set<std::string>>(ids.begin(), ids.end());
    std::lock_guard lock(votersMutex_);
    return voters_.emplace(a.id, std::move(set)).first->second;
}

core::BundleFiles Hub::bundle(const std::string& assemblyId, bool binding) {
    const Assembly a = assembly(assemblyId);
    const std::vector<Ballot> all = ballots_.ballots(a.id);
    return bundleOf(a, assemblies_.voters(a.id), selectCounted(all, a, binding).counted);
}

AssemblyResults Hub::results(const std::string& assemblyId) {
    const Assembly a = assembly(assemblyId);
    const std::vector<Ballot> all = ballots_.ballots(a.id);
    const std::string voters = assemblies_.voters(a.id);
    AssemblyResults results;
    for (bool binding : {true, false}) {
        const CountedBallots chosen = selectCounted(all, a, binding);
        const core::BundleReading reading = core::readBundle(bundleOf(a, voters, chosen.counted));
        if (!reading.meeting) {  // everything in it was validated when stored
            throw std::logic_error("assembly " + a.id + " does not recount: " +
                                   core::describe(reading.problems.front()));
        }
        const core::Meeting& m = *reading.meeting;
        TallyOfKind& kind = binding ? results.binding : results.consultative;
        kind.result = core::tally(m.agenda, m.electorate, m.ballots);
        kind.ballots = chosen.counted.size();
        kind.repeats = chosen.repeats;
    }
    return results;
}

}  // namespace veche::hub
