#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "veche/kiosk/services.h"

namespace veche::kiosk {

// Something that happened at the kiosk, for the hub (docs/kiosk-sync.md):
// its id is made here and never reused.
struct Event {
    std::string id;
    std::string type;  // ballot, phone_registration, consent, link_request, poll_answer, …
    Millis at = 0;
    std::string data;   // a JSON object
    std::string error;  // why the hub refused it; empty while pending
};

// What the hub sent in one pull, ready to store.
struct Changes {
    std::string cursor;
    std::string buildingAddress;
    std::string territoryName;
    std::vector<Notice> notices;  // upserted by id
    std::string assembliesJson;   // the whole list, replacing the last
    std::string pollsJson;        // the whole list, replacing the last
    std::string eligibilitySalt;
    int eligibilityIterations = 0;
    std::vector<std::pair<std::string, std::string>> voters;  // phone hash, voter id
};

// The kiosk's own SQLite file (WAL, synchronous=FULL: a committed write
// survives a crash or power loss). One connection, shared by the screens,
// the sync thread and the modem's threads under one mutex; every method is
// one transaction. Thread-safe.
class KioskStore {
public:
    // Opens, creating or upgrading the schema. Throws Poco::Exception when
    // the file cannot be opened.
    explicit KioskStore(const std::string& path);

    const std::string& path() const { return path_; }

    std::optional<std::string> meta(const std::string& key) const;
    // A setting the hub gave the kiosk at enrolment (meta "settings":
    // "cabinet", "modem", "staff_pin"), if any.
    std::optional<std::string> setting(const std::string& name) const;
    void setMeta(const std::string& key, const std::string& value);
    // Deletes a meta key so that its value is overwritten on disk too (the
    // pages zeroed, the WAL checkpointed and truncated).
    void eraseSecret(const std::string& key);

    // Synced content. Notices past `validUntil` are dropped on the way.
    void applyChanges(const Changes& changes, Millis now);
    std::vector<Notice> notices(Millis now) const;
    std::string assembliesJson() const;
    std::string pollsJson() const;
    std::optional<std::string> voterOf(const std::string& phoneHash) const;

    // Thrown by appendEvent() when a mark (or the id) is there already: the
    // act was done before, and nothing was stored now.
    struct AlreadyDone : std::runtime_error {
        using std::runtime_error::runtime_error;
    };

    // Events waiting for the hub, alarms first, then oldest first. Appending is durable when it
    // returns. `marks` are (kind, key) pairs recorded in the same
    // transaction, e.g. ("voted", assembly/voter): what this kiosk already
    // did for a resident; a mark that exists makes the append throw
    // AlreadyDone, so of two racing ballots of one voter one is stored.
    void appendEvent(const Event& event,
                     const std::vector<std::pair<std::string, std::string>>& marks = {});
    // Appends `event` and sets the meta `key` to `value` in one transaction.
    void appendEventSettingMeta(const Event& event, const std::string& key,
                                const std::string& value);
    bool hasMark(const std::string& kind, const std::string& key) const;
    std::vector<Event> pendingEvents(int max) const;
    // The hub's answers: stored events leave the outbox; refused ones stay
    // with the reason, for staff, and are not sent again; their marks go
    // (what the hub refused, the resident may do again).
    void settle(const std::vector<std::string>& stored,
                const std::vector<std::pair<std::string, std::string>>& rejected);
    std::vector<Event> rejectedEvents(int max) const;
    long pendingCount() const;
    // Forgets pending events of `type` but the newest `keep` (telemetry the
    // hub will never need while the kiosk is cut off for long).
    void trimPending(const std::string& type, int keep);
    long rejectedCount() const;

    // Runs `work` in one write transaction on the store's session; rolls
    // back if it throws. For the kiosk's SMS outbox and codes.
    void write(const std::function<void(Poco::Data::Session&)>& work);
    // Runs `work` under the store's lock, for reads.
    void read(const std::function<void(Poco::Data::Session&)>& work) const;

private:
    void migrate();

    std::string path_;
    mutable std::mutex mutex_;
    mutable Poco::Data::Session session_;
};

}  // namespace veche::kiosk
