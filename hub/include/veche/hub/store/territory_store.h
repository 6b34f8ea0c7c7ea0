#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/core/bundle_writer.h"
#include "veche/core/electorate.h"
#include "veche/core/problem.h"
#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// Territories, buildings, owners' registries and members lists.
class TerritoryStore {
public:
    TerritoryStore(Database& db, const Clock& clock, Random& random);

    Territory createTerritory(const std::string& name);
    std::optional<Territory> territory(const std::string& id);
    std::vector<Territory> territories();

    // nullopt when the territory does not exist.
    std::optional<Building> createBuilding(const std::string& territoryId,
                                           const std::string& address);
    std::optional<Building> building(const std::string& id);
    std::vector<Building> buildings(const std::string& territoryId);

    // Validates `csv` as registry.csv (the recount's rules and messages) and,
    // when it has no problems, replaces the building's registry with it in one
    // transaction. When it has problems, returns them and changes nothing.
    core::Problems replaceRegistry(const std::string& buildingId, const std::string& csv);
    // The building's registry; empty (no premises) when none was imported.
    core::Registry registry(const std::string& buildingId);

    // The same for a territory's members (members.csv).
    core::Problems replaceMembers(const std::string& territoryId, const std::string& csv);
    std::vector<core::Member> members(const std::string& territoryId);

private:
    Database& db_;
    const Clock& clock_;
    Random& random_;
};

}  // namespace veche::hub
