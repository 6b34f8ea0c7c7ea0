#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace veche::hub::testing {

struct HttpReply {
    int status = 0;
    std::string contentType;
    std::string body;
};

// A blocking HTTP/1.1 client for tests against a server on 127.0.0.1.
class HttpClient {
public:
    explicit HttpClient(std::uint16_t port) : port_(port) {}

    void setToken(std::string token) { token_ = std::move(token); }

    HttpReply request(const std::string& method, const std::string& path,
                      const std::string& body = "",
                      const std::string& contentType = "application/json");
    HttpReply get(const std::string& path) { return request("GET", path); }
    HttpReply post(const std::string& path, const std::string& json) {
        return request("POST", path, json);
    }

private:
    std::uint16_t port_;
    std::string token_;
};

}  // namespace veche::hub::testing
