#pragma once

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"
#include "veche/ussd/session.h"

namespace veche::hub {

// USSD sessions in the hub's store (table ussd_sessions), so that any hub
// instance can take a gateway's next request. Writes skip the flush
// (Durability::Relaxed): a session lost in a crash only ends that call; the
// ballot a confirmation records is stored durably on its own.
class UssdSessionStore : public ussd::SessionStore {
public:
    explicit UssdSessionStore(Database& db) : db_(db) {}

    std::optional<ussd::SessionState> load(const std::string& id) override;
    bool save(const ussd::SessionState& state, int expectedVersion) override;
    // Removes sessions last touched before `before`; returns how many.
    int forgetBefore(Millis before);

private:
    Database& db_;
};

}  // namespace veche::hub
