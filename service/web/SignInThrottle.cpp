#include "web/SignInThrottle.h"

namespace ehdocs::web {

SignInThrottle::SignInThrottle(Clock clock, int attempts, Poco::Timespan window)
    : _clock(std::move(clock)), _attempts(static_cast<std::size_t>(attempts)), _window(window) {}

bool SignInThrottle::full(const std::string& key, const Poco::Timestamp& now) {
    auto it = _failures.find(key);
    if (it == _failures.end()) return false;
    std::deque<Poco::Timestamp>& times = it->second;
    while (!times.empty() && now - times.front() >= _window.totalMicroseconds()) times.pop_front();
    if (times.empty()) {
        _failures.erase(it);
        return false;
    }
    return times.size() >= _attempts;
}

bool SignInThrottle::allows(const std::string& user, const std::string& address) {
    const Poco::Timestamp now = _clock();
    std::lock_guard<std::mutex> lock(_mutex);
    const bool userFull = full("user:" + user, now);
    const bool addressFull = full("address:" + address, now);
    return !userFull && !addressFull;
}

void SignInThrottle::failed(const std::string& user, const std::string& address) {
    const Poco::Timestamp now = _clock();
    std::lock_guard<std::mutex> lock(_mutex);
    // Forget keys whose failures have all aged out, so that guessed names cannot fill memory.
    if (_failures.size() > 10000) {
        for (auto it = _failures.begin(); it != _failures.end();) {
            const bool stale = now - it->second.back() >= _window.totalMicroseconds();
            it = stale ? _failures.erase(it) : std::next(it);
        }
    }
    _failures["user:" + user].push_back(now);
    _failures["address:" + address].push_back(now);
}

void SignInThrottle::succeeded(const std::string& user) {
    std::lock_guard<std::mutex> lock(_mutex);
    _failures.erase("user:" + user);
}

}  // namespace ehdocs::web
