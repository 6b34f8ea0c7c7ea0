#include "veche/kiosk/sync.h"

#include "content.h"
#include "json_text.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <set>

namespace veche::kiosk {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The array as text; "[]" when the hub sent none.
std::string arrayText(const Array::Ptr& a) {
    return a ? jsonText(*a) : "[]";
}

std::string eventsBody(const std::vector<Event>& events) {
    Array list;
    for (const Event& e : events) {
        Object o;
        o.set("id", e.id);
        o.set("type", e.type);
        o.set("at", e.at);
        o.set("data", Poco::JSON::Parser().parse(e.data));
        list.add(o);
    }
    Object body;
    body.set("events", list);
    return jsonText(body);
}

std::string failure(const std::string& what, const std::optional<provisioning::HubReply>& r) {
    if (!r) {
        return what + ": the hub cannot be reached";
    }
    return what + ": HTTP " + std::to_string(r->status) + " " + r->body.substr(0, 200);
}

Notice noticeOf(const Object& n) {
    Notice out;
    out.id = n.getValue<std::string>("id");
    out.category = n.getValue<std::string>("category");
    out.categoryTitle = n.getValue<std::string>("category_title");
    out.title = n.getValue<std::string>("title");
    out.body = n.getValue<std::string>("body");
    out.author = n.optValue<std::string>("author", "");
    out.validFrom = n.getValue<Millis>("valid_from");
    out.validUntil = n.getValue<Millis>("valid_until");
    return out;
}

Changes changesOf(const Object& o) {
    Changes c;
    c.cursor = std::to_string(o.getValue<Millis>("cursor"));
    if (const Object::Ptr config = o.getObject("config")) {
        c.buildingAddress = config->optValue<std::string>("address", "");
        c.territoryName = config->optValue<std::string>("territory_name", "");
    }
    if (const Array::Ptr notices = o.getArray("notices")) {
        for (unsigned i = 0; i < notices->size(); ++i) {
            c.notices.push_back(noticeOf(*notices->getObject(i)));
        }
    }
    c.assembliesJson = arrayText(o.getArray("assemblies"));
    c.pollsJson = arrayText(o.getArray("polls"));
    assembliesIn(c.assembliesJson, std::nullopt);  // throws for a malformed entry
    pollsIn(c.pollsJson, std::nullopt);
    if (const Object::Ptr e = o.getObject("eligibility")) {
        c.eligibilitySalt = e->optValue<std::string>("salt", "");
        c.eligibilityIterations = e->optValue<int>("iterations", 0);
        if (const Array::Ptr voters = e->getArray("voters")) {
            for (unsigned i = 0; i < voters->size(); ++i) {
                const Object::Ptr v = voters->getObject(i);
                c.voters.emplace_back(v->getValue<std::string>("phone_hash"),
                                      v->getValue<std::string>("voter_id"));
            }
        }
    }
    return c;
}

// Whether applying `c` changes what residents see.
bool changesContent(const KioskStore& store, const Changes& c) {
    return !c.notices.empty() || store.assembliesJson() != c.assembliesJson ||
           store.pollsJson() != c.pollsJson ||
           store.meta("building_address").value_or("") != c.buildingAddress ||
           store.meta("territory_name").value_or("") != c.territoryName;
}

}  // namespace

SyncClient::SyncClient(KioskStore& store, HubLink& hub, Environment env, SyncOptions options)
    : store_(store), hub_(hub), env_(std::move(env)), options_(options) {}

SyncClient::~SyncClient() {
    stop();
}

Millis SyncClient::pauseAfter(int failures, const SyncOptions& options) {
    if (failures <= 0) {
        return options.interval;
    }
    Millis pause = options.retryFirst;
    for (int i = 1; i < failures && pause < options.retryMax; ++i) {
        pause *= 2;
    }
    return std::min(pause, options.retryMax);
}

std::string SyncClient::push() {
    std::size_t batch = static_cast<std::size_t>(options_.batch);
    while (!stopping()) {
        const std::vector<Event> events = store_.pendingEvents(static_cast<int>(batch));
        if (events.empty()) {
            return "";
        }
        const auto reply = hub_.send("POST", "/api/v1/kiosk/events", eventsBody(events));
        if (reply && (reply->status == 400 || reply->status == 413)) {
            // The hub refuses a whole request for one bad event: narrow the
            // batch down to it and keep that one for staff, so that it does
            // not hold up everything after it.
            if (events.size() > 1) {
                batch = events.size() / 2;
            } else {
                store_.settle({}, {{events[0].id, "refused: " + reply->body.substr(0, 200)}});
                batch = static_cast<std::size_t>(options_.batch);
            }
            continue;
        }
        if (!reply || reply->status != 200) {
            noteIfRevoked(reply);
            return failure("push", reply);
        }
        const std::string error = settle(events, reply->body);
        if (!error.empty()) {
            return error;
        }
    }
    return "stopped before the outbox was empty";
}

std::string SyncClient::settle(const std::vector<Event>& sent, const std::string& answer) {
    std::set<std::string> ids;
    for (const Event& e : sent) {
        ids.insert(e.id);
    }
    std::vector<std::string> stored;
    std::vector<std::pair<std::string, std::string>> rejected;
    const Array::Ptr acks =
        Poco::JSON::Parser().parse(answer).extract<Object::Ptr>()->getArray("acks");
    for (unsigned i = 0; acks && i < acks->size(); ++i) {
        const Object::Ptr ack = acks->getObject(i);
        const std::string id = ack->getValue<std::string>("id");
        const std::string status = ack->getValue<std::string>("status");
        if (ids.erase(id) == 0) {
            continue;  // not one of ours, or acknowledged twice
        }
        if (status == "stored" || status == "already_stored") {
            stored.push_back(id);
        } else if (status == "rejected") {
            rejected.emplace_back(id, ack->optValue<std::string>("error", "rejected"));
        }  // anything else: the event stays and goes again
    }
    store_.settle(stored, rejected);
    if (!ids.empty()) {
        return "push: the hub did not acknowledge " + std::to_string(ids.size()) + " of " +
               std::to_string(sent.size()) + " events";
    }
    return "";
}

void SyncClient::noteIfRevoked(const std::optional<provisioning::HubReply>& reply) {
    if (reply && reply->status == 401 && reply->body.find("unknown_kiosk") != std::string::npos) {
        store_.setMeta("revoked", "1");
    }
}

std::string SyncClient::pull() {
    const std::string cursor = store_.meta("cursor").value_or("0");
    const auto reply = hub_.send("GET", "/api/v1/kiosk/changes?cursor=" + cursor, "");
    if (!reply || reply->status != 200) {
        noteIfRevoked(reply);
        return failure("pull", reply);
    }
    const Changes changes =
        changesOf(*Poco::JSON::Parser().parse(reply->body).extract<Object::Ptr>());
    const bool visible = changesContent(store_, changes);
    store_.applyChanges(changes, env_.now());
    if (visible) {
        std::lock_guard lock(mutex_);
        ++progress_.contentVersion;
    }
    return "";
}

bool SyncClient::syncOnce() {
    std::lock_guard round(round_);
    const Millis started = env_.now();
    std::string error;
    try {
        error = push();
        if (error.empty()) {
            error = pull();
        }
    } catch (const Poco::Exception& e) {  // a malformed answer
        error = "the hub's answer could not be read: " + e.displayText();
    } catch (const std::exception& e) {  // the store, or the nonce's randomness
        error = std::string("sync failed: ") + e.what();
    }
    std::lock_guard lock(mutex_);
    progress_.lastAttempt = started;
    progress_.lastError = error;
    if (error.empty()) {
        progress_.lastSuccess = started;
        progress_.failuresInRow = 0;
    } else {
        ++progress_.failuresInRow;
    }
    return error.empty();
}

bool SyncClient::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void SyncClient::start() {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) {
        stopping_ = false;
        running_ = true;
        thread_ = std::thread([this] { run(); });
    }
}

bool SyncClient::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

void SyncClient::poke() {
    std::lock_guard lock(mutex_);
    poked_ = true;
    wake_.notify_all();
}

void SyncClient::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        running_ = false;
        wake_.notify_all();
    }
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SyncClient::run() {
    for (;;) {
        syncOnce();
        std::unique_lock lock(mutex_);
        const auto pause = std::chrono::milliseconds(pauseAfter(progress_.failuresInRow, options_));
        // A poke shortens a healthy wait; while the hub is away only the
        // backoff decides, so that residents' actions do not hammer it.
        const bool healthy = progress_.failuresInRow == 0;
        wake_.wait_for(lock, pause, [&] { return stopping_ || (healthy && poked_); });
        if (stopping_) {
            return;
        }
        poked_ = false;
    }
}

SyncProgress SyncClient::progress() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

}  // namespace veche::kiosk
