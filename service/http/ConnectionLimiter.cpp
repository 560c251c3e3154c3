#include "http/ConnectionLimiter.h"

namespace ehdocs::http {

ConnectionLimiter::ConnectionLimiter(std::size_t maxOpen, std::size_t maxPerAddress)
    : _maxOpen(maxOpen), _maxPerAddress(maxPerAddress) {}

ConnectionLimiter::Admission ConnectionLimiter::admit(const std::string& address) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_open >= _maxOpen) return Admission::serverFull;
    std::size_t& from = _byAddress[address];
    if (from >= _maxPerAddress) {
        if (from == 0) _byAddress.erase(address);
        return Admission::addressFull;
    }
    ++from;
    ++_open;
    return Admission::admitted;
}

void ConnectionLimiter::release(const std::string& address) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _byAddress.find(address);
    if (found == _byAddress.end()) return;
    if (--found->second == 0) _byAddress.erase(found);
    --_open;
}

std::size_t ConnectionLimiter::open() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _open;
}

std::size_t ConnectionLimiter::openFrom(const std::string& address) const {
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _byAddress.find(address);
    return found == _byAddress.end() ? 0 : found->second;
}

}  // namespace ehdocs::http
