#include "json_fields.h"

#include <Poco/JSON/Parser.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace veche::hardware::json {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& field,
                       const std::string& what) {
    throw std::invalid_argument(where + ": " + field + ": " + what);
}

}  // namespace

Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& where) {
    try {
        auto value = Poco::JSON::Parser().parse(text);
        if (auto o = value.extract<Poco::JSON::Object::Ptr>()) {
            return o;
        }
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument(where + ": not valid JSON: " + e.displayText());
    } catch (const std::exception&) {
    }
    throw std::invalid_argument(where + ": must be a JSON object");
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::invalid_argument(path + ": cannot be read");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Poco::JSON::Object::Ptr object(const Poco::JSON::Object& o, const std::string& field,
                               const std::string& where) {
    if (!o.has(field)) {
        fail(where, field, "is missing");
    }
    auto value = o.getObject(field);
    if (!value) {
        fail(where, field, "must be an object");
    }
    return value;
}

std::string string(const Poco::JSON::Object& o, const std::string& field,
                   const std::string& where) {
    auto value = optionalString(o, field, where);
    if (!value || value->empty()) {
        fail(where, field, "is missing");
    }
    return *value;
}

std::optional<std::string> optionalString(const Poco::JSON::Object& o, const std::string& field,
                                          const std::string& where) {
    if (!o.has(field)) {
        return std::nullopt;
    }
    auto value = o.get(field);
    if (!value.isString()) {
        fail(where, field, "must be a string");
    }
    return value.extract<std::string>();
}

bool boolean(const Poco::JSON::Object& o, const std::string& field, bool fallback,
             const std::string& where) {
    if (!o.has(field)) {
        return fallback;
    }
    auto value = o.get(field);
    if (!value.isBoolean()) {
        fail(where, field, "must be true or false");
    }
    return value.extract<bool>();
}

int integer(const Poco::JSON::Object& o, const std::string& field, int min, int max,
            std::optional<int> fallback, const std::string& where) {
    const std::string range = std::to_string(min) + "–" + std::to_string(max);
    if (!o.has(field)) {
        if (!fallback) {
            fail(where, field, "is missing (an integer " + range + ")");
        }
        return *fallback;
    }
    auto value = o.get(field);
    if (!value.isInteger() || value.convert<long long>() < min ||
        value.convert<long long>() > max) {
        fail(where, field, "must be an integer " + range + ", not " + value.toString());
    }
    return static_cast<int>(value.convert<long long>());
}

double number(const Poco::JSON::Object& o, const std::string& field, double fallback,
              const std::string& where) {
    if (!o.has(field)) {
        return fallback;
    }
    auto value = o.get(field);
    if (!value.isNumeric() || !std::isfinite(value.convert<double>())) {
        fail(where, field, "must be a number, not " + value.toString());
    }
    return value.convert<double>();
}

}  // namespace veche::hardware::json
