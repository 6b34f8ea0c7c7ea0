#include "veche/hub/store/assembly_store.h"

#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr const char* kColumns =
    "id, territory_id, building_id, rules, form, kind, title, initiator, place, ballot_address, "
    "materials, opens_at, closes_at, electronic_binding, status, created_at";

// Names stored in the database are written by this code only; an unknown one
// means the database was changed by hand or by a newer version.
template <typename T>
T known(const std::optional<T>& value, const std::string& what) {
    if (!value) {
        throw std::runtime_error("unknown " + what + " in the database");
    }
    return *value;
}

std::vector<core::AgendaItem> agendaOf(Poco::Data::Session& s, const std::string& assemblyId) {
    std::vector<std::string> ids, titles, thresholds;
    s << "SELECT item_id, title, threshold FROM agenda_items WHERE assembly_id = $1 "
         "ORDER BY position",
        useRef(assemblyId), into(ids), into(titles), into(thresholds), now;
    std::vector<core::AgendaItem> items;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        items.push_back({ids[i], titles[i],
                         known(core::parseThreshold(thresholds[i]), "threshold " + thresholds[i])});
    }
    return items;
}

}  // namespace

void AssemblyStore::create(const Assembly& a) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_.dialect());
    // No building (a territory-wide body) is stored as NULL; Poco 1.11 cannot
    // bind a Nullable, so an empty id becomes NULL in SQL.
    const std::string building = a.buildingId.value_or("");
    const std::string rules(core::nameOf(a.agenda.rules));
    const std::string form(nameOf(a.form));
    const std::string kind = a.extraordinary ? "extraordinary" : "annual";
    const std::string status(nameOf(a.status));
    const int binding = a.electronicBinding ? 1 : 0;
    s << "INSERT INTO assemblies (" + std::string(kColumns) +
             ", voters) VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6, $7, $8, $9, $10, $11, $12, "
             "$13, $14, "
             "$15, $16, $17)",
        useRef(a.id), useRef(a.territoryId), useRef(building), useRef(rules), useRef(form),
        useRef(kind), useRef(a.title), useRef(a.initiator), useRef(a.place),
        useRef(a.ballotAddress), useRef(a.materials), useRef(a.opensAt), useRef(a.closesAt),
        useRef(binding), useRef(status), useRef(a.createdAt), useRef(a.voters), now;
    int position = 0;
    for (const core::AgendaItem& item : a.agenda.items) {
        const std::string threshold(core::nameOf(item.threshold));
        s << "INSERT INTO agenda_items (assembly_id, position, item_id, title, threshold) "
             "VALUES ($1, $2, $3, $4, $5)",
            useRef(a.id), bind(++position), useRef(item.id), useRef(item.title), useRef(threshold),
            now;
    }
    tx.commit();
}

std::optional<Assembly> AssemblyStore::get(const std::string& id) {
    Poco::Data::Session s = db_.session();
    Assembly a;
    Poco::Nullable<std::string> building;
    std::string rules, form, kind, status;
    int binding = 0;
    Poco::Data::Statement select(s);
    select << "SELECT " + std::string(kColumns) + " FROM assemblies WHERE id = $1", useRef(id),
        into(a.id), into(a.territoryId), into(building), into(rules), into(form), into(kind),
        into(a.title), into(a.initiator), into(a.place), into(a.ballotAddress), into(a.materials),
        into(a.opensAt), into(a.closesAt), into(binding), into(status), into(a.createdAt);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    if (!building.isNull()) {
        a.buildingId = building.value();
    }
    a.agenda.rules = known(core::parseRuleSet(rules), "rule set " + rules);
    a.form = known(parseForm(form), "form " + form);
    a.extraordinary = kind == "extraordinary";
    a.electronicBinding = binding != 0;
    a.status = known(parseStatus(status), "status " + status);
    a.agenda.items = agendaOf(s, a.id);
    return a;
}

std::vector<Assembly> AssemblyStore::list() {
    std::vector<std::string> ids;
    db_.session() << "SELECT id FROM assemblies ORDER BY opens_at, id", into(ids), now;
    std::vector<Assembly> out;
    for (const std::string& id : ids) {
        if (auto a = get(id)) {
            out.push_back(std::move(*a));
        }
    }
    return out;
}

std::string AssemblyStore::voters(const std::string& id) {
    std::string voters;
    db_.session() << "SELECT voters FROM assemblies WHERE id = $1", useRef(id), into(voters), now;
    return voters;
}

int AssemblyStore::advance(Millis at) {
    Poco::Data::Session s = db_.session();
    // Reads are frequent and transitions rare: look before taking the write lock.
    Poco::Int64 due = 0;
    s << "SELECT COUNT(*) FROM assemblies WHERE (status = 'scheduled' AND opens_at <= $1) "
         "OR (status <> 'closed' AND closes_at <= $2)",
        useRef(at), useRef(at), into(due), now;
    if (due == 0) {
        return 0;
    }
    WriteTransaction tx(s, db_.dialect());
    Poco::Data::Statement close(s);
    close << "UPDATE assemblies SET status = 'closed' WHERE status <> 'closed' AND closes_at <= $1",
        useRef(at);
    const std::size_t closed = close.execute();
    Poco::Data::Statement open(s);
    open << "UPDATE assemblies SET status = 'open' WHERE status = 'scheduled' AND opens_at <= $1",
        useRef(at);
    const std::size_t opened = open.execute();
    tx.commit();
    return static_cast<int>(closed + opened);
}

}  // namespace veche::hub
