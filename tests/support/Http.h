#pragma once

// One HTTP request to a server of the tests on 127.0.0.1 (in process, or `ehdocs serve`).

#include <Poco/Types.h>

#include <map>
#include <string>

namespace ehdocs::test {

struct HttpReply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;         // names lower-cased
    std::string header(const std::string& name) const;  // "" when it was not sent
};

// `method path` on `port`, with the bearer token (none when ""), the body (sent as JSON for
// POST and PUT, and whenever there is one) and any other headers.
HttpReply httpCall(Poco::UInt16 port, const std::string& method, const std::string& path,
                   const std::string& token = "", const std::string& body = "",
                   const std::map<std::string, std::string>& headers = {});

}  // namespace ehdocs::test
