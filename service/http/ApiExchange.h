#pragma once

// A request and a response as the API's endpoints see them: plain values, so that endpoint
// code is not tied to Poco's stream-based server types (RequestHandler converts).

#include <map>
#include <string>

namespace ehdocs::http {

struct ApiRequest {
    std::string method;                          // GET, POST, ...
    std::string path;                            // decoded, without the query
    std::map<std::string, std::string> query;    // decoded; the last value of a repeated name
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string requestId;
    std::string clientAddress;  // the peer's IP address, e.g. "127.0.0.1"

    // The header's value, or "" when absent. `name` in lower case.
    std::string header(const std::string& name) const;
    std::string param(const std::string& name) const;  // a query parameter, or ""
};

struct ApiResponse {
    int status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::map<std::string, std::string> headers;
    std::string body;
};

}  // namespace ehdocs::http
