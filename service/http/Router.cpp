#include "http/Router.h"

namespace ehdocs::http {

namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> segments;
    std::string current;
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            segments.push_back(current);
            current.clear();
        } else {
            current += path[i];
        }
    }
    return segments;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             PathParams& params) {
    if (pattern.size() != path.size()) return false;
    PathParams found;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::string& p = pattern[i];
        if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
            if (path[i].empty()) return false;
            found[p.substr(1, p.size() - 2)] = path[i];
        } else if (p != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Endpoint endpoint) {
    _routes.push_back(Route{method, pattern, split(pattern), std::move(endpoint)});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
    Match result;
    if (path.empty() || path.front() != '/') return result;
    const std::vector<std::string> segments = split(path);
    for (const Route& route : _routes) {
        PathParams params;
        if (!matches(route.segments, segments, params)) continue;
        // HEAD is GET without the body (RequestHandler sends only the headers).
        if (route.method == method || (method == "HEAD" && route.method == "GET")) {
            result.endpoint = &route.endpoint;
            result.pattern = route.pattern;
            result.params = std::move(params);
            result.allowed.clear();
            return result;
        }
        result.pattern = route.pattern;
        result.params = params;
        result.allowed.push_back(route.method);
        if (route.method == "GET") result.allowed.push_back("HEAD");
    }
    return result;
}

}  // namespace ehdocs::http
