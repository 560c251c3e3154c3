#pragma once

// Server-side sessions of the web app. A session is a random id (the cookie's value) naming a
// user, with its own CSRF token. It ends when signed out, after `idle` without a request, or
// `maximum` after signing in, whichever comes first; an ended session is never found again.
// Sessions live in memory: restarting the service signs everyone out.
// Thread-safe.

#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "case/Clock.h"

namespace ehdocs::web {

struct Session {
    std::string id;         // 64 hex digits (32 random bytes)
    std::string csrfToken;  // 64 hex digits, sent back in every changing form
    std::string userName;
    Poco::Timestamp started, lastSeen;
};

class Sessions {
public:
    // At most `capacity` live sessions; beyond it the oldest-seen one is ended.
    Sessions(Clock clock, Poco::Timespan idle, Poco::Timespan maximum,
             std::size_t capacity = 10000);

    Session start(const std::string& userName);

    // The live session with this id, its lastSeen moved to now; nothing when there is none or
    // it has timed out (and is then forgotten).
    std::optional<Session> touch(const std::string& id);

    void end(const std::string& id);  // not an error when there is no such session

    // Ends every session of the user (disabled, or given a new password).
    void endAllOf(const std::string& userName);

private:
    bool expired(const Session& session, const Poco::Timestamp& now) const;

    Clock _clock;
    Poco::Timespan _idle, _maximum;
    std::size_t _capacity;
    std::mutex _mutex;
    std::map<std::string, Session> _sessions;
};

}  // namespace ehdocs::web
