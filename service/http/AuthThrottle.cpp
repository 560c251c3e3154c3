#include "http/AuthThrottle.h"

#include <algorithm>

namespace ehdocs::http {

AuthThrottle::AuthThrottle(int limit, std::chrono::seconds window, Clock clock)
    : _limit(limit), _window(window), _clock(std::move(clock)) {}

AuthThrottle::Verdict AuthThrottle::failed(const std::string& address) {
    const auto now = _clock();
    std::lock_guard<std::mutex> lock(_mutex);
    State& state = _addresses[address];
    if (state.failures > 0 && now - state.since >= _window) {
        if (state.blocked) _pending.push_back({address, state.refused});
        state = State{};
    }
    if (state.failures == 0) state.since = now;
    Verdict verdict;
    if (state.blocked) {
        ++state.refused;
        verdict.refuse = true;
    } else if (++state.failures > _limit) {
        state.blocked = true;
        state.since = now;
        state.refused = 1;
        verdict.refuse = true;
        verdict.blockStarts = true;
    }
    if (verdict.refuse) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(state.since + _window - now);
        verdict.retryAfter = static_cast<int>(std::max<long long>(1, left.count()));
    }
    return verdict;
}

std::vector<AuthThrottle::Ended> AuthThrottle::ended() {
    const auto now = _clock();
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<Ended> done = std::move(_pending);
    _pending.clear();
    if (now - _lastSweep < std::chrono::seconds(1)) return done;
    _lastSweep = now;
    for (auto it = _addresses.begin(); it != _addresses.end();) {
        if (now - it->second.since < _window) {
            ++it;
            continue;
        }
        if (it->second.blocked) done.push_back({it->first, it->second.refused});
        it = _addresses.erase(it);  // also forgets addresses whose window passed quietly
    }
    return done;
}

}  // namespace ehdocs::http
