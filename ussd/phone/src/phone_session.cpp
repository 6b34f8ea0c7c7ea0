#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "veche/ussd/phone.h"
#include "veche/ussd/transcript.h"

namespace veche::ussd {
namespace {

// At most `bytes` bytes of `text`, not cutting a UTF-8 character.
std::string head(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) {
        return text;
    }
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) {
        --bytes;
    }
    return text.substr(0, bytes) + "…";
}

}  // namespace

std::string newSessionId(const std::function<std::uint64_t()>& random) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random()));
    return std::string("phone-") + hex;
}

std::string screenBody(const Screen& screen) {
    return (screen.final ? "END " : "CON ") + screen.text;
}

PhoneSession::PhoneSession(UssdTransport& transport, std::string sessionId, std::string phoneNumber)
    : transport_(transport),
      sessionId_(std::move(sessionId)),
      phoneNumber_(std::move(phoneNumber)) {}

Screen PhoneSession::dial(const std::string& code) {
    if (dialled_) {
        throw std::logic_error("the session was dialled already; start a new session");
    }
    const std::size_t star = code.find('*', 1);
    if (!isDialledCode(code) || star == 1) {
        throw std::invalid_argument("a USSD code looks like *123# or *123*1*2#, not \"" + code +
                                    "\"");
    }
    serviceCode_ = star == std::string::npos ? code : code.substr(0, star) + "#";
    const std::string text =
        star == std::string::npos ? "" : code.substr(star + 1, code.size() - star - 2);
    const Screen screen = send(text);
    text_ = text;
    inputs_ = star == std::string::npos ? 0 : 1 + std::count(text.begin(), text.end(), '*');
    dialled_ = true;
    return screen;
}

Screen PhoneSession::answer(const std::string& input) {
    if (!dialled_) {
        throw std::logic_error("answer() before dial()");
    }
    if (ended_) {
        throw std::logic_error("the session has ended (END); dial a new one");
    }
    const std::string text = inputs_ == 0 ? input : text_ + "*" + input;
    const Screen screen = send(text);
    text_ = text;
    ++inputs_;
    return screen;
}

Screen PhoneSession::send(const std::string& text) {
    const std::string body = transport_.post({{"sessionId", sessionId_},
                                              {"serviceCode", serviceCode_},
                                              {"phoneNumber", phoneNumber_},
                                              {"text", text}});
    const bool con = body.starts_with("CON ");
    if (!con && !body.starts_with("END ")) {
        throw std::runtime_error("the reply starts with neither \"CON \" nor \"END \": \"" +
                                 head(body, 80) + "\"");
    }
    ended_ = !con;
    return Screen{ended_, body.substr(4)};
}

}  // namespace veche::ussd
