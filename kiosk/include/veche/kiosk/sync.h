#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "veche/kiosk/environment.h"
#include "veche/kiosk/store.h"

namespace veche::kiosk {

struct SyncOptions {
    int batch = 200;               // events a push (the hub takes up to 1,000)
    Millis interval = 30'000;      // between rounds while the hub answers
    Millis retryFirst = 2'000;     // after a failed round; doubled each time…
    Millis retryMax = 5 * 60'000;  // …up to this
};

// What the last rounds did, for staff.
struct SyncProgress {
    Millis lastSuccess = 0;
    Millis lastAttempt = 0;
    std::string lastError;
    int failuresInRow = 0;
    long contentVersion = 1;  // bumps when a pull changed what residents see
};

// Keeps the kiosk store and the hub in step (docs/kiosk-sync.md): pushes the
// outbox's events in order, deletes what the hub stored, keeps what it
// refused with the reason; then pulls changes from the stored cursor, and
// refuses a pull with a malformed assembly or poll (the old content stays).
// A 401 unknown_kiosk marks the store "revoked" (the kiosk was switched off
// at the hub). A
// round that fails changes nothing it has not finished, so it can simply be
// repeated: the hub stores each event once by its id. Rounds run on the
// client's own thread, every `interval`, sooner after poke(), and with
// growing pauses while the hub cannot be reached.
class SyncClient {
public:
    SyncClient(KioskStore& store, HubLink& hub, Environment env, SyncOptions options = {});
    ~SyncClient();  // stop()
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // One round on the caller's thread; true when both push and pull
    // succeeded. Never throws for the hub's or the network's failures.
    bool syncOnce();

    void start();
    void poke();           // a new event is waiting: sync soon
    void stop();           // finishes the round in progress; idempotent
    bool running() const;  // between start() and stop()

    SyncProgress progress() const;

    // The pause before the next round after `failures` failed rounds in a row.
    static Millis pauseAfter(int failures, const SyncOptions& options);

private:
    std::string push();  // an error, or empty
    // Settles the events `sent` by the hub's acks, matched by id.
    std::string settle(const std::vector<Event>& sent, const std::string& answer);
    std::string pull();
    // Marks the kiosk revoked when the hub answered 401 unknown_kiosk.
    void noteIfRevoked(const std::optional<provisioning::HubReply>& reply);
    bool stopping() const;
    void run();

    KioskStore& store_;
    HubLink& hub_;
    Environment env_;
    SyncOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    SyncProgress progress_;
    std::mutex round_;  // one round at a time
    bool poked_ = false;
    bool stopping_ = false;
    bool running_ = false;
    std::thread thread_;
};

}  // namespace veche::kiosk
