#pragma once

// The request workers: at most `workers` requests run an endpoint at once, up to `queue` more
// wait for a turn, and any beyond are refused at once (503), so that a burst cannot pile up
// inside the domain. Connections have threads of their own (reading a request holds no
// worker), and /health takes no slot, so it answers however busy the workers are.
// Thread-safe.

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace ehdocs::http {

class WorkerSlots {
public:
    WorkerSlots(std::size_t workers, std::size_t queue);

    // Holds a slot until destroyed (when acquired).
    class Lease {
    public:
        explicit Lease(WorkerSlots& slots);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        bool acquired() const { return _acquired; }

    private:
        WorkerSlots& _slots;
        bool _acquired;
    };

    std::size_t busy() const;
    std::size_t waiting() const;

private:
    bool acquire();  // waits for a slot; false when the queue is already full
    void release();

    const std::size_t _workers, _queue;
    mutable std::mutex _mutex;
    std::condition_variable _freed;
    std::size_t _busy = 0, _waiting = 0;
};

}  // namespace ehdocs::http
