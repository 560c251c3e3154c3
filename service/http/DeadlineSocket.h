#pragma once

// A server-side TCP socket whose reads fail once a deadline has passed. A receive timeout
// alone restarts with every byte, so a client trickling one header line every few seconds
// could hold a connection for ever; with a deadline, a request's headers (and then its body)
// must arrive in full within their time limit however they are sent.
// Armed and read by the connection's own thread; expired() may be asked from any thread.

#include <Poco/Net/StreamSocketImpl.h>

#include <atomic>
#include <chrono>

namespace ehdocs::http {

class DeadlineSocketImpl : public Poco::Net::StreamSocketImpl {
public:
    using Clock = std::chrono::steady_clock;

    explicit DeadlineSocketImpl(poco_socket_t fd);  // takes ownership of `fd`

    // Reads after `deadline` throw Poco::TimeoutException (and expired() turns true).
    void setDeadline(Clock::time_point deadline);
    void clearDeadline();
    // The last read failed because its deadline had passed.
    bool expired() const { return _expired; }

    using Poco::Net::StreamSocketImpl::receiveBytes;
    int receiveBytes(void* buffer, int length, int flags = 0) override;

private:
    std::atomic<Clock::rep> _deadline{0};  // 0 = none
    std::atomic<bool> _expired{false};
};

}  // namespace ehdocs::http
