#include "server/ExportJobs.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "server/Errors.h"
#include "server/Tokens.h"
#include "store/Store.h"

namespace ehdocs::server {

namespace {

// Seconds a client refused for a full queue is told to wait.
constexpr int kQueueRetrySeconds = 10;

// The files of jobs, here and as a previous run may have left them.
bool isJobFile(const std::string& name) {
    return name.rfind("job-", 0) == 0;
}

// An empty file only its owner may read, which the workbook is then written into (fopen "wb"
// keeps the mode of a file that exists).
void createPrivateFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
    if (fd < 0) throw Poco::FileException("cannot create " + path);
    ::close(fd);
}

std::string messageOf(const Poco::Exception& e) {
    return e.message().empty() ? e.displayText() : e.message();
}

void removeQuietly(const std::string& path) {
    std::remove(path.c_str());  // gone already is fine
}

}  // namespace

ExportJobs::ExportJobs(CaseService& service, const Exporters& exporters,
                       const ExportSettings& settings, std::string folder, Clock clock)
    : _service(service),
      _exporters(exporters),
      _settings(settings),
      _folder(Poco::Path(folder).makeDirectory().toString()),
      _clock(std::move(clock)) {
    Poco::File(_folder).createDirectories();
    ::chmod(_folder.c_str(), 0700);
    // Jobs live in the process that ran them, so what an earlier run left is nobody's now;
    // but instances sharing the folder keep their own results in it, so only files older
    // than keepMinutes go. File times are the file system's clock, not the service's.
    const Poco::Timestamp::TimeDiff keep =
        static_cast<Poco::Timestamp::TimeDiff>(_settings.keepMinutes) * 60 *
        Poco::Timestamp::resolution();
    const Poco::Timestamp now;
    for (Poco::DirectoryIterator it(_folder), end; it != end; ++it) {
        if (isJobFile(it.name()) && it->isFile() && now - it->getLastModified() >= keep)
            removeQuietly(it->path());
    }
}

ExportJobs::~ExportJobs() {
    stop();
}

void ExportJobs::start() {
    const std::lock_guard<std::mutex> lock(_mutex);
    if (_stopping || !_workers.empty()) return;
    for (int i = 0; i < _settings.workers; ++i) _workers.emplace_back([this] { work(); });
}

ExportJobStatus ExportJobs::submit(const Caller& caller, const std::string& name,
                                   ExportQuery query) {
    auto job = std::make_shared<Job>();
    job->status.id = "job-" + Tokens::generate().substr(4, 32);
    job->status.name = name;
    job->status.state = "queued";
    job->caller = caller;
    const std::string team = query["team"];
    ExportJobStatus queued;
    _service.acceptExport(
        caller, name, team,
        [&] {
            const auto exporter = _exporters.find(name);
            if (exporter == _exporters.end()) {
                throw NotFoundException("there is no export " + name + " in this service");
            }
            job->query = completedQuery(caller, std::move(query), _service.today());
            exporter->second.check(job->query);
            job->status.owner = caller.user->name;
            job->status.submittedAt = nowIso();
            job->path = _folder + job->status.id + ".xlsx";
            const std::lock_guard<std::mutex> lock(_mutex);
            if (_stopping || _waiting >= static_cast<std::size_t>(_settings.maxQueued)) {
                ExportQueueFullException full(
                    _stopping ? "the service is stopping; submit the export again shortly"
                              : std::to_string(_waiting) +
                                    " export jobs are waiting already (exports.maxQueued); "
                                    "try again in " +
                                    std::to_string(kQueueRetrySeconds) + " s");
                Poco::JSON::Object::Ptr details = new Poco::JSON::Object();
                details->set("retry_after", kQueueRetrySeconds);
                full.setDetails(details);
                throw full;
            }
            expire();
            ++_waiting;
            _jobs[job->status.id] = job;
            queued = job->status;
        },
        name + " job " + job->status.id + " submitted");
    // Handed to the workers only now that its submit is audited, so that its run's entries
    // come after it.
    const char* const stopped = "the service stopped before the job ran";
    bool handedOver = true;
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        if (_stopping) {  // stop() came in between: it will never run
            finishLocked(*job, "failed", stopped);
            handedOver = false;
        } else {
            _queue.push_back(job);
        }
    }
    if (handedOver) {
        _wake.notify_one();
    } else {
        auditFinish(*job, "export_cancelled", stopped);
    }
    return queued;
}

ExportQuery ExportJobs::completedQuery(const Caller& caller, ExportQuery query, Date today) {
    // A team leader's workbook is titled with the team it was limited to.
    std::string& team = query["team"];
    if (team.empty()) team = Authoriser::teamScope(caller).value_or("");
    std::string& asOf = query["as_of"];
    if (asOf.empty()) asOf = today.iso();  // the service's clock
    return query;
}

ExportJobStatus ExportJobs::status(const Caller& caller, const std::string& id) {
    try {
        const JobPtr job = owned(caller, id);
        ExportJobStatus status;
        {
            const std::lock_guard<std::mutex> lock(_mutex);
            status = job->status;
        }
        _service.recordExport(caller, "ok", "job " + id + " status: " + status.state);
        return status;
    } catch (const ServiceException& e) {
        _service.recordExport(caller, e.name(), "job " + id + " status: " + e.message());
        throw;
    }
}

ExportJobResult ExportJobs::result(const Caller& caller, const std::string& id) {
    try {
        const JobPtr job = owned(caller, id);
        ExportJobStatus status;
        {
            const std::lock_guard<std::mutex> lock(_mutex);
            status = job->status;
        }
        if (status.state == "failed") {
            throw ExportNotReadyException("export job " + id + " failed, so it has no result: " +
                                          status.error + "; submit the export again");
        }
        if (status.state != "done") {
            throw ExportNotReadyException("export job " + id + " is " + status.state + " (" +
                                          std::to_string(status.read) + " of " +
                                          std::to_string(status.total) +
                                          " cases read): ask for its status until it is done");
        }
        ExportJobResult result;
        result.name = status.name;
        result.contentType = _exporters.at(status.name).contentType;
        try {
            Poco::FileInputStream in(job->path);
            Poco::StreamCopier::copyToString(in, result.bytes);
        } catch (const Poco::FileException&) {
            throw NotFoundException("the result of export job " + id +
                                    " is no longer kept (exports.keepMinutes)");
        }
        _service.recordExport(caller, "ok", "job " + id + " result: " + status.name);
        return result;
    } catch (const ServiceException& e) {
        _service.recordExport(caller, e.name(), "job " + id + " result: " + e.message());
        throw;
    }
}

void ExportJobs::stop() {
    std::vector<std::thread> workers;
    std::deque<JobPtr> cancelled;
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
        for (const JobPtr& job : _queue) {
            finishLocked(*job, "failed", "the service stopped before the job ran");
        }
        cancelled.swap(_queue);
        _waiting = 0;
        workers.swap(_workers);
    }
    _wake.notify_all();
    for (const JobPtr& job : cancelled)
        auditFinish(*job, "export_cancelled", "the service stopped before the job ran");
    for (auto& worker : workers) worker.join();  // a running job stops at its next batch
    const std::lock_guard<std::mutex> lock(_mutex);
    for (const auto& [id, job] : _jobs) removeQuietly(job->path);
}

void ExportJobs::work() {
    for (;;) {
        JobPtr job;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _wake.wait(lock, [this] { return _stopping || !_queue.empty(); });
            if (_stopping) return;
            job = _queue.front();
            _queue.pop_front();
            --_waiting;
            job->status.state = "running";
        }
        run(*job);
    }
}

// Written to a .part file that becomes the result only once the workbook is whole, so a
// failed or cancelled job leaves nothing that could be served.
void ExportJobs::run(Job& job) {
    const std::string part = job.path + ".part";
    const std::string& name = job.status.name;
    std::string outcome = "ok", error;
    try {
        createPrivateFile(part);
        _service.exportWorkbook(
            job.caller, name, job.query.at("team"),
            [&] { return _exporters.at(name).open(job.query, part); },
            [&](std::size_t read, std::size_t total) {
                const std::lock_guard<std::mutex> lock(_mutex);
                if (_stopping) {
                    throw ExportCancelledException(
                        "the service stopped before the export finished; submit it again");
                }
                job.status.read = read;
                job.status.total = total;
            },
            name + " job " + job.status.id);
        ::chmod(part.c_str(), 0600);
        if (std::rename(part.c_str(), job.path.c_str()) != 0) {
            throw Poco::FileException("cannot move the workbook to " + job.path);
        }
    } catch (const ServiceException& e) {
        outcome = e.name();
        error = messageOf(e);
    } catch (const store::StoreException& e) {
        outcome = "storage_unavailable";
        error = messageOf(e);
    } catch (const Poco::Exception& e) {
        outcome = "internal_error";
        error = messageOf(e);
    } catch (const std::exception& e) {
        outcome = "internal_error";
        error = e.what();
    }
    if (outcome != "ok") removeQuietly(part);
    // Audited before it is told done, so that whoever sees it done finds its entry.
    auditFinish(job, outcome, error);
    finish(job, outcome == "ok" ? "done" : "failed", error);
}

// The job's end in the audit trail, with its id (the export's own entry, written by
// CaseService, has the id only when it succeeded).
void ExportJobs::auditFinish(const Job& job, const std::string& outcome, const std::string& error) {
    std::size_t read = 0;
    {
        const std::lock_guard<std::mutex> lock(_mutex);
        read = job.status.read;
    }
    const std::string what = job.status.name + " job " + job.status.id;
    _service.recordExport(job.caller, outcome,
                          outcome == "ok" ? what + " done: " + std::to_string(read) + " cases read"
                                          : what + " failed: " + error);
}

void ExportJobs::finish(Job& job, const std::string& state, const std::string& error) {
    const std::lock_guard<std::mutex> lock(_mutex);
    finishLocked(job, state, error);
    expire();
}

void ExportJobs::finishLocked(Job& job, const std::string& state, const std::string& error) {
    job.status.state = state;
    job.status.error = error;
    job.status.finishedAt = nowIso();
    job.finished = _clock();
    const auto found = _jobs.find(job.status.id);
    if (found != _jobs.end()) _finished.push_back(found->second);
}

ExportJobs::JobPtr ExportJobs::owned(const Caller& caller, const std::string& id) {
    if (!caller.user) {
        throw UnauthorizedException(caller.presentedToken
                                        ? "the API token is not valid"
                                        : "an API token is required: send the header "
                                          "Authorization: Bearer TOKEN");
    }
    const std::lock_guard<std::mutex> lock(_mutex);
    expire();
    const auto found = _jobs.find(id);
    // Another user's job answers as an unknown one: its id is not theirs to learn.
    if (found == _jobs.end() ||
        (found->second->status.owner != caller.user->name && !caller.is(Role::admin))) {
        throw NotFoundException("there is no export job " + id +
                                " of yours (finished jobs are kept for " +
                                std::to_string(_settings.keepMinutes) + " minutes)");
    }
    return found->second;
}

void ExportJobs::expire() {
    const Poco::Timestamp now = _clock();
    const Poco::Timestamp::TimeDiff keep =
        static_cast<Poco::Timestamp::TimeDiff>(_settings.keepMinutes) * 60 *
        Poco::Timestamp::resolution();
    while (!_finished.empty() && (now - _finished.front()->finished >= keep ||
                                  _finished.size() > static_cast<std::size_t>(_settings.maxKept))) {
        const JobPtr job = _finished.front();
        _finished.pop_front();
        _jobs.erase(job->status.id);
        removeQuietly(job->path);
    }
}

}  // namespace ehdocs::server
