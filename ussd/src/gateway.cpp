#include "veche/ussd/gateway.h"

#include <algorithm>
#include <stdexcept>

namespace veche::ussd {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] != '%') {
            out += s[i];
        } else if (i + 2 < s.size() && hexDigit(s[i + 1]) >= 0 && hexDigit(s[i + 2]) >= 0) {
            out += static_cast<char>(hexDigit(s[i + 1]) * 16 + hexDigit(s[i + 2]));
            i += 2;
        } else {
            throw std::invalid_argument("a bad %-escape in the form at byte " + std::to_string(i));
        }
    }
    return out;
}

const std::string& required(const std::map<std::string, std::string>& form, const char* name) {
    const auto found = form.find(name);
    if (found == form.end() || found->second.empty()) {
        throw std::invalid_argument(std::string(name) + " is missing");
    }
    return found->second;
}

}  // namespace

std::map<std::string, std::string> parseForm(std::string_view body) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start < body.size()) {
        const std::size_t end = std::min(body.find('&', start), body.size());
        const std::string_view pair = body.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        if (!pair.empty()) {
            out[decode(pair.substr(0, eq))] =
                eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1));
        }
        start = end + 1;
    }
    return out;
}

UssdRequest ConEndGateway::parse(std::string_view formBody) const {
    const auto form = parseForm(formBody);
    UssdRequest r;
    r.sessionId = required(form, "sessionId");
    r.serviceCode = required(form, "serviceCode");
    r.msisdn = required(form, "phoneNumber");
    if (const auto text = form.find("text"); text != form.end()) {
        r.text = text->second;
    }
    return r;
}

std::string ConEndGateway::reply(const Screen& screen) const {
    return (screen.final ? "END " : "CON ") + screen.text;
}

}  // namespace veche::ussd
