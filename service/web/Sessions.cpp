#include "web/Sessions.h"

#include <algorithm>

#include "web/Passwords.h"

namespace ehdocs::web {

Sessions::Sessions(Clock clock, Poco::Timespan idle, Poco::Timespan maximum, std::size_t capacity)
    : _clock(std::move(clock)), _idle(idle), _maximum(maximum), _capacity(capacity) {}

bool Sessions::expired(const Session& session, const Poco::Timestamp& now) const {
    return now - session.lastSeen >= _idle.totalMicroseconds() ||
           now - session.started >= _maximum.totalMicroseconds();
}

Session Sessions::start(const std::string& userName) {
    const Poco::Timestamp now = _clock();
    Session session{Passwords::randomHex(32), Passwords::randomHex(32), userName, now, now};
    std::lock_guard<std::mutex> lock(_mutex);
    for (auto it = _sessions.begin(); it != _sessions.end();) {
        it = expired(it->second, now) ? _sessions.erase(it) : std::next(it);
    }
    if (_sessions.size() >= _capacity) {
        auto oldest = std::min_element(_sessions.begin(), _sessions.end(), [](auto& a, auto& b) {
            return a.second.lastSeen < b.second.lastSeen;
        });
        _sessions.erase(oldest);
    }
    _sessions[session.id] = session;
    return session;
}

std::optional<Session> Sessions::touch(const std::string& id) {
    const Poco::Timestamp now = _clock();
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _sessions.find(id);
    if (it == _sessions.end()) return std::nullopt;
    if (expired(it->second, now)) {
        _sessions.erase(it);
        return std::nullopt;
    }
    it->second.lastSeen = now;
    return it->second;
}

void Sessions::end(const std::string& id) {
    std::lock_guard<std::mutex> lock(_mutex);
    _sessions.erase(id);
}

void Sessions::endAllOf(const std::string& userName) {
    std::lock_guard<std::mutex> lock(_mutex);
    for (auto it = _sessions.begin(); it != _sessions.end();) {
        it = it->second.userName == userName ? _sessions.erase(it) : std::next(it);
    }
}

}  // namespace ehdocs::web
