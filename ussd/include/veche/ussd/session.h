#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace veche::ussd {

// Where a caller is: a stack of screens (for `0`, back) and what they chose
// on the way. Plain data, stored between the gateway's requests.
struct Frame {
    std::string node;  // a node of the menu (menu.h)
    int page = 0;      // of a paged screen
    int arg = -1;      // which list entry the screen is about (an assembly, a notice…)
    bool operator==(const Frame&) const = default;
};

struct SessionState {
    std::string id;  // the gateway's sessionId
    std::string msisdn;
    std::int64_t startedAt = 0;   // ms since the epoch
    std::int64_t lastStepAt = 0;  // ms since the epoch
    int inputsSeen = 0;           // how many of the gateway's inputs are done
    int version = 0;              // bumped by every save
    bool ended = false;
    std::vector<Frame> stack;
    std::map<std::string, std::string> vars;  // choices on the way (menu.h names them)
    std::string lastScreen;                   // for a repeated request: the same answer
    bool operator==(const SessionState&) const = default;
};

// Where sessions live between requests: the hub's store, so that several hub
// instances can serve one gateway.
class SessionStore {
public:
    virtual ~SessionStore() = default;
    virtual std::optional<SessionState> load(const std::string& id) = 0;
    // Stores `state` with version expectedVersion + 1 if the stored version
    // is still `expectedVersion` (0: the session is new). False if another
    // instance saved it first; nothing is changed then.
    virtual bool save(const SessionState& state, int expectedVersion) = 0;
};

// A bounded cache in front of a SessionStore: reads come from memory when
// this instance saved the session last; every save goes through, so a
// conflict with another instance is seen and the cached copy dropped.
class CachedSessionStore : public SessionStore {
public:
    CachedSessionStore(SessionStore& inner, std::size_t capacity);
    std::optional<SessionState> load(const std::string& id) override;
    bool save(const SessionState& state, int expectedVersion) override;

private:
    void remember(const SessionState& state);  // under mutex_

    SessionStore& inner_;
    std::size_t capacity_;
    std::mutex mutex_;
    std::list<SessionState> recent_;  // most recent first
    std::unordered_map<std::string, std::list<SessionState>::iterator> byId_;
};

}  // namespace veche::ussd
