#include "json_io.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>

#include <sstream>

#include "veche/core/problem.h"
#include "veche/hub/http/api_error.h"

namespace veche::hub::api {

Poco::JSON::Object::Ptr parseObject(const std::string& body) {
    Poco::Dynamic::Var root;
    try {
        root = Poco::JSON::Parser().parse(body);
    } catch (const Poco::Exception& e) {
        throw ApiError(400, "invalid_json", "the body is not valid JSON: " + e.message());
    }
    if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw ApiError(400, "invalid_json", "the body must be a JSON object");
    }
    return root.extract<Poco::JSON::Object::Ptr>();
}

std::string requiredString(const Poco::JSON::Object& o, const std::string& field) {
    if (!o.has(field)) {
        throw ApiError::invalid(field, field + " is required");
    }
    const Poco::Dynamic::Var v = o.get(field);
    if (!v.isString()) {
        throw ApiError::invalid(field, field + " must be a string");
    }
    return v.extract<std::string>();
}

std::string optionalString(const Poco::JSON::Object& o, const std::string& field) {
    return o.has(field) && !o.isNull(field) ? requiredString(o, field) : "";
}

bool optionalBool(const Poco::JSON::Object& o, const std::string& field, bool fallback) {
    if (!o.has(field) || o.isNull(field)) {
        return fallback;
    }
    const Poco::Dynamic::Var v = o.get(field);
    if (v.type() != typeid(bool)) {
        throw ApiError::invalid(field, field + " must be true or false");
    }
    return v.extract<bool>();
}

Millis requiredTime(const Poco::JSON::Object& o, const std::string& field) {
    const std::string text = requiredString(o, field);
    Poco::DateTime parsed;
    int zone = 0;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, text, parsed, zone) &&
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed,
                                        zone)) {
        throw ApiError::invalid(field, field +
                                           " must be an ISO 8601 time with a zone, like "
                                           "2026-12-10T10:00:00+03:00");
    }
    parsed.makeUTC(zone);
    return parsed.timestamp().epochMicroseconds() / 1000;
}

std::vector<std::pair<std::string, core::Choice>> answersFrom(const Poco::JSON::Object& o) {
    const Poco::JSON::Object::Ptr answers = o.getObject("answers");
    if (!answers) {
        throw ApiError::invalid("answers", "answers must be an object of item id to choice");
    }
    std::vector<std::pair<std::string, core::Choice>> out;
    for (const auto& [item, value] : *answers) {
        const auto choice =
            value.isString() ? core::parseChoice(value.extract<std::string>()) : std::nullopt;
        if (!choice) {
            throw ApiError::invalid("answers." + item,
                                    "a choice is one of for, against, abstain, invalid");
        }
        out.emplace_back(item, *choice);
    }
    return out;
}

// 400 with every problem of an imported file, in the recount's words.
static ApiError importProblems(const core::Problems& problems, const std::string& file) {
    return ApiError(400, "invalid_" + file.substr(0, file.find('.')),
                    std::to_string(problems.size()) + " problem(s) in " + file, file);
}

Response problemsResponse(const core::Problems& problems, const std::string& file) {
    const ApiError e = importProblems(problems, file);
    Poco::JSON::Object error(Poco::JSON_PRESERVE_KEY_ORDER);
    error.set("code", e.code());
    error.set("message", e.what());
    error.set("field", e.field());
    Poco::JSON::Array list;
    for (const core::Problem& p : problems) {
        Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
        item.set("file", p.file);
        item.set("line", static_cast<Poco::UInt64>(p.line));
        item.set("message", p.message);
        item.set("text", core::describe(p));
        list.add(item);
    }
    error.set("problems", list);
    Poco::JSON::Object body;
    body.set("error", error);
    return Response::json(400, render(body));
}

std::string isoTime(Millis t) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(t * 1000),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

std::string render(const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string render(const Poco::JSON::Array& a) {
    std::ostringstream out;
    a.stringify(out);
    return out.str();
}

}  // namespace veche::hub::api
