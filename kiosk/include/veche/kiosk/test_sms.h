#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "veche/kiosk/environment.h"
#include "veche/kiosk/services.h"
#include "veche/kiosk/sms_outbox.h"

namespace veche::kiosk {

// The staff screen's test SMS (KioskServices::sendTestSms): a short text
// naming the kiosk, queued in the kiosk's SMS outbox for its own modem,
// expiring after kLifetime. Thread-safe.
class TestSmsSender {
public:
    static constexpr Millis kLifetime = 10 * 60'000;

    // `modemUp` says whether the kiosk's modem can send now; `poke` wakes
    // the pool after a message was queued.
    TestSmsSender(KioskSmsOutbox& outbox, std::string kioskId, Environment env,
                  std::function<bool()> modemUp, std::function<void()> poke);

    TestSms send(const std::string& phoneAsTyped);
    TestSmsState state(std::int64_t id) const;

    // The text sent: at most 70 characters, one Cyrillic SMS.
    static std::string textFor(const std::string& kioskId);

private:
    KioskSmsOutbox& outbox_;
    std::string kioskId_;
    Environment env_;
    std::function<bool()> modemUp_;
    std::function<void()> poke_;
    std::mutex mutex_;
    Millis lastSent_ = 0;
};

}  // namespace veche::kiosk
