#pragma once

// Failed authentications per client address (docs/security.md, "Unauthenticated floods"):
// after `limit` failures within `window`, further failures from that address are refused
// with 429 for `window` (Retry-After) and are not audited one by one: the first refusal is
// audited as the start of the block, and the number refused as one entry when the block ends.
// A request with a valid token is never throttled, so colleagues behind the same address
// keep working. Plain logic with an injected clock. Thread-safe.

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace ehdocs::http {

class AuthThrottle {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    AuthThrottle(
        int limit, std::chrono::seconds window,
        Clock clock = [] { return std::chrono::steady_clock::now(); });

    struct Verdict {
        bool refuse = false;       // answer 429 without auditing this request
        bool blockStarts = false;  // this is the first refusal: audit it
        int retryAfter = 0;        // seconds until the address may try again
    };

    // Counts one failed authentication from `address`.
    Verdict failed(const std::string& address);

    // Blocks that have ended since the last call: the address and how many requests were
    // refused while it was blocked (to be audited as one entry each). Looks at most once a
    // second; cheap otherwise.
    struct Ended {
        std::string address;
        long long refused = 0;
    };
    std::vector<Ended> ended();

private:
    struct State {
        std::chrono::steady_clock::time_point since;  // the window's or the block's start
        int failures = 0;
        bool blocked = false;
        long long refused = 0;
    };

    const int _limit;
    const std::chrono::seconds _window;
    const Clock _clock;
    std::mutex _mutex;
    std::map<std::string, State> _addresses;
    std::vector<Ended> _pending;  // blocks found ended by failed(), not yet reported
    std::chrono::steady_clock::time_point _lastSweep{};
};

}  // namespace ehdocs::http
