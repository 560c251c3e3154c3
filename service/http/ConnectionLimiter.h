#pragma once

// Counts the service's open connections, in all and per client address, and refuses one that
// would go over either limit, so that one address cannot take every connection and a flood
// cannot take more threads than the machine can hold. Plain logic, no sockets. Thread-safe.

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace ehdocs::http {

class ConnectionLimiter {
public:
    ConnectionLimiter(std::size_t maxOpen, std::size_t maxPerAddress);

    enum class Admission { admitted, addressFull, serverFull };

    // Counts a new connection from `address` when both limits allow it; every admitted
    // connection must be released once.
    Admission admit(const std::string& address);
    void release(const std::string& address);

    std::size_t open() const;
    std::size_t openFrom(const std::string& address) const;

private:
    const std::size_t _maxOpen, _maxPerAddress;
    mutable std::mutex _mutex;
    std::size_t _open = 0;
    std::map<std::string, std::size_t> _byAddress;  // only addresses with open connections
};

}  // namespace ehdocs::http
