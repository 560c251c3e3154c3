#pragma once

// Limits guessing passwords: after `attempts` failed sign-ins for one user name, or from one
// address, within `window`, further attempts for it are refused until the oldest failure is
// older than `window`. Both keys count separately, so one address cannot lock out everyone
// and many addresses cannot guess one user's password quickly. A success clears the user's
// count (not the address's). Thread-safe; memory is bounded by forgetting stale keys.

#include <Poco/Timespan.h>

#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "web/Sessions.h"

namespace ehdocs::web {

class SignInThrottle {
public:
    SignInThrottle(Clock clock, int attempts, Poco::Timespan window);

    // Whether an attempt for `user` from `address` may be checked now.
    bool allows(const std::string& user, const std::string& address);
    void failed(const std::string& user, const std::string& address);
    void succeeded(const std::string& user);

private:
    bool full(const std::string& key, const Poco::Timestamp& now);

    Clock _clock;
    std::size_t _attempts;
    Poco::Timespan _window;
    std::mutex _mutex;
    std::map<std::string, std::deque<Poco::Timestamp>> _failures;  // "user:x" / "address:y"
};

}  // namespace ehdocs::web
