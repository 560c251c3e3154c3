#pragma once

// The audit trail's writer. record() returns once the entry is durably stored; entries recorded
// by concurrent requests are committed together in one transaction (group commit), so a busy
// service pays for one disk sync per batch rather than one per request.
// Thread-safe. The destructor writes whatever is still pending.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "store/Store.h"

namespace ehdocs::server {

class AuditLog {
public:
    explicit AuditLog(store::Store& store);  // the store must outlive the log
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Appends `entry` (its `at` and `seq` are filled in by the caller and the store).
    // Throws store::StoreException when the batch holding it could not be written.
    void record(store::AuditEntry entry);

private:
    struct Batch {
        std::vector<store::AuditEntry> entries;
        bool done = false;
        std::string error;  // set when writing failed
    };

    void run();

    store::Store& _store;
    std::mutex _mutex;
    std::condition_variable _wake, _written;
    std::shared_ptr<Batch> _open;  // collecting entries; nullptr when none are waiting
    bool _stopping = false;
    std::thread _writer;
};

}  // namespace ehdocs::server
