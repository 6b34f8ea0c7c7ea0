#pragma once

#include <optional>
#include <string>

#include "veche/hub/model.h"
#include "veche/hub/store/database.h"

namespace veche::hub {

enum class EventOutcome { Stored, AlreadyStored, Conflict };

// Kiosks, their one-time enrolment codes, the nonces of their signed
// requests, and the events they push.
class KioskStore {
public:
    explicit KioskStore(Database& db) : db_(db) {}

    void addEnrolmentCode(const std::string& codeHash, const std::string& buildingId, Millis at,
                          Millis expiresAt);

    // Uses the code for `kiosk` (which it stores) in one transaction. Returns
    // the building the code was for, or nullopt (storing nothing) when the
    // code is unknown, used or expired at `at`.
    std::optional<std::string> enrol(const std::string& codeHash, Kiosk kiosk, Millis at);

    std::optional<Kiosk> get(const std::string& id);
    bool revoke(const std::string& id, Millis at);

    // Records a request's nonce; false when it was seen before (a replay).
    // Forgets nonces seen before `forgetBefore`.
    bool useNonce(const std::string& kioskId, const std::string& nonce, Millis at,
                  Millis forgetBefore);

    // Stores a pushed event under its id; a repeat of the same payload is
    // AlreadyStored, another payload under the id a Conflict.
    struct StoredEvent {
        std::string kioskId;
        std::string type;
        std::string payload;
    };
    std::optional<StoredEvent> event(const std::string& id);

    EventOutcome addEvent(const std::string& id, const std::string& kioskId,
                          const std::string& type, Millis at, const std::string& payload,
                          Millis receivedAt);

private:
    Database& db_;
};

}  // namespace veche::hub
