#include "http/DeadlineSocket.h"

#include <Poco/Exception.h>
#include <Poco/Timespan.h>

namespace ehdocs::http {

DeadlineSocketImpl::DeadlineSocketImpl(poco_socket_t fd) : Poco::Net::StreamSocketImpl(fd) {}

void DeadlineSocketImpl::setDeadline(Clock::time_point deadline) {
    _expired = false;
    _deadline = deadline.time_since_epoch().count();
}

void DeadlineSocketImpl::clearDeadline() {
    _deadline = 0;
}

int DeadlineSocketImpl::receiveBytes(void* buffer, int length, int flags) {
    const Clock::rep deadline = _deadline;
    if (deadline != 0) {
        const auto left = Clock::time_point(Clock::duration(deadline)) - Clock::now();
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
        // Wait no longer than the deadline for the next bytes, however long the socket's own
        // receive timeout is.
        if (micros <= 0 || !poll(Poco::Timespan(micros), SELECT_READ | SELECT_ERROR)) {
            _expired = true;
            throw Poco::TimeoutException("the request did not arrive in time");
        }
    }
    return Poco::Net::StreamSocketImpl::receiveBytes(buffer, length, flags);
}

}  // namespace ehdocs::http
