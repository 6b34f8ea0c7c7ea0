#pragma once
// A handset in a USSD session with the hub, in the Africa's Talking
// convention: every request carries sessionId, serviceCode, phoneNumber and
// text, all the caller's inputs of the session so far joined by '*'; the
// reply body starts with "CON " (more input expected) or "END " (final).

#include <Poco/Timespan.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "veche/ussd/screen.h"

namespace veche::ussd {

// One request of a session to the gateway's endpoint.
class UssdTransport {
public:
    virtual ~UssdTransport() = default;
    // Sends the form fields and returns the reply body. Throws
    // std::runtime_error naming the endpoint when there is no HTTP 200 reply.
    virtual std::string post(const std::map<std::string, std::string>& form) = 0;
};

// Form-encoded POST to `hubUrl` + "/ussd" over plain http, one connection per
// request, each step of the exchange limited to `timeout`.
class PocoUssdTransport : public UssdTransport {
public:
    // Throws std::invalid_argument unless `hubUrl` is http://host[:port][/path].
    explicit PocoUssdTransport(const std::string& hubUrl,
                               Poco::Timespan timeout = Poco::Timespan(10, 0));
    std::string post(const std::map<std::string, std::string>& form) override;

private:
    std::string host_;
    std::uint16_t port_ = 0;
    std::string path_;
    std::string url_;  // for messages
    Poco::Timespan timeout_;
};

// A fresh session id, "phone-" and 16 hex digits of `random()`.
std::string newSessionId(const std::function<std::uint64_t()>& random);

// One USSD session: dial once, then answer each CON screen. Both return the
// screen of the reply and throw std::runtime_error from the transport, and
// for a body starting with neither "CON " nor "END "; the input is then not
// part of the session, so the same call may be tried again.
class PhoneSession {
public:
    PhoneSession(UssdTransport& transport, std::string sessionId, std::string phoneNumber);

    // Dials "*123#" or a whole chain "*123*1*2#" (service code "*123#", text
    // "1*2"). Throws std::invalid_argument for a code not of that shape and
    // std::logic_error when the session was dialled already.
    Screen dial(const std::string& code);

    // Sends `input` after the inputs so far. Throws std::logic_error before
    // dial() and after an END screen.
    Screen answer(const std::string& input);

private:
    Screen send(const std::string& text);

    UssdTransport& transport_;
    std::string sessionId_;
    std::string phoneNumber_;
    std::string serviceCode_;
    std::string text_;
    long inputs_ = 0;  // in text_, which is "" for none and for one empty input
    bool dialled_ = false;
    bool ended_ = false;
};

// The body a screen came from: "CON " or "END " and its text.
std::string screenBody(const Screen& screen);

}  // namespace veche::ussd
