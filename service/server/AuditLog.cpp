#include "server/AuditLog.h"

namespace ehdocs::server {

AuditLog::AuditLog(store::Store& store) : _store(store), _writer([this] { run(); }) {}

AuditLog::~AuditLog() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    _writer.join();
}

void AuditLog::record(store::AuditEntry entry) {
    std::unique_lock<std::mutex> lock(_mutex);
    if (!_open) _open = std::make_shared<Batch>();
    std::shared_ptr<Batch> batch = _open;
    batch->entries.push_back(std::move(entry));
    _wake.notify_one();
    _written.wait(lock, [&] { return batch->done; });
    if (!batch->error.empty()) throw store::StoreException(batch->error);
}

void AuditLog::run() {
    std::unique_lock<std::mutex> lock(_mutex);
    for (;;) {
        _wake.wait(lock, [&] { return _open || _stopping; });
        if (!_open) return;  // stopping, nothing pending
        // While this batch is written, new entries collect in the next one.
        std::shared_ptr<Batch> batch = std::move(_open);
        _open.reset();
        lock.unlock();
        std::string error;
        try {
            _store.appendAudit(batch->entries);
        } catch (const Poco::Exception& e) {
            error = e.displayText();
        } catch (const std::exception& e) {
            error = e.what();
        }
        lock.lock();
        batch->error = error;
        batch->done = true;
        _written.notify_all();
    }
}

}  // namespace ehdocs::server
