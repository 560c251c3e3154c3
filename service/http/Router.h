#pragma once

// Maps a method and a path to an endpoint. Patterns are literal segments and `{name}`
// placeholders (one whole segment each): `/api/v1/cases/{id}/render/{type}`.
// Not thread-safe to add to; safe to match from many threads once built.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/ApiExchange.h"

namespace ehdocs::http {

using PathParams = std::map<std::string, std::string>;
using Endpoint = std::function<ApiResponse(const ApiRequest&, const PathParams&)>;

class Router {
public:
    void add(const std::string& method, const std::string& pattern, Endpoint endpoint);

    struct Match {
        const Endpoint* endpoint = nullptr;  // null when nothing matched
        std::string pattern;                 // the matched route, for metrics ("" = none)
        PathParams params;                   // also when only the method was wrong
        std::vector<std::string> allowed;    // methods the path has, when the method was wrong
    };

    // The endpoint for the request (HEAD finds the GET route). No endpoint and empty
    // `allowed`: no such path (404); no endpoint and `allowed` set: the path exists for other
    // methods (405).
    Match match(const std::string& method, const std::string& path) const;

private:
    struct Route {
        std::string method, pattern;
        std::vector<std::string> segments;
        Endpoint endpoint;
    };
    std::vector<Route> _routes;
};

}  // namespace ehdocs::http
