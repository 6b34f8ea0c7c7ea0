#pragma once

#include <string>

#include "veche/hub/environment.h"
#include "veche/hub/services/residents.h"
#include "veche/hub/store/database.h"
#include "veche/hub/store/sms_store.h"
#include "veche/modem/code_limits.h"

namespace veche::hub {

using modem::CodeLimits;

// Six-digit codes that prove a resident holds a phone: made from the CSPRNG,
// sent by SMS through the outbox (priority Code), stored only as a hash, never
// logged. Only Russian mobile numbers (+79…) get one.
class CodeService {
public:
    CodeService(Database& db, SmsStore& outbox, ResidentService& residents, const Clock& clock,
                Random& random, CodeLimits limits = {});

    // Queues a new code for `phone`, asked by `requester` (a kiosk id). Throws
    // ApiError: 400 for a number that is not a Russian mobile, 429 naming the
    // limit that was reached.
    void issue(const std::string& phone, const std::string& requester);

    // Whether `code` is the phone's latest code, unexpired, unused, with
    // attempts left; a right code verifies the phone and is used up, a wrong
    // one costs an attempt. Throws ApiError 400 for a malformed phone.
    bool verify(const std::string& phone, const std::string& code);

private:
    std::string newCode();
    long issuedSince(const char* column, const std::string& value, Millis since);

    Database& db_;
    SmsStore& outbox_;
    ResidentService& residents_;
    const Clock& clock_;
    Random& random_;
    CodeLimits limits_;
};

}  // namespace veche::hub
