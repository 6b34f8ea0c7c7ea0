#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// Assemblies and their agendas.
class AssemblyStore {
public:
    explicit AssemblyStore(Database& db) : db_(db) {}

    // Stores a new assembly with its agenda in one transaction. The caller has
    // validated it (AssemblyService).
    void create(const Assembly& assembly);

    // Without the voter list, which is large: see voters().
    std::optional<Assembly> get(const std::string& id);
    // In order of opening; all of them when `territoryId` is empty.
    std::vector<Assembly> list(const std::string& territoryId = "");

    // The voter list frozen with the assembly (Assembly::voters).
    std::string voters(const std::string& id);

    // Opens the scheduled assemblies whose opening time has come and closes
    // the open ones (or scheduled ones) whose closing time has passed. Returns
    // how many changed status.
    int advance(Millis now);

private:
    Database& db_;
};

}  // namespace veche::hub
