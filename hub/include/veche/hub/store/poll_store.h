#pragma once

#include <optional>
#include <string>
#include <vector>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

// Polls with their answers, and problem reports.
class PollStore {
public:
    explicit PollStore(Database& db) : db_(db) {}

    void create(const Poll& poll);
    std::optional<Poll> get(const std::string& id);
    std::vector<Poll> list(const std::string& territoryId);

    // Keeps the earliest answer of each phone (then the smallest answer id),
    // whatever order answers arrive in.
    void answer(const std::string& pollId, const std::string& phone, int option, Millis at,
                const std::string& answerId, const std::string& channel);
    // Answers per option, in option order.
    std::vector<long> counts(const Poll& poll);

    // Stores a report once under its id; false when the id was used.
    bool addReport(const Report& report);
    std::optional<Report> report(const std::string& id);
    std::vector<Report> reports(const std::string& status);
    bool updateReport(const std::string& id, const std::string& status, const std::string& answer,
                      Millis at);

private:
    Database& db_;
};

}  // namespace veche::hub
