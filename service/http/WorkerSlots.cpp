#include "http/WorkerSlots.h"

namespace ehdocs::http {

WorkerSlots::WorkerSlots(std::size_t workers, std::size_t queue)
    : _workers(workers), _queue(queue) {}

WorkerSlots::Lease::Lease(WorkerSlots& slots) : _slots(slots), _acquired(slots.acquire()) {}

WorkerSlots::Lease::~Lease() {
    if (_acquired) _slots.release();
}

bool WorkerSlots::acquire() {
    std::unique_lock<std::mutex> lock(_mutex);
    if (_busy >= _workers) {
        if (_waiting >= _queue) return false;
        ++_waiting;
        _freed.wait(lock, [&] { return _busy < _workers; });
        --_waiting;
    }
    ++_busy;
    return true;
}

void WorkerSlots::release() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        --_busy;
    }
    _freed.notify_one();
}

std::size_t WorkerSlots::busy() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _busy;
}

std::size_t WorkerSlots::waiting() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _waiting;
}

}  // namespace ehdocs::http
