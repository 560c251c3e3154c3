#include "http/ApiExchange.h"

namespace ehdocs::http {

std::string ApiRequest::header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
}

std::string ApiRequest::param(const std::string& name) const {
    auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
}

}  // namespace ehdocs::http
