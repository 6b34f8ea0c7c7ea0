#include "veche/hub/store/territory_store.h"

#include <Poco/Data/Session.h>

#include <stdexcept>

#include "veche/core/bundle.h"
#include "veche/core/csv.h"

using namespace Poco::Data::Keywords;

namespace veche::hub {
namespace {

constexpr std::size_t kIdBytes = 8;

}  // namespace

TerritoryStore::TerritoryStore(Database& db, const Clock& clock, Random& random)
    : db_(db), clock_(clock), random_(random) {}

Territory TerritoryStore::createTerritory(const std::string& name) {
    Territory t{"t-" + random_.hex(kIdBytes), name, clock_.now()};
    db_.session() << "INSERT INTO territories (id, name, created_at) VALUES ($1, $2, $3)",
        useRef(t.id), useRef(t.name), useRef(t.createdAt), now;
    return t;
}

std::optional<Territory> TerritoryStore::territory(const std::string& id) {
    Territory t;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT id, name, created_at FROM territories WHERE id = $1", useRef(id), into(t.id),
        into(t.name), into(t.createdAt);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    return t;
}

std::vector<Territory> TerritoryStore::territories() {
    std::vector<std::string> ids, names;
    std::vector<Millis> created;
    db_.session() << "SELECT id, name, created_at FROM territories ORDER BY created_at, id",
        into(ids), into(names), into(created), now;
    std::vector<Territory> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out.push_back({ids[i], names[i], created[i]});
    }
    return out;
}

std::optional<Building> TerritoryStore::createBuilding(const std::string& territoryId,
                                                       const std::string& address) {
    if (!territory(territoryId)) {
        return std::nullopt;
    }
    Building b{"b-" + random_.hex(kIdBytes), territoryId, address, clock_.now()};
    db_.session() << "INSERT INTO buildings (id, territory_id, address, created_at) "
                     "VALUES ($1, $2, $3, $4)",
        useRef(b.id), useRef(b.territoryId), useRef(b.address), useRef(b.createdAt), now;
    return b;
}

std::optional<Building> TerritoryStore::building(const std::string& id) {
    Building b;
    Poco::Data::Session s = db_.session();
    Poco::Data::Statement select(s);
    select << "SELECT id, territory_id, address, created_at FROM buildings WHERE id = $1",
        useRef(id), into(b.id), into(b.territoryId), into(b.address), into(b.createdAt);
    if (select.execute() == 0) {
        return std::nullopt;
    }
    return b;
}

std::vector<Building> TerritoryStore::buildings(const std::string& territoryId) {
    std::vector<std::string> ids, addresses;
    std::vector<Millis> created;
    db_.session() << "SELECT id, address, created_at FROM buildings WHERE territory_id = $1 "
                     "ORDER BY created_at, id",
        useRef(territoryId), into(ids), into(addresses), into(created), now;
    std::vector<Building> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out.push_back({ids[i], territoryId, addresses[i], created[i]});
    }
    return out;
}

core::Problems TerritoryStore::replaceRegistry(const std::string& buildingId,
                                               const std::string& csv) {
    core::Problems problems;
    const core::Registry registry = core::readRegistry(csv, problems);
    if (!problems.empty()) {
        return problems;
    }
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    s << "DELETE FROM registry_rows WHERE building_id = $1", useRef(buildingId), now;
    int line = 1;
    for (const core::RegistryRow& r : core::registryRows(registry)) {
        ++line;
        s << "INSERT INTO registry_rows (building_id, line, premises, kind, area_hundredths, "
             "owner_id, owner, share, document, joint) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            useRef(buildingId), bind(line), useRef(r.premises), useRef(r.kind),
            bind(static_cast<Poco::Int64>(r.areaHundredths)), useRef(r.ownerId), useRef(r.owner),
            useRef(r.share), useRef(r.document), useRef(r.joint), now;
    }
    tx.commit();
    return {};
}

core::Registry TerritoryStore::registry(const std::string& buildingId) {
    std::vector<std::string> premises, kinds, ownerIds, owners, shares, documents, joints;
    std::vector<Poco::Int64> areas;
    db_.session() << "SELECT premises, kind, area_hundredths, owner_id, owner, share, document, "
                     "joint FROM registry_rows WHERE building_id = $1 ORDER BY line",
        useRef(buildingId), into(premises), into(kinds), into(areas), into(ownerIds), into(owners),
        into(shares), into(documents), into(joints), now;
    if (premises.empty()) {
        return {};
    }
    std::vector<core::RegistryRow> rows;
    for (std::size_t i = 0; i < premises.size(); ++i) {
        rows.push_back({premises[i], kinds[i], areas[i], ownerIds[i], owners[i], shares[i],
                        documents[i], joints[i]});
    }
    core::Problems problems;
    core::Registry registry = core::readRegistry(core::rowsToCsv(rows), problems);
    if (!problems.empty()) {  // only rows that passed validation are ever stored
        throw std::logic_error("stored registry of " + buildingId +
                               " is invalid: " + core::describe(problems.front()));
    }
    return registry;
}

core::Problems TerritoryStore::replaceMembers(const std::string& territoryId,
                                              const std::string& csv) {
    core::Problems problems;
    const std::vector<core::Member> members = core::readMembers(csv, problems);
    if (!problems.empty()) {
        return problems;
    }
    Poco::Data::Session s = db_.session();
    WriteTransaction tx(s, db_);
    s << "DELETE FROM members WHERE territory_id = $1", useRef(territoryId), now;
    for (const core::Member& m : members) {
        s << "INSERT INTO members (territory_id, member_id, name) VALUES ($1, $2, $3)",
            useRef(territoryId), useRef(m.id), useRef(m.name), now;
    }
    tx.commit();
    return {};
}

std::vector<core::Member> TerritoryStore::members(const std::string& territoryId) {
    std::vector<std::string> ids, names;
    db_.session() << "SELECT member_id, name FROM members WHERE territory_id = $1 "
                     "ORDER BY member_id",
        useRef(territoryId), into(ids), into(names), now;
    std::vector<core::Member> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out.push_back({ids[i], names[i]});
    }
    return out;
}

}  // namespace veche::hub
