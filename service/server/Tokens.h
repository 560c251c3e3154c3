#pragma once

// API tokens: 32 random bytes from the system's random source, written as `ehd_` + 64 hex
// digits. Only the SHA-256 of a token is ever stored.

#include <string>

namespace ehdocs::server {

class Tokens {
public:
    static std::string generate();  // a new token; throws Poco::IOException without randomness
    static std::string sha256Hex(const std::string& data);  // lower-case hex
};

}  // namespace ehdocs::server
