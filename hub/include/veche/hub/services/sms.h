#pragma once

#include <string>
#include <vector>

#include "veche/hub/environment.h"
#include "veche/hub/model.h"
#include "veche/hub/services/hub.h"
#include "veche/hub/services/phone_scope.h"
#include "veche/hub/store/sms_store.h"
#include "veche/modem/modem.h"

namespace veche::hub {

// The consent text a resident agrees to by sending СТАРТ.
inline constexpr const char* kSmsStartConsentVersion = "sms-start-2026-11";

// What the hub does with SMS (docs/modem.md, "The hub's SMS"): notices and
// alerts to residents who consented, and what residents send: СТОП, СТАРТ,
// poll answers, anything else. Replies are queued in the outbox like every
// other message; the pool sends them.
class SmsService {
public:
    SmsService(Hub& hub, SmsStore& outbox, const Clock& clock);

    // Queues `notice` for every phone with SMS consent linked to a building
    // it targets: Экстренное as an emergency alert, the rest as broadcasts.
    // Returns how many were queued.
    int fanOut(const Notice& notice);

    // Acts on a received message, in this order: an opt-out keyword (СТОП,
    // STOP, ОТПИСКА… in any case and with Latin look-alikes) withdraws SMS
    // consent whatever else is in progress; СТАРТ gives it; "Г 1 2 3" votes
    // (1 за, 2 против, 3 воздержался per agenda item); "N" or "P N" answers
    // an open poll; anything else gets a short help, at most once an
    // hour per phone. Throws only when the store fails (the modem keeps the
    // message then).
    void handle(const modem::IncomingSms& sms);

    SmsStore& outbox() { return outbox_; }

    // Queues one message to `phone` as a reply (kind: reply, receipt, help…).
    void send(const std::string& phone, const std::string& text, const std::string& kind);

private:
    bool answerPoll(const std::string& phone, const std::vector<std::string>& words);
    // "Г 1 2 3": a ballot for the one open assembly the phone may vote in.
    void vote(const std::string& phone, const std::string& text);

    Hub& hub_;
    SmsStore& outbox_;
    const Clock& clock_;
    PhoneScope scope_;
};

// The first word of `text`, upper-cased, with Latin letters that look
// Cyrillic made Cyrillic ("Stop", "CTOП" and "стоп" compare equal to their
// canonical forms). Exposed for tests.
std::string canonicalWord(const std::string& text);

}  // namespace veche::hub
