#include "veche/hub/store/assembly_store.h"

#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <map>

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

using Row =
    Poco::Tuple<std::string, std::string, Poco::Nullable<std::string>, std::string, std::string,
                std::string, std::string, std::string, std::string, std::string, std::string,
                Poco::Int64, Poco::Int64, int, std::string, Poco::Int64>;

Assembly assemblyOf(const Row& r) {
    Assembly a;
    a.id = r.get<0>();
    a.territoryId = r.get<1>();
    if (!r.get<2>().isNull()) {
        a.buildingId = r.get<2>().value();
    }
    a.agenda.rules = known(core::parseRuleSet(r.get<3>()), "rule set " + r.get<3>());
    a.form = known(parseForm(r.get<4>()), "form " + r.get<4>());
    a.extraordinary = r.get<5>() == "extraordinary";
    a.title = r.get<6>();
    a.initiator = r.get<7>();
    a.place = r.get<8>();
    a.ballotAddress = r.get<9>();
    a.materials = r.get<10>();
    a.opensAt = r.get<11>();
    a.closesAt = r.get<12>();
    a.electronicBinding = r.get<13>() != 0;
    a.status = known(parseStatus(r.get<14>()), "status " + r.get<14>());
    a.createdAt = r.get<15>();
    return a;
}

// The assemblies `where` selects (its placeholders bound to `keys` in
// order), agendas included: two queries however many there are.
std::vector<Assembly> select(Poco::Data::Session& s, const std::string& where,
                             const std::vector<std::string>& keys) {
    std::vector<Row> rows;
    Poco::Data::Statement assemblies(s);
    assemblies << "SELECT " << kColumns << " FROM assemblies WHERE " << where
               << " ORDER BY opens_at, id",
        into(rows);
    std::vector<std::string> assemblyIds, ids, titles, thresholds;
    Poco::Data::Statement items(s);
    items << "SELECT assembly_id, item_id, title, threshold FROM agenda_items WHERE "
             "assembly_id IN (SELECT id FROM assemblies WHERE "
          << where << ") ORDER BY assembly_id, position",
        into(assemblyIds), into(ids), into(titles), into(thresholds);
    for (const std::string& key : keys) {
        assemblies, useRef(key);
        items, useRef(key);
    }
    assemblies.execute();
    items.execute();
    std::map<std::string, std::vector<core::AgendaItem>> agendas;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        agendas[assemblyIds[i]].push_back(
            {ids[i], titles[i],
             known(core::parseThreshold(thresholds[i]), "threshold " + thresholds[i])});
    }
    std::vector<Assembly> out;
    for (const Row& r : rows) {
        out.push_back(assemblyOf(r));
        out.back().agenda.items = std::move(agendas[out.back().id]);
    }
    return out;
}

}  // namespace

void AssemblyStore::create(const Assembly& a) {
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
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
    auto found = select(s, "id = $1", {id});
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<Assembly> AssemblyStore::list(const std::string& territoryId) {
    Poco::Data::Session s = db_.session();
    return select(s, "($1 = '' OR territory_id = $2)", {territoryId, territoryId});
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
    WriteTransaction tx(s, db_);
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
