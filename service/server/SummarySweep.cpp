#include "server/SummarySweep.h"

#include <iostream>

#include "case/CaseReader.h"
#include "server/KeptSummary.h"

namespace ehdocs::server {

std::size_t refreshSummaries(store::Store& store, ReadinessChecker& readiness, Date asOf,
                             std::size_t limit) {
    std::size_t renewed = 0;
    for (const std::string& caseId : store.staleSummaries(asOf.iso(), limit)) {
        std::optional<store::CaseRecord> current = store.currentCase(caseId);
        if (!current) continue;
        ReadResult read = CaseReader::fromJson(current->json);
        if (read.ok()) {
            keepSummary(*current, *read.kase, readiness, asOf);
        } else {
            // A stored version that no longer validates keeps its summary, dated today so
            // that it is not read again until tomorrow; reading it says what is wrong.
            current->summaryAsOf = asOf.iso();
        }
        if (store.refreshSummary(*current) == store::WriteResult::ok) ++renewed;
    }
    return renewed;
}

SummarySweep::SummarySweep(store::Store& store, ReadinessChecker& readiness,
                           std::function<Date()> today, std::size_t batch,
                           std::chrono::seconds idle)
    : _store(store),
      _readiness(readiness),
      _today(std::move(today)),
      _batch(batch),
      _idle(idle),
      _thread([this] { run(); }) {}

SummarySweep::~SummarySweep() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    _thread.join();
}

void SummarySweep::run() {
    std::unique_lock<std::mutex> lock(_mutex);
    while (!_stopping) {
        lock.unlock();
        std::size_t renewed = 0;
        try {
            renewed = refreshSummaries(_store, _readiness, _today(), _batch);
        } catch (const Poco::Exception& e) {
            // The database may be briefly away; the next round tries again.
            std::cerr << "ehdocs: renewing case summaries: " << e.displayText() << std::endl;
        }
        lock.lock();
        if (renewed < _batch) _wake.wait_for(lock, _idle, [this] { return _stopping; });
    }
}

}  // namespace ehdocs::server
