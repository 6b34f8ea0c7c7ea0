#include "veche/hub/http/router.h"

#include <algorithm>

namespace veche::hub {
namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        if (end > start) {
            parts.push_back(path.substr(start, end - start));
        }
        start = end + 1;
    }
    return parts;
}

}  // namespace

Response Response::json(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

void Router::add(const std::string& method, const std::string& pattern, std::set<Role> roles,
                 Handler handler) {
    routes_.push_back({method, pattern, split(pattern), std::move(roles), std::move(handler)});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
    const std::vector<std::string> parts = split(path);
    Match result;
    for (const Route& route : routes_) {
        if (route.segments.size() != parts.size()) {
            continue;
        }
        std::map<std::string, std::string> params;
        bool matches = true;
        for (std::size_t i = 0; i < parts.size() && matches; ++i) {
            const std::string& segment = route.segments[i];
            if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
                params[segment.substr(1, segment.size() - 2)] = parts[i];
            } else {
                matches = segment == parts[i];
            }
        }
        if (!matches) {
            continue;
        }
        if (route.method != method) {
            result.pathKnown = true;
            continue;
        }
        result.handler = &route.handler;
        result.roles = &route.roles;
        result.params = std::move(params);
        result.pattern = route.pattern;
        return result;
    }
    return result;
}

}  // namespace veche::hub
