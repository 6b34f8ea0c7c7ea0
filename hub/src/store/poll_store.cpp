#include "veche/hub/store/poll_store.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

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

constexpr const char* kPollColumns =
    "id, territory_id, building_id, question, options, opens_at, closes_at, created_at";
using PollRow = Poco::Tuple<std::string, std::string, Poco::Nullable<std::string>, std::string,
                            std::string, Poco::Int64, Poco::Int64, Poco::Int64>;

Poll pollOf(const PollRow& r) {
    Poll p;
    p.id = r.get<0>();
    p.territoryId = r.get<1>();
    if (!r.get<2>().isNull()) {
        p.buildingId = r.get<2>().value();
    }
    p.question = r.get<3>();
    p.options = optionsOf(r.get<4>());
    p.opensAt = r.get<5>();
    p.closesAt = r.get<6>();
    p.createdAt = r.get<7>();
    return p;
}

using ReportRow =
    Poco::Tuple<std::string, std::string, Poco::Nullable<std::string>, std::string, std::string,
                std::string, std::string, std::string, std::string, Poco::Int64, Poco::Int64>;

Report reportOf(const ReportRow& r) {
    Report out;
    out.id = r.get<0>();
    out.territoryId = r.get<1>();
    if (!r.get<2>().isNull()) {
        out.buildingId = r.get<2>().value();
    }
    out.category = r.get<3>();
    out.text = r.get<4>();
    out.phone = r.get<5>();
    out.channel = r.get<6>();
    out.status = r.get<7>();
    out.answer = r.get<8>();
    out.createdAt = r.get<9>();
    out.changedAt = r.get<10>();
    return out;
}

// Each row that `query` (bound to `key`) gives, made into a T by `make`.
template <typename Row, typename Make>
auto rowsOf(Database& db, const std::string& query, const std::string& key, Make make) {
    std::vector<Row> rows;
    db.session() << query, useRef(key), into(rows), now;
    std::vector<decltype(make(rows.front()))> out;
    for (const Row& r : rows) {
        out.push_back(make(r));
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
    auto found = rowsOf<PollRow>(
        db_, "SELECT " + std::string(kPollColumns) + " FROM polls WHERE id = $1", id, pollOf);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<Poll> PollStore::list(const std::string& territoryId) {
    return rowsOf<PollRow>(db_,
                           "SELECT " + std::string(kPollColumns) +
                               " FROM polls WHERE territory_id = $1 ORDER BY opens_at, id",
                           territoryId, pollOf);
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
    auto found = rowsOf<ReportRow>(
        db_, "SELECT " + std::string(kReportColumns) + " FROM reports WHERE id = $1", id, reportOf);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<Report> PollStore::reports(const std::string& status) {
    return rowsOf<ReportRow>(db_,
                             "SELECT " + std::string(kReportColumns) +
                                 " FROM reports WHERE status = $1 ORDER BY created_at, id",
                             status, reportOf);
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
