#include "veche/hub/store/poll_store.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>

#include <sstream>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

std::string optionsJson(const std::vector<std::string>& options) {
    Poco::JSON::Array a;
    for (const std::string& o : options) {
        a.add(o);
    }
    std::ostringstream out;
    a.stringify(out);
    return out.str();
}

std::vector<std::string> optionsOf(const std::string& json) {
    const auto a = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
    std::vector<std::string> out;
    for (unsigned i = 0; i < a->size(); ++i) {
        out.push_back(a->getElement<std::string>(i));
    }
    return out;
}

constexpr const char* kReportColumns =
    "id, territory_id, building_id, category, text, phone, channel, status, answer, created_at, "
    "changed_at";

}  // namespace

void PollStore::create(const Poll& p) {
    const std::string building = p.buildingId.value_or("");
    const std::string options = optionsJson(p.options);
    db_.session() << "INSERT INTO polls (id, territory_id, building_id, question, options, "
                     "opens_at, closes_at, created_at) "
                     "VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6, $7, $8)",
        useRef(p.id), useRef(p.territoryId), useRef(building), useRef(p.question), useRef(options),
        useRef(p.opensAt), useRef(p.closesAt), useRef(p.createdAt), now;
}

std::optional<Poll> PollStore::get(const std::string& id) {
    Poll p;
    Poco::Nullable<std::string> building;
    std::string options;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT id, territory_id, building_id, question, options, opens_at, closes_at, "
              "created_at FROM polls WHERE id = $1",
        useRef(id), into(p.id), into(p.territoryId), into(building), into(p.question),
        into(options), into(p.opensAt), into(p.closesAt), into(p.createdAt);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    if (!building.isNull()) {
        p.buildingId = building.value();
    }
    p.options = optionsOf(options);
    return p;
}

std::vector<Poll> PollStore::list(const std::string& territoryId) {
    std::vector<std::string> ids;
    db_.session() << "SELECT id FROM polls WHERE territory_id = $1 ORDER BY opens_at, id",
        useRef(territoryId), into(ids), now;
    std::vector<Poll> out;
    for (const std::string& id : ids) {
        if (auto p = get(id)) {
            out.push_back(std::move(*p));
        }
    }
    return out;
}

void PollStore::answer(const std::string& pollId, const std::string& phone, int option, Millis at,
                       const std::string& answerId, const std::string& channel) {
    db_.session() << "INSERT INTO poll_answers (poll_id, phone, option_index, answered_at, "
                     "answer_id, channel) VALUES ($1, $2, $3, $4, $5, $6) "
                     "ON CONFLICT (poll_id, phone) DO UPDATE SET "
                     "option_index = excluded.option_index, answered_at = excluded.answered_at, "
                     "answer_id = excluded.answer_id, channel = excluded.channel "
                     "WHERE excluded.answered_at < poll_answers.answered_at OR "
                     "(excluded.answered_at = poll_answers.answered_at AND "
                     "excluded.answer_id < poll_answers.answer_id)",
        useRef(pollId), useRef(phone), useRef(option), useRef(at), useRef(answerId),
        useRef(channel), now;
}

std::vector<long> PollStore::counts(const Poll& poll) {
    std::vector<int> options;
    std::vector<Poco::Int64> counts;
    db_.session() << "SELECT option_index, COUNT(*) FROM poll_answers WHERE poll_id = $1 "
                     "GROUP BY option_index",
        useRef(poll.id), into(options), into(counts), now;
    std::vector<long> out(poll.options.size(), 0);
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i] >= 0 && static_cast<std::size_t>(options[i]) < out.size()) {
            out[static_cast<std::size_t>(options[i])] = static_cast<long>(counts[i]);
        }
    }
    return out;
}

bool PollStore::addReport(const Report& r) {
    const std::string building = r.buildingId.value_or("");
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement add(s);
    add << "INSERT INTO reports (" + std::string(kReportColumns) +
               ") VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6, $7, $8, $9, $10, $11) "
               "ON CONFLICT (id) DO NOTHING",
        useRef(r.id), useRef(r.territoryId), useRef(building), useRef(r.category), useRef(r.text),
        useRef(r.phone), useRef(r.channel), useRef(r.status), useRef(r.answer), useRef(r.createdAt),
        useRef(r.changedAt);
    return add.execute() > 0;
}

std::optional<Report> PollStore::report(const std::string& id) {
    Report r;
    Poco::Nullable<std::string> building;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT " + std::string(kReportColumns) + " FROM reports WHERE id = $1", useRef(id),
        into(r.id), into(r.territoryId), into(building), into(r.category), into(r.text),
        into(r.phone), into(r.channel), into(r.status), into(r.answer), into(r.createdAt),
        into(r.changedAt);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    if (!building.isNull()) {
        r.buildingId = building.value();
    }
    return r;
}

std::vector<Report> PollStore::reports(const std::string& status) {
    std::vector<std::string> ids;
    db_.session() << "SELECT id FROM reports WHERE status = $1 ORDER BY created_at, id",
        useRef(status), into(ids), now;
    std::vector<Report> out;
    for (const std::string& id : ids) {
        if (auto r = report(id)) {
            out.push_back(std::move(*r));
        }
    }
    return out;
}

bool PollStore::updateReport(const std::string& id, const std::string& status,
                             const std::string& answer, Millis at) {
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement update(s);
    update << "UPDATE reports SET status = $1, answer = $2, changed_at = $3 WHERE id = $4",
        useRef(status), useRef(answer), useRef(at), useRef(id);
    return update.execute() > 0;
}

}  // namespace veche::hub
