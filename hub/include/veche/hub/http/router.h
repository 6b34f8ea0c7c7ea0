#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "veche/hub/model.h"

namespace veche::hub {

// What a handler sees of a request.
struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> params;  // from {name} segments of the route
    std::map<std::string, std::string> query;
    std::string contentType;
    std::string body;
    std::optional<Role> role;  // of the authenticated token; set before the handler runs
    std::string tokenId;
    std::string clientAddress;  // the peer's IP address
};

struct Response {
    int status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::string body;
    std::map<std::string, std::string> headers;
    std::string errorCode;  // of an error the server itself answered, for the log

    static Response json(int status, std::string body);
};

using Handler = std::function<Response(const Request&)>;

// Routes "METHOD /path/{param}/…" to handlers, each allowed to a set of
// roles (empty: no token needed).
class Router {
public:
    void add(const std::string& method, const std::string& pattern, std::set<Role> roles,
             Handler handler);

    struct Match {
        const Handler* handler = nullptr;
        const std::set<Role>* roles = nullptr;
        std::map<std::string, std::string> params;
        std::string pattern;     // for metrics: the route, not the concrete path
        bool pathKnown = false;  // the path exists for another method (405, not 404)
    };
    Match match(const std::string& method, const std::string& path) const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        std::set<Role> roles;
        Handler handler;
    };
    std::vector<Route> routes_;
};

}  // namespace veche::hub
