#pragma once

// The PDF renderer to use in the service: a pool of long-lived wkhtmltopdf processes, each
// converting one document after another (--read-args-from-stdin). Thread-safe: render() may be
// called from any number of threads; a job waits in a FIFO queue while every process is busy.
// A crash or a missed deadline kills only the process that had the job, and fails only that
// job; the process is replaced when its slot is next used. Processes start lazily, on first
// use, and are killed by the destructor (which must not run while render() calls are active).

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "pdf/PdfRenderer.h"
#include "pdf/PdfSettings.h"

namespace ehdocs {

class EngineCommand;
class JobDirectory;
class ProcessLauncher;

// Counters for /metrics; a consistent snapshot.
struct PdfPoolStats {
    std::size_t size = 0;        // processes in the pool (PdfSettings::poolSize)
    std::size_t busy = 0;        // processes converting a document now
    std::size_t queued = 0;      // jobs waiting for a process
    std::uint64_t rendered = 0;  // documents converted successfully
    std::uint64_t failed = 0;    // jobs that ended in PdfError
    std::uint64_t restarts = 0;  // processes killed after a crash or timeout (replaced on next use)
};

class WkhtmltopdfPool : public PdfRenderer {
public:
    // Creates the private job directory (mode 0700) and checks the sandbox (docs/pdf.md).
    // Throws PdfError if the directory cannot be made. A missing engine is reported by render().
    explicit WkhtmltopdfPool(PdfSettings settings);
    ~WkhtmltopdfPool() override;  // kills the processes, removes the job directory

    WkhtmltopdfPool(const WkhtmltopdfPool&) = delete;
    WkhtmltopdfPool& operator=(const WkhtmltopdfPool&) = delete;

    std::string render(const PdfJob& job) override;

    PdfPoolStats stats() const;

    // True when the engine runs under bubblewrap without network; false when it is guarded by
    // the dead proxy only (sandbox off, or bubblewrap unusable here).
    bool sandboxed() const;

    // The process ids of the running pool processes (bubblewrap's when sandboxed), one per
    // started slot. For tests of crash recovery and for diagnostics.
    std::vector<int> processIds() const;

private:
    struct Slot;
    Slot& acquire();
    void release(Slot& slot);

    const PdfSettings _settings;
    std::unique_ptr<JobDirectory> _dir;
    std::unique_ptr<EngineCommand> _command;
    std::unique_ptr<ProcessLauncher> _launcher;  // starts every pool process (see its header)
    mutable std::mutex _mutex;
    std::condition_variable _changed;
    std::vector<std::unique_ptr<Slot>> _slots;
    std::deque<std::uint64_t> _queue;  // tickets of waiting jobs, first come first served
    std::uint64_t _nextTicket = 0;
    PdfPoolStats _stats;
};

}  // namespace ehdocs
