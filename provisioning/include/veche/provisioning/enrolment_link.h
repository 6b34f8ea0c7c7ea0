#pragma once

#include <optional>
#include <string>

namespace veche::provisioning {

// What an enrolment label's QR code carries: where the hub is and the
// one-time code, as `veche://enrol/?hub=<url>&code=<code>` (percent-encoded). A kiosk's staff
// screen takes it from a keyboard-wedge scanner as typed text.
struct EnrolmentLink {
    std::string hubUrl;  // http://host:port
    std::string code;    // XXXX-XXXX-XXXX
};

std::string textOf(const EnrolmentLink& link);

// The link in `text`, or nullopt when it is not one (then `text` may be a
// code typed by hand).
std::optional<EnrolmentLink> parseEnrolmentLink(const std::string& text);

}  // namespace veche::provisioning
