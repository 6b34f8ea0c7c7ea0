#pragma once

// Reading request bodies and writing responses for the API handlers.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "veche/core/ballot.h"
#include "veche/core/problem.h"
#include "veche/hub/http/router.h"

#include "veche/hub/model.h"

namespace veche::hub::api {

// The body as a JSON object; ApiError 400 when it is not one.
Poco::JSON::Object::Ptr parseObject(const std::string& body);

// Members of a request object; each throws ApiError 400 naming the field when
// it is missing (required ones) or of the wrong type.
std::string requiredString(const Poco::JSON::Object& o, const std::string& field);
std::string optionalString(const Poco::JSON::Object& o, const std::string& field);
bool optionalBool(const Poco::JSON::Object& o, const std::string& field, bool fallback);
// An ISO 8601 date and time with a zone, e.g. "2026-12-10T10:00:00+03:00".
Millis requiredTime(const Poco::JSON::Object& o, const std::string& field);

// A ballot's "answers": an object of agenda item id to for, against,
// abstain or invalid.
std::vector<std::pair<std::string, core::Choice>> answersFrom(const Poco::JSON::Object& o);

// 400 with every problem of an imported file, in the recount's words:
// {"error": {"code", "message", "field", "problems": [{file, line, message, text}]}}
Response problemsResponse(const core::Problems& problems, const std::string& file);

// "2026-12-10T07:00:00Z"
std::string isoTime(Millis t);

// Each of `items` made JSON by `toJson`, as an array.
template <typename Items, typename ToJson>
Poco::JSON::Array arrayOf(const Items& items, ToJson toJson) {
    Poco::JSON::Array array;
    for (const auto& item : items) {
        array.add(toJson(item));
    }
    return array;
}

// Strings as a JSON array.
inline Poco::JSON::Array stringArray(const std::vector<std::string>& strings) {
    return arrayOf(strings, [](const std::string& s) { return s; });
}

// The string, or null.
inline Poco::Dynamic::Var orNull(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

// A JSON object or array rendered as text.
std::string render(const Poco::JSON::Object& o);
std::string render(const Poco::JSON::Array& a);

}  // namespace veche::hub::api
