#pragma once

#include <string>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/store/poll_store.h"
#include "veche/hub/store/resident_store.h"
#include "veche/hub/store/territory_store.h"

namespace veche::hub {

// Consultative polls (one answer per verified phone) and problem reports.
// Every operation throws ApiError naming what is wrong and stores nothing then.
class PollService {
public:
    PollService(PollStore& polls, ResidentStore& residents, TerritoryStore& territories,
                const Clock& clock, Random& random);

    Poll createPoll(Poll draft);
    Poll poll(const std::string& id);
    std::vector<Poll> polls(const std::string& territoryId);

    // `option` counts from 0. The phone's earliest answer is the one that counts.
    void answer(const std::string& pollId, const std::string& phone, int option, Millis at,
                const std::string& answerId, const std::string& channel);
    std::vector<long> results(const std::string& pollId);

    // Stores a new report (status "new"); a report id given twice keeps the
    // first. Returns the stored report.
    Report report(Report draft);
    Report setStatus(const std::string& id, const std::string& status, const std::string& answer);
    std::vector<Report> reports(const std::string& status);

private:
    void checkPlace(const std::string& territoryId, const std::optional<std::string>& buildingId);

    PollStore& polls_;
    ResidentStore& residents_;
    TerritoryStore& territories_;
    const Clock& clock_;
    Random& random_;
};

}  // namespace veche::hub
