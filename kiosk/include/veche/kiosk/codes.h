#pragma once

#include <functional>
#include <string>

#include "veche/kiosk/environment.h"
#include "veche/kiosk/sms_outbox.h"
#include "veche/kiosk/store.h"
#include "veche/modem/code_limits.h"

namespace veche::kiosk {

using modem::CodeLimits;

// Six-digit codes that prove a resident holds a phone. The kiosk's own modem
// sends them from the kiosk's SMS outbox (priority Code, expiring with the
// code); when that modem is down the hub is asked to send one and, later, to
// check it. The store keeps a code only as a salted hash (its SMS text is
// blanked once sent) and forgets it after an hour; codes are never logged.
class KioskCodes {
public:
    // `modemUp` says whether the kiosk's modem can send now; `poke` wakes the
    // pool after a message was queued.
    KioskCodes(KioskStore& store, KioskSmsOutbox& outbox, HubLink& hub, Environment env,
               std::function<bool()> modemUp, std::function<void()> poke, CodeLimits limits = {});

    CodeRequest request(const std::string& phoneAsTyped);
    CodeCheck check(const std::string& phoneAsTyped, const std::string& code);

private:
    struct Keys {
        std::string phone;  // E.164
        std::string phoneKey;
        std::string prefixKey;
    };
    std::optional<Keys> keysOf(const std::string& phoneAsTyped);
    std::string hashOf(const std::string& phoneKey, const std::string& code) const;
    std::string newCode();
    std::optional<std::string> limitReached(Poco::Data::Session& s, const Keys& keys,
                                            Millis now) const;
    void record(Poco::Data::Session& s, const Keys& keys, const std::string& codeHash,
                const char* via, Millis now);
    // Uses up the code (right) or one of its attempts (wrong).
    static void spend(Poco::Data::Session& s, std::int64_t rowId, bool right);
    CodeRequest askHub(const Keys& keys, Millis now);
    CodeCheck checkWithHub(const Keys& keys, const std::string& code, std::int64_t rowId,
                           int attemptsLeft);

    KioskStore& store_;
    KioskSmsOutbox& outbox_;
    HubLink& hub_;
    Environment env_;
    std::function<bool()> modemUp_;
    std::function<void()> poke_;
    CodeLimits limits_;
    std::string salt_;
};

}  // namespace veche::kiosk
