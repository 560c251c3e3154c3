#pragma once

// Keeps the stored case summaries true as the days pass. A summary holds for the date it was
// computed on (store::CaseRecord::summaryAsOf); after midnight (UK time) its late count and
// readiness may have changed without any write. refresh() renews a bounded batch, oldest
// first; a SummarySweep runs it in the background until every summary holds for today, then
// waits for the next day, so no request ever pays for renewing the whole caseload.
// Thread-safe. The store and checker must outlive the objects.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "case/Date.h"
#include "server/ReadinessChecker.h"
#include "store/Store.h"

namespace ehdocs::server {

// Renews up to `limit` summaries that hold for a date before `asOf`, each for the version it
// read (a write in between brings its own summary and wins). Returns how many it renewed.
// Store failures throw store::StoreException.
std::size_t refreshSummaries(store::Store& store, ReadinessChecker& readiness, Date asOf,
                             std::size_t limit);

class SummarySweep {
public:
    // Starts the background thread: batches of `batch` while any summary is stale, then a
    // look every `idle` (a new day is noticed within that time).
    SummarySweep(store::Store& store, ReadinessChecker& readiness, std::function<Date()> today,
                 std::size_t batch = 200, std::chrono::seconds idle = std::chrono::seconds(60));
    ~SummarySweep();  // stops the thread after its current batch
    SummarySweep(const SummarySweep&) = delete;
    SummarySweep& operator=(const SummarySweep&) = delete;

private:
    void run();

    store::Store& _store;
    ReadinessChecker& _readiness;
    std::function<Date()> _today;
    std::size_t _batch;
    std::chrono::seconds _idle;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread;
};

}  // namespace ehdocs::server
