#include "veche/ussd/session.h"

namespace veche::ussd {

CachedSessionStore::CachedSessionStore(SessionStore& inner, std::size_t capacity)
    : inner_(inner), capacity_(capacity) {}

std::optional<SessionState> CachedSessionStore::load(const std::string& id) {
    {
        std::lock_guard lock(mutex_);
        if (const auto found = byId_.find(id); found != byId_.end()) {
            return *found->second;
        }
    }
    return inner_.load(id);
}

bool CachedSessionStore::save(const SessionState& state, int expectedVersion) {
    const bool saved = inner_.save(state, expectedVersion);
    std::lock_guard lock(mutex_);
    if (const auto found = byId_.find(state.id); found != byId_.end()) {
        recent_.erase(found->second);
        byId_.erase(found);
    }
    if (saved) {
        SessionState stored = state;
        stored.version = expectedVersion + 1;
        remember(stored);
    }
    return saved;
}

void CachedSessionStore::remember(const SessionState& state) {
    recent_.push_front(state);
    byId_[state.id] = recent_.begin();
    while (recent_.size() > capacity_) {
        byId_.erase(recent_.back().id);
        recent_.pop_back();
    }
}

}  // namespace veche::ussd
