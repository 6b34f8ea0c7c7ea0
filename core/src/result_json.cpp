#include "veche/core/result_json.h"

#include <cstdio>

namespace veche::core {
namespace {

std::string amount(const Fraction& value) {
    return jsonString(value.toDecimal(2));
}

std::string percent(const Fraction& part, const Fraction& whole) {
    if (whole == Fraction{}) {
        return jsonString("0.00");
    }
    return jsonString((part * Fraction(100) / whole).toDecimal(2));
}

const char* boolean(bool value) {
    return value ? "true" : "false";
}

}  // namespace

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string resultToJson(const Agenda& agenda, const TallyResult& result) {
    std::string out = "{\n";
    out += "  \"rules\": " + jsonString(nameOf(result.rules)) + ",\n";
    out += "  \"total\": " + amount(result.total) + ",\n";
    out += "  \"participating\": " + amount(result.participating) + ",\n";
    out += "  \"quorum\": " + std::string(boolean(result.quorum)) + ",\n";
    out += "  \"consultative\": " + std::string(boolean(result.consultative)) + ",\n";
    out += "  \"items\": [";
    for (std::size_t i = 0; i < result.items.size(); ++i) {
        const ItemResult& r = result.items[i];
        out += i == 0 ? "\n" : ",\n";
        out += "    {\"id\": " + jsonString(agenda.items[i].id);
        out += ", \"for\": " + amount(r.forVotes);
        out += ", \"against\": " + amount(r.against);
        out += ", \"abstain\": " + amount(r.abstain);
        out += ", \"invalid\": " + amount(r.invalid);
        out += ", \"for_percent_of_total\": " + percent(r.forVotes, result.total);
        out += ", \"for_percent_of_participating\": " + percent(r.forVotes, result.participating);
        out += ", \"adopted\": " + std::string(boolean(r.adopted)) + "}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace veche::core
