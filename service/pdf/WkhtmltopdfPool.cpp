#include "pdf/WkhtmltopdfPool.h"

#include "pdf/EngineCommand.h"
#include "pdf/EngineProcess.h"
#include "pdf/JobDirectory.h"
#include "pdf/PdfStamper.h"
#include "pdf/ProcessLauncher.h"

namespace ehdocs {

struct WkhtmltopdfPool::Slot {
    std::string dir;                         // this process's own work directory
    std::unique_ptr<EngineProcess> process;  // null until first use and after a failure
    std::size_t jobs = 0;                    // documents converted by the current process
    bool busy = false;                       // guarded by _mutex
    int pid = 0;                             // guarded by _mutex
};

namespace {

// Removes the job's files whatever happens, so no case text stays on disk.
struct FilesCleanup {
    std::string html, pdf;
    ~FilesCleanup() {
        JobDirectory::remove(html);
        JobDirectory::remove(pdf);
    }
};

}  // namespace

WkhtmltopdfPool::WkhtmltopdfPool(PdfSettings settings)
    : _settings(std::move(settings)), _dir(std::make_unique<JobDirectory>(_settings.tempDir)) {
    _command = std::make_unique<EngineCommand>(_settings, _dir->subdirectory("probe"));
    _launcher = std::make_unique<ProcessLauncher>();
    const std::size_t size = _settings.poolSize > 0 ? _settings.poolSize : 1;
    for (std::size_t i = 0; i < size; ++i) {
        auto slot = std::make_unique<Slot>();
        slot->dir = _dir->subdirectory("p" + std::to_string(i));
        _slots.push_back(std::move(slot));
    }
    _stats.size = size;
}

WkhtmltopdfPool::~WkhtmltopdfPool() = default;

bool WkhtmltopdfPool::sandboxed() const {
    return _command->sandboxed();
}

WkhtmltopdfPool::Slot& WkhtmltopdfPool::acquire() {
    std::unique_lock<std::mutex> lock(_mutex);
    const std::uint64_t ticket = _nextTicket++;
    _queue.push_back(ticket);
    ++_stats.queued;
    Slot* chosen = nullptr;
    _changed.wait(lock, [&] {
        if (_queue.front() != ticket) return false;
        for (auto& slot : _slots) {
            if (!slot->busy) {
                chosen = slot.get();
                return true;
            }
        }
        return false;
    });
    _queue.pop_front();
    --_stats.queued;
    chosen->busy = true;
    ++_stats.busy;
    _changed.notify_all();  // the next in line may find another free process
    return *chosen;
}

void WkhtmltopdfPool::release(Slot& slot) {
    std::lock_guard<std::mutex> lock(_mutex);
    slot.busy = false;
    --_stats.busy;
    _changed.notify_all();
}

std::string WkhtmltopdfPool::render(const PdfJob& job) {
    const std::chrono::milliseconds deadline =
        job.deadline.count() > 0 ? job.deadline : _settings.deadline;
    std::string bytes;
    try {
        _command->requireEngine(job.name);
        Slot& slot = acquire();
        struct Release {
            WkhtmltopdfPool& pool;
            Slot& slot;
            ~Release() { pool.release(slot); }
        } release{*this, slot};

        FilesCleanup files{slot.dir + "/job.html", slot.dir + "/job.pdf"};
        JobDirectory::writeFile(files.html, job.html, job.name);
        bool replace =
            slot.process && ((_settings.recycleAfter > 0 && slot.jobs >= _settings.recycleAfter) ||
                             !slot.process->running());
        if (replace) {
            bool died = !slot.process->running();
            slot.process.reset();
            std::lock_guard<std::mutex> lock(_mutex);
            slot.pid = 0;
            if (died) ++_stats.restarts;
        }
        if (!slot.process) {
            try {
                slot.process = _launcher->start(_command->serverLaunch(slot.dir));
            } catch (const PdfError& e) {
                throw PdfError(job.name + ": " + e.message());
            }
            slot.jobs = 0;
            std::lock_guard<std::mutex> lock(_mutex);
            slot.pid = slot.process->pid();
        }
        try {
            slot.process->convert(job.name, _command->engineName(),
                                  _command->jobLine(files.html, files.pdf), deadline);
        } catch (const PdfError&) {
            slot.process.reset();  // already killed; replaced on the slot's next job
            std::lock_guard<std::mutex> lock(_mutex);
            slot.pid = 0;
            ++_stats.restarts;
            throw;
        }
        ++slot.jobs;
        bytes = JobDirectory::readFile(files.pdf, job.name);
    } catch (const PdfError&) {
        std::lock_guard<std::mutex> lock(_mutex);
        ++_stats.failed;
        throw;
    }
    // Stamping needs no engine process, so it runs after the process is free for the next job.
    try {
        std::string stamped = PdfStamper::stamp(job.name, bytes, job.marking, job.pageNumbers);
        std::lock_guard<std::mutex> lock(_mutex);
        ++_stats.rendered;
        return stamped;
    } catch (const PdfError&) {
        std::lock_guard<std::mutex> lock(_mutex);
        ++_stats.failed;
        throw;
    }
}

PdfPoolStats WkhtmltopdfPool::stats() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _stats;
}

std::vector<int> WkhtmltopdfPool::processIds() const {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<int> ids;
    for (const auto& slot : _slots) {
        if (slot->pid > 0) ids.push_back(slot->pid);
    }
    return ids;
}

}  // namespace ehdocs
