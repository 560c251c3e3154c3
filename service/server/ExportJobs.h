#pragma once

// Export jobs (POST /api/v1/exports; docs/api.md, "Export jobs"): a workbook export run in
// the background, so that a large store's export runs outside any request. A job is queued
// (at most exports.maxQueued waiting), run by one of exports.workers threads through
// CaseService::exportWorkbook (the same streamed export the GET answers, audited), and its
// workbook kept as a file (0600) in `folder` for exports.keepMinutes after it finished.
//
// A job belongs to the user who submitted it: to anyone else (but an admin) its id is
// unknown, 404. Ids are random (Tokens). Jobs live in this process only: another instance
// of the service does not know them (instances may share `folder`: each removes only its own
// jobs' files), and they are forgotten, their files removed, when the service stops.
// Thread-safe. The service and the exporters must outlive this object; its destructor
// stops it (stop()).

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "case/Clock.h"
#include "server/Authoriser.h"
#include "server/CaseService.h"
#include "server/Settings.h"
#include "server/Workbooks.h"

namespace ehdocs::server {

// What a job's status says (GET /api/v1/exports/jobs/{id}).
struct ExportJobStatus {
    std::string id, name, owner;
    std::string state;  // queued | running | done | failed
    std::size_t read = 0, total = 0;
    std::string submittedAt, finishedAt;  // UTC timestamps; finishedAt "" until finished
    std::string error;                    // why it failed; "" otherwise
};

// A finished job's workbook.
struct ExportJobResult {
    std::string name, contentType, bytes;
};

class ExportJobs {
public:
    // Makes `folder` (0700) when it is missing and removes the job files in it older than
    // exports.keepMinutes (a previous run's; instances sharing the folder keep theirs).
    // Jobs are queued from now on, and run once start() has started the workers.
    ExportJobs(CaseService& service, const Exporters& exporters, const ExportSettings& settings,
               std::string folder, Clock clock);
    ~ExportJobs();
    ExportJobs(const ExportJobs&) = delete;
    ExportJobs& operator=(const ExportJobs&) = delete;

    // Starts exports.workers threads that run the queued jobs, oldest first.
    void start();

    // Queues the export `name` with `query` (the parameters of GET /api/v1/exports/{name};
    // as_of and team completed as the GET does), after the same checks as the GET, audited
    // as the submit: 401, 403 as the GET; NotFoundException for an unknown name;
    // BadRequestException for a bad parameter; ExportQueueFullException when
    // exports.maxQueued jobs wait already, or the service is stopping.
    ExportJobStatus submit(const Caller& caller, const std::string& name, ExportQuery query);

    // The job's status; NotFoundException when there is no such job or it is not the
    // caller's (an admin sees every job). Audited.
    ExportJobStatus status(const Caller& caller, const std::string& id);

    // The job's workbook: ExportNotReadyException until it is done (its error when it
    // failed), NotFoundException as status(). Audited.
    ExportJobResult result(const Caller& caller, const std::string& id);

    // `query` with the defaults an export takes: `team` the caller's own team where their
    // role is limited to it, `as_of` `today` (the GET's defaults too).
    static ExportQuery completedQuery(const Caller& caller, ExportQuery query, Date today);

    // Refuses new jobs, cancels the queued ones, stops the running ones at their next batch
    // (their partial files removed, their state failed) and waits for the workers. Idempotent.
    void stop();

private:
    struct Job {
        ExportJobStatus status;
        Caller caller;
        ExportQuery query;
        std::string path;          // the finished workbook
        Poco::Timestamp finished;  // when it finished, for keepMinutes
    };
    using JobPtr = std::shared_ptr<Job>;

    void work();
    void run(Job& job);
    void finish(Job& job, const std::string& state, const std::string& error);
    void finishLocked(Job& job, const std::string& state, const std::string& error);
    void auditFinish(const Job& job, const std::string& outcome, const std::string& error);
    JobPtr owned(const Caller& caller, const std::string& id);
    void expire();  // under _mutex: forgets jobs past keepMinutes and beyond maxKept
    std::string nowIso() const { return utcTimestamp(_clock()); }

    CaseService& _service;
    const Exporters& _exporters;
    ExportSettings _settings;
    std::string _folder;
    Clock _clock;

    std::mutex _mutex;
    std::condition_variable _wake;
    std::map<std::string, JobPtr> _jobs;
    std::deque<JobPtr> _queue;
    std::size_t _waiting = 0;      // jobs accepted and not yet running (in _queue, or about to be)
    std::deque<JobPtr> _finished;  // oldest first
    bool _stopping = false;
    std::vector<std::thread> _workers;
};

}  // namespace ehdocs::server
