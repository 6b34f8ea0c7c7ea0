#pragma once

// Reading the hardware's JSON files (profiles, cabinets): each reader throws
// std::invalid_argument naming `where` (e.g. "profile wb-mio: signals.tamper")
// and the field.
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace veche::hardware::json {

Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& where);
std::string readFile(const std::string& path);

Poco::JSON::Object::Ptr object(const Poco::JSON::Object& o, const std::string& field,
                               const std::string& where);
std::string string(const Poco::JSON::Object& o, const std::string& field, const std::string& where);
std::optional<std::string> optionalString(const Poco::JSON::Object& o, const std::string& field,
                                          const std::string& where);
bool boolean(const Poco::JSON::Object& o, const std::string& field, bool fallback,
             const std::string& where);
// An integer in [min, max]; `fallback` when absent (required when nullopt).
int integer(const Poco::JSON::Object& o, const std::string& field, int min, int max,
            std::optional<int> fallback, const std::string& where);
double number(const Poco::JSON::Object& o, const std::string& field, double fallback,
              const std::string& where);

}  // namespace veche::hardware::json
