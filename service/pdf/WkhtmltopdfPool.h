#pragma once

// The PDF renderer to use in the service: a pool of long-lived wkhtmltopdf processes, each
// converting one document after another (--read-args-from-stdin). Thread-safe: render() may be
// called from any number of threads; a job waits in a FIFO queue while every process is busy.
// A crash or a missed deadline kills and restarts only the process that had the job, and fails
// only that job. Processes start lazily, on first use, and are killed by the destructor.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "pdf/PdfRenderer.h"
#include "pdf/PdfSettings.h"

namespace ehdocs {

class EngineProcess;
class JobDirectory;

// Counters for /metrics; a consistent snapshot.
struct PdfPoolStats {
    std::size_t size = 0;        // processes in the pool (PdfSettings::poolSize)
    std::size_t busy = 0;        // processes converting a document now
    std::size_t queued = 0;      // jobs waiting for a process
    std::uint64_t rendered = 0;  // documents converted successfully
    std::uint64_t failed = 0;    // jobs that ended in PdfError
    std::uint64_t restarts = 0;  // processes killed and replaced after a crash or timeout
};

class WkhtmltopdfPool : public PdfRenderer {
public:
    // Creates the private job directory (mode 0700). Throws PdfError if it cannot.
    explicit WkhtmltopdfPool(PdfSettings settings);
    ~WkhtmltopdfPool() override;  // kills the processes, removes the job directory

    WkhtmltopdfPool(const WkhtmltopdfPool&) = delete;
    WkhtmltopdfPool& operator=(const WkhtmltopdfPool&) = delete;

    std::string render(const PdfJob& job) override;

    PdfPoolStats stats() const;

    // For tests of crash recovery: the process ids of the running engine processes (0 for a
    // slot whose process has not started yet).
    std::vector<int> processIds() const;

private:
    struct Slot;
    Slot* acquire();
    void release(Slot* slot);

    const PdfSettings _settings;
    std::unique_ptr<JobDirectory> _dir;
    mutable std::mutex _mutex;
    std::condition_variable _free;
    std::vector<std::unique_ptr<Slot>> _slots;
    std::deque<std::uint64_t> _queue;  // tickets of waiting jobs, FIFO
    std::uint64_t _nextTicket = 0;
    PdfPoolStats _stats;
};

}  // namespace ehdocs
