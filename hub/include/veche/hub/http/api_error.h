#pragma once

#include <stdexcept>
#include <string>

namespace veche::hub {

// An error a client caused or should know about, with the HTTP status and the
// body {"error": {"code", "message", "field"}} it becomes. Handlers throw it;
// the server turns it into the response.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, std::string message, std::string field = "")
        : std::runtime_error(message),
          status_(status),
          code_(std::move(code)),
          field_(std::move(field)) {}

    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& field() const { return field_; }

    // 400 for a field that is missing or wrong; names the field.
    static ApiError invalid(const std::string& field, const std::string& message) {
        return {400, "invalid_field", message, field};
    }
    static ApiError notFound(const std::string& what) {
        return {404, "not_found", what + " not found"};
    }
    static ApiError conflict(const std::string& message) { return {409, "conflict", message}; }

private:
    int status_;
    std::string code_;
    std::string field_;
};

}  // namespace veche::hub
