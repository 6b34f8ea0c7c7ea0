#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// Notices of territories and buildings.
class NoticeStore {
public:
    explicit NoticeStore(Database& db) : db_(db) {}

    // Stores a validated notice with its target buildings in one transaction.
    void create(const Notice& notice);
    std::optional<Notice> get(const std::string& id);

    // The notices of a territory that a resident of `buildingId` (or anyone,
    // when empty) should see at `at` (or at any time, when nullopt):
    // Emergency first, then the newest.
    std::vector<Notice> list(const std::string& territoryId, const std::string& buildingId,
                             std::optional<Millis> at);
    // The notices marked public, of every territory, that are current at
    // `at`: Emergency first, then the newest.
    std::vector<Notice> listPublic(Millis at);

private:
    Database& db_;
};

}  // namespace veche::hub
