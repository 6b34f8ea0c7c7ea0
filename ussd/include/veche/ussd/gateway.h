#pragma once

#include <map>
#include <string>
#include <string_view>

#include "veche/ussd/engine.h"
#include "veche/ussd/screen.h"

namespace veche::ussd {

// One operator gateway protocol: it turns the gateway's request into a
// UssdRequest and a Screen into the gateway's reply. The hub's POST /ussd
// speaks ConEndGateway; an SMPP (ussd_service_op) adapter would implement the
// same interface over deliver_sm / submit_sm.
class GatewayProtocol {
public:
    virtual ~GatewayProtocol() = default;
    // Throws std::invalid_argument naming a missing or malformed field.
    virtual UssdRequest parse(std::string_view request) const = 0;
    virtual std::string reply(const Screen& screen) const = 0;
};

// The "CON/END" HTTP convention of USSD aggregators (docs/ussd.md): a form
// (application/x-www-form-urlencoded) with sessionId, serviceCode,
// phoneNumber, text and optionally networkCode; the reply is plain text
// starting with "CON " (more input) or "END " (final).
class ConEndGateway : public GatewayProtocol {
public:
    UssdRequest parse(std::string_view formBody) const override;
    std::string reply(const Screen& screen) const override;
};

// The fields of an application/x-www-form-urlencoded body ('+' is a space,
// %XX a byte). Throws std::invalid_argument on a bad escape.
std::map<std::string, std::string> parseForm(std::string_view body);

}  // namespace veche::ussd
