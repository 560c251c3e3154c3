// Export jobs (docs/api.md, "Export jobs"): POST /api/v1/exports answers 202 with a job that
// is followed to its result, the same workbook the GET export gives; the submit's refusals,
// other users' jobs, a result asked for too early, the queue's bound, expiry and shutdown; and
// the streamed export under them, which reads the store a batch at a time.

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <sstream>

#include "ApiFixture.h"
#include "Processes.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/Errors.h"
#include "server/RulesReadiness.h"
#include "store/MemoryStore.h"

using namespace ehdocs;
using Poco::JSON::Object;
using test::ApiFixture;
using test::httpCall;
using test::Reply;

namespace {

Object::Ptr parsed(const Reply& reply) {
    return Poco::JSON::Parser().parse(reply.body).extract<Object::Ptr>();
}

// Every member of an .xlsx (a ZIP) by name, but docProps/core.xml, which holds the time the
// workbook was written.
std::map<std::string, std::string> sheetsOf(const std::string& xlsx) {
    std::istringstream in(xlsx);
    Poco::Zip::ZipArchive archive(in);
    std::map<std::string, std::string> members;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        if (it->first == "docProps/core.xml") continue;
        in.clear();
        Poco::Zip::ZipInputStream zip(in, it->second, true);
        Poco::StreamCopier::copyToString(zip, members[it->first]);
    }
    return members;
}

// The job's status once it is no longer queued or running (polled, up to a deadline).
Object::Ptr finished(ApiFixture& api, const std::string& href, const std::string& user) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        const Reply reply = api.call("GET", href, api.token(user));
        BOOST_REQUIRE_EQUAL(reply.status, 200);
        Object::Ptr status = parsed(reply);
        const std::string state = status->getValue<std::string>("state");
        if (state != "queued" && state != "running") return status;
        BOOST_REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline,
                              "job " << href << " still " << state);
    }
}

// The export entries of the audit trail after `after` entries.
std::vector<store::AuditEntry> exportEntries(ApiFixture& api, std::size_t after = 0) {
    std::vector<store::AuditEntry> found;
    const std::vector<store::AuditEntry> all = api.store.audit({});
    for (std::size_t i = after; i < all.size(); ++i)
        if (all[i].action == "export") found.push_back(all[i]);
    return found;
}

std::size_t filesIn(const std::string& folder) {
    std::size_t n = 0;
    for (Poco::DirectoryIterator it(folder), end; it != end; ++it) ++n;
    return n;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const char* kSfJob = R"({"name": "sf", "as_of": "2026-07-01"})";
const char* kKpiJob = R"({"name": "kpi", "from": "2026-01-01", "to": "2026-06-30"})";

struct StoredExamples : ApiFixture {
    explicit StoredExamples(server::Settings settings = testSettings(), bool startJobs = true)
        : ApiFixture(settings, startJobs) {
        for (const char* name : {"okafor-ready-to-close", "bennett-disengaged", "nowak-open"})
            BOOST_REQUIRE_EQUAL(postExample(name).status, 201);
    }
};

server::Settings queueOf(int maxQueued) {
    server::Settings settings = ApiFixture::testSettings();
    settings.exports.maxQueued = maxQueued;
    return settings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_jobs)

BOOST_FIXTURE_TEST_CASE(a_job_is_followed_to_the_workbook_the_get_export_gives, StoredExamples) {
    const struct {
        const char* user;
        const char* body;
        const char* get;
        const char* name;
    } exports[] = {
        {"sf", kSfJob, "/api/v1/exports/sf.xlsx?as_of=2026-07-01", "sf.xlsx"},
        {"leader_south", kKpiJob, "/api/v1/exports/kpi.xlsx?from=2026-01-01&to=2026-06-30",
         "kpi.xlsx"},
    };
    for (const auto& e : exports) {
        BOOST_TEST_CONTEXT(e.name) {
            const Reply submitted = call("POST", "/api/v1/exports", token(e.user), e.body);
            BOOST_TEST_REQUIRE(submitted.status == 202);
            const Object::Ptr job = parsed(submitted);
            const std::string id = job->getValue<std::string>("job");
            BOOST_TEST(id.rfind("job-", 0) == 0u);
            BOOST_TEST(id.size() >= 30u);  // random, not a counter
            BOOST_TEST(job->getValue<std::string>("state") == "queued");
            BOOST_TEST(job->getValue<std::string>("name") == e.name);
            BOOST_TEST(job->getValue<std::string>("submitted_at") == "2026-07-01T10:00:00Z");
            BOOST_TEST(job->isNull("finished_at"));
            const std::string href = submitted.header("Location");
            BOOST_TEST(href == "/api/v1/exports/jobs/" + id);
            BOOST_TEST(job->getObject("links")->getValue<std::string>("self") == href);
            BOOST_TEST(job->getObject("links")->getValue<std::string>("result") ==
                       href + "/result");

            const Object::Ptr done = finished(*this, href, e.user);
            BOOST_TEST_REQUIRE(done->getValue<std::string>("state") == "done");
            BOOST_TEST(done->isNull("error"));
            BOOST_TEST(done->getValue<std::string>("finished_at") == "2026-07-01T10:00:00Z");
            // Every case the caller may export was read: all three for the SF coordinator,
            // the one of team South for its team leader.
            const std::size_t total = std::string(e.user) == "sf" ? 3 : 1;
            BOOST_TEST(done->getObject("progress")->getValue<std::size_t>("read") == total);
            BOOST_TEST(done->getObject("progress")->getValue<std::size_t>("total") == total);

            const Reply result = call("GET", href + "/result", token(e.user));
            BOOST_TEST_REQUIRE(result.status == 200);
            BOOST_TEST(result.header("Content-Type") == server::Workbooks::kContentType);
            BOOST_TEST(result.header("Content-Disposition") ==
                       std::string("attachment; filename=\"") + e.name + "\"");
            const Reply direct = call("GET", e.get, token(e.user));
            BOOST_TEST_REQUIRE(direct.status == 200);
            BOOST_TEST(direct.header("Content-Disposition") ==
                       result.header("Content-Disposition"));
            const auto fromJob = sheetsOf(result.body), fromGet = sheetsOf(direct.body);
            BOOST_TEST(fromJob.size() >= 8u);
            BOOST_TEST((fromJob == fromGet));
        }
    }
    // The SF workbook lists the stored families on the programme.
    const Reply sf = call("GET", "/api/v1/exports/sf.xlsx?as_of=2026-07-01", token("sf"));
    BOOST_TEST(contains(sheetsOf(sf.body)["xl/worksheets/sheet1.xml"], "NH-FF-2026-0142"));
}

BOOST_FIXTURE_TEST_CASE(a_submit_is_refused_as_the_get_export_is, StoredExamples) {
    const struct {
        const char* user;
        std::string body;
        std::string get;  // the GET with the same parameters; "" = none
        int status;
        const char* code;
    } refusals[] = {
        {"sf", R"({"name": "sf", "as_of": "soon"})", "/api/v1/exports/sf.xlsx?as_of=soon", 400,
         "bad_request"},
        {"admin", R"({"name": "kpi", "to": "2026-06-30"})",
         "/api/v1/exports/kpi.xlsx?to=2026-06-30", 400, "bad_request"},
        {"admin", R"({"name": "kpi", "from": "2026-06-30", "to": "2026-01-01"})",
         "/api/v1/exports/kpi.xlsx?from=2026-06-30&to=2026-01-01", 400, "bad_request"},
        {"coach_south", kSfJob, "/api/v1/exports/sf.xlsx?as_of=2026-07-01", 403, "forbidden"},
        {"leader_south", kSfJob, "/api/v1/exports/sf.xlsx?as_of=2026-07-01", 403, "forbidden"},
        {"leader_south", R"({"name": "kpi", "from": "2026-01-01", "to": "2026-06-30",
                            "team": "North Locality"})",
         "/api/v1/exports/kpi.xlsx?from=2026-01-01&to=2026-06-30&team=North%20Locality", 403,
         "forbidden"},
        {"admin", R"({"name": "other"})", "/api/v1/exports/other", 404, "not_found"},
        {"admin", R"({"as_of": "2026-07-01"})", "", 400, "bad_request"},
        {"admin", R"({"name": "sf", "as_of": 2026})", "", 400, "bad_request"},
        {"admin", "not json", "", 400, "bad_request"},
    };
    for (const auto& r : refusals) {
        BOOST_TEST_CONTEXT(r.user << " " << r.body) {
            const std::size_t before = store.audit({}).size();
            const Reply reply = call("POST", "/api/v1/exports", token(r.user), r.body);
            BOOST_TEST(reply.status == r.status);
            BOOST_TEST(reply.errorCode() == r.code);
            const auto all = store.audit({});
            BOOST_TEST_REQUIRE(all.size() == before + 1);  // the refusal, audited once
            BOOST_TEST(all.back().outcome == r.code);
            BOOST_TEST(all.back().user == r.user);
            if (!r.get.empty()) {
                const Reply get = call("GET", r.get, token(r.user));
                BOOST_TEST(get.status == r.status);
                BOOST_TEST(parsed(get)->getObject("error")->getValue<std::string>("message") ==
                           parsed(reply)->getObject("error")->getValue<std::string>("message"));
            }
        }
    }
    BOOST_TEST(call("POST", "/api/v1/exports", "", kSfJob).status == 401);
    BOOST_TEST(filesIn(jobsFolder()) == 0u);  // nothing was queued or written
}

BOOST_FIXTURE_TEST_CASE(a_job_is_its_owners_and_an_admins_only, StoredExamples) {
    const Reply submitted = call("POST", "/api/v1/exports", token("sf"), kSfJob);
    BOOST_TEST_REQUIRE(submitted.status == 202);
    const std::string href = submitted.header("Location");
    BOOST_TEST(finished(*this, href, "sf")->getValue<std::string>("state") == "done");

    for (const char* other : {"leader_south", "coach_north"}) {
        BOOST_TEST_CONTEXT(other) {
            const Reply status = call("GET", href, token(other));
            BOOST_TEST(status.status == 404);
            BOOST_TEST(status.errorCode() == "not_found");
            BOOST_TEST(call("GET", href + "/result", token(other)).status == 404);
        }
    }
    // Answered as an unknown id is: another user's job id tells nothing.
    const auto message = [](const Reply& reply) {
        return parsed(reply)->getObject("error")->getValue<std::string>("message");
    };
    const Reply unknown = call("GET", "/api/v1/exports/jobs/job-nothing", token("leader_south"));
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(message(unknown) ==
               "there is no export job job-nothing of yours (finished jobs are kept for 60 "
               "minutes)");
    const std::string id = href.substr(href.rfind('/') + 1);
    BOOST_TEST(message(call("GET", href, token("leader_south"))) ==
               "there is no export job " + id +
                   " of yours (finished jobs are kept for 60 minutes)");
    BOOST_TEST(call("GET", "/api/v1/exports/jobs/job-nothing/result", token("sf")).status == 404);
    BOOST_TEST(call("GET", href, "").status == 401);

    BOOST_TEST(call("GET", href, token("admin")).status == 200);
    BOOST_TEST(call("GET", href + "/result", token("admin")).status == 200);
}

BOOST_AUTO_TEST_CASE(a_result_asked_for_before_the_job_is_done_is_refused_409) {
    StoredExamples api(ApiFixture::testSettings(), false);  // the workers not started yet
    const Reply submitted = api.call("POST", "/api/v1/exports", api.token("sf"), kSfJob);
    BOOST_TEST_REQUIRE(submitted.status == 202);
    const std::string href = submitted.header("Location");
    const Reply early = api.call("GET", href + "/result", api.token("sf"));
    BOOST_TEST(early.status == 409);
    BOOST_TEST(early.errorCode() == "export_not_ready");
    BOOST_TEST(contains(early.body, "is queued"));
    const Reply status = api.call("GET", href, api.token("sf"));
    BOOST_TEST(parsed(status)->getValue<std::string>("state") == "queued");
    BOOST_TEST(parsed(status)->getObject("progress")->getValue<int>("read") == 0);

    api.jobs().start();
    BOOST_TEST(finished(api, href, "sf")->getValue<std::string>("state") == "done");
    BOOST_TEST(api.call("GET", href + "/result", api.token("sf")).status == 200);
}

BOOST_FIXTURE_TEST_CASE(every_step_of_a_job_is_audited, StoredExamples) {
    const std::size_t before = store.audit({}).size();
    const Reply submitted =
        call("POST", "/api/v1/exports", token("sf"), kSfJob, {{"X-Request-Id", "job-submit-1"}});
    BOOST_TEST_REQUIRE(submitted.status == 202);
    const std::string id = parsed(submitted)->getValue<std::string>("job");
    const std::string href = submitted.header("Location");
    finished(*this, href, "sf");
    BOOST_TEST(call("GET", href + "/result", token("sf")).status == 200);
    BOOST_TEST(call("GET", href + "/result", token("leader_south")).status == 404);

    std::vector<std::string> seen;
    for (const store::AuditEntry& e : exportEntries(*this, before)) {
        seen.push_back(e.user + " " + e.outcome + " " + e.detail);
        BOOST_TEST(e.action == "export");
    }
    BOOST_TEST_REQUIRE(seen.size() >= 5u);
    BOOST_TEST(seen[0] == "sf ok sf.xlsx job " + id + " submitted");
    // The run (the export, then the job's end) is audited as the submitter's, with the
    // submit's request id.
    const auto all = exportEntries(*this, before);
    for (const std::string detail :
         {"sf.xlsx job " + id, "sf.xlsx job " + id + " done: 3 cases read"}) {
        const auto run = std::find_if(
            all.begin(), all.end(), [&](const store::AuditEntry& e) { return e.detail == detail; });
        BOOST_TEST_REQUIRE((run != all.end()), detail);
        BOOST_TEST(run->outcome == "ok");
        BOOST_TEST(run->user == "sf");
        BOOST_TEST(run->requestId == "job-submit-1");
    }
    BOOST_TEST(contains(seen[seen.size() - 3], "job " + id + " status: done"));
    BOOST_TEST(seen[seen.size() - 2] == "sf ok job " + id + " result: sf.xlsx");
    BOOST_TEST(contains(seen.back(), "leader_south not_found job " + id + " result:"));
}

BOOST_AUTO_TEST_CASE(beyond_the_queue_s_bound_a_submit_is_refused_503) {
    StoredExamples api(queueOf(2), false);  // nothing runs: the queue fills
    std::vector<std::string> hrefs;
    for (int i = 0; i < 2; ++i) {
        const Reply ok = api.call("POST", "/api/v1/exports", api.token("sf"), kSfJob);
        BOOST_TEST_REQUIRE(ok.status == 202);
        hrefs.push_back(ok.header("Location"));
    }
    const Reply full = api.call("POST", "/api/v1/exports", api.token("admin"), kKpiJob);
    BOOST_TEST(full.status == 503);
    BOOST_TEST(full.errorCode() == "export_queue_full");
    BOOST_TEST(full.header("Retry-After") == "10");
    BOOST_TEST(contains(full.body, "exports.maxQueued"));
    BOOST_TEST(api.store.audit({}).back().outcome == "export_queue_full");

    api.jobs().start();
    for (const auto& href : hrefs)
        BOOST_TEST(finished(api, href, "sf")->getValue<std::string>("state") == "done");
    BOOST_TEST(api.call("POST", "/api/v1/exports", api.token("admin"), kKpiJob).status == 202);
}

BOOST_FIXTURE_TEST_CASE(a_result_is_a_private_file_removed_after_keep_minutes, StoredExamples) {
    const Reply submitted = call("POST", "/api/v1/exports", token("sf"), kSfJob);
    const std::string id = parsed(submitted)->getValue<std::string>("job");
    const std::string href = submitted.header("Location");
    BOOST_TEST(finished(*this, href, "sf")->getValue<std::string>("state") == "done");
    const std::string file = jobsFolder() + "/" + id + ".xlsx";
    struct stat info {};
    BOOST_TEST_REQUIRE(::stat(file.c_str(), &info) == 0);
    BOOST_TEST((info.st_mode & 0777) == 0600u);
    BOOST_TEST_REQUIRE(::stat(jobsFolder().c_str(), &info) == 0);
    BOOST_TEST((info.st_mode & 0777) == 0700u);

    now += 59 * 60;  // exports.keepMinutes is 60
    BOOST_TEST(call("GET", href + "/result", token("sf")).status == 200);
    now += 60;
    BOOST_TEST(call("GET", href, token("sf")).status == 404);
    BOOST_TEST(::stat(file.c_str(), &info) != 0);
}

// A job whose export fails says why, has no result, and its end is audited with the reason.
BOOST_FIXTURE_TEST_CASE(a_failed_job_says_why_and_has_no_result, StoredExamples) {
    store::CaseRecord broken;
    broken.caseId = "ZZ-BROKEN";
    broken.version = 1;
    broken.json = R"({"format": "ehdocs.case/1"})";
    BOOST_TEST_REQUIRE((store.createCase(broken) == store::WriteResult::ok));
    const Reply submitted = call("POST", "/api/v1/exports", token("sf"), kSfJob);
    BOOST_TEST_REQUIRE(submitted.status == 202);
    const std::string id = parsed(submitted)->getValue<std::string>("job");
    const Object::Ptr status = finished(*this, submitted.header("Location"), "sf");
    BOOST_TEST(status->getValue<std::string>("state") == "failed");
    const std::string error = status->getValue<std::string>("error");
    BOOST_TEST(error.rfind("stored case ZZ-BROKEN no longer validates: ", 0) == 0u, error);
    BOOST_TEST(!status->isNull("finished_at"));
    const Reply result = call("GET", submitted.header("Location") + "/result", token("sf"));
    BOOST_TEST(result.status == 409);
    BOOST_TEST(contains(result.body, "failed, so it has no result"));
    BOOST_TEST(filesIn(jobsFolder()) == 0u);
    const auto entries = exportEntries(*this);
    const auto end = std::find_if(entries.begin(), entries.end(), [&](const store::AuditEntry& e) {
        return e.detail.rfind("sf.xlsx job " + id + " failed: stored case ZZ-BROKEN", 0) == 0;
    });
    BOOST_TEST_REQUIRE((end != entries.end()));
    BOOST_TEST(end->outcome == "internal_error");
}

BOOST_AUTO_TEST_CASE(stopping_fails_the_waiting_jobs_and_refuses_new_ones) {
    StoredExamples api(ApiFixture::testSettings(), false);
    const Reply submitted = api.call("POST", "/api/v1/exports", api.token("sf"), kSfJob);
    BOOST_TEST_REQUIRE(submitted.status == 202);
    api.jobs().stop();
    const Object::Ptr status = finished(api, submitted.header("Location"), "sf");
    BOOST_TEST(status->getValue<std::string>("state") == "failed");
    BOOST_TEST(status->getValue<std::string>("error") == "the service stopped before the job ran");
    const Reply result = api.call("GET", submitted.header("Location") + "/result", api.token("sf"));
    BOOST_TEST(result.status == 409);
    BOOST_TEST(contains(result.body, "failed"));
    const Reply refused = api.call("POST", "/api/v1/exports", api.token("sf"), kSfJob);
    BOOST_TEST(refused.status == 503);
    BOOST_TEST(contains(refused.body, "stopping"));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// An export that only counts what it is given, and when.
struct CountingExport : WorkbookExport {
    std::vector<std::string> ids;
    std::size_t sinceProgress = 0, largestBatch = 0;
    bool finished = false;
    void add(const Case& kase) override {
        ids.push_back(kase.caseId);
        ++sinceProgress;
    }
    void addInvalid(InvalidCaseFile) override {}
    void finish() override { finished = true; }
    std::size_t casesRead() const override { return ids.size(); }
};

struct ManyCases {
    store::MemoryStore store;
    server::AuditLog audit{store};
    server::RulesReadiness readiness{rules::ProfileRegistry::builtIn(), "standard"};
    server::CaseService service{store,
                                audit,
                                readiness,
                                nullptr,
                                [] { return Poco::Timestamp::fromEpochTime(1782900000); },
                                server::Settings{}.cacheBytes};
    const std::string json = ApiFixture::example("nowak-open");

    void add(const std::string& id) {
        store::CaseRecord record;
        record.caseId = id;
        record.version = 1;
        record.json = json;
        // The example's id, wherever it appears, becomes this one.
        for (auto at = record.json.find("DOR-LEH-2026-1207"); at != std::string::npos;
             at = record.json.find("DOR-LEH-2026-1207", at))
            record.json.replace(at, 17, id);
        BOOST_REQUIRE(store.createCase(record) == store::WriteResult::ok);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(streamed_export)

// The export is given the store's cases a batch at a time, read as it goes: a case stored
// after the first batch is in it, which it would not be had every case been read first.
BOOST_FIXTURE_TEST_CASE(an_export_reads_and_holds_one_batch_at_a_time, ManyCases) {
    char id[16];
    for (int i = 0; i < 401; ++i) {
        std::snprintf(id, sizeof id, "C-%04d", i);
        add(id);
    }
    const auto admin =
        server::Caller::of(store::User{"admin", "admin", "", "", "", "", false}, "stream-1", true);
    CountingExport* out = nullptr;
    std::vector<std::pair<std::size_t, std::size_t>> progress;
    service.exportWorkbook(
        admin, "sf.xlsx", "",
        [&] {
            auto made = std::make_unique<CountingExport>();
            out = made.get();
            return std::unique_ptr<WorkbookExport>(std::move(made));
        },
        [&](std::size_t read, std::size_t total) {
            progress.emplace_back(read, total);
            out->largestBatch = std::max(out->largestBatch, out->sinceProgress);
            out->sinceProgress = 0;
            if (progress.size() == 1) add("C-9999");
        });
    BOOST_TEST_REQUIRE(out != nullptr);
    BOOST_TEST(out->finished);
    BOOST_TEST(out->largestBatch == server::CaseService::kExportBatch);
    const std::vector<std::pair<std::size_t, std::size_t>> expected = {
        {200, 401}, {400, 402}, {402, 402}};
    BOOST_TEST((progress == expected));
    BOOST_TEST_REQUIRE(out->ids.size() == 402u);
    BOOST_TEST(std::is_sorted(out->ids.begin(), out->ids.end()));  // case id order
    BOOST_TEST(out->ids.back() == "C-9999");
    BOOST_TEST(store.audit({}).back().outcome == "ok");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_job_files)

// Another instance sharing the data folder keeps its results there: only job files older than
// exports.keepMinutes, which no running instance still serves, are removed at start.
BOOST_FIXTURE_TEST_CASE(at_start_only_job_files_past_keep_minutes_are_removed, ManyCases) {
    const std::string folder = Poco::TemporaryFile::tempName() + "-jobs";
    Poco::File(folder).createDirectories();
    const std::string old = folder + "/job-old.xlsx", fresh = folder + "/job-fresh.xlsx",
                      other = folder + "/notes.txt";
    for (const auto& path : {old, fresh, other}) std::ofstream(path) << "x";
    Poco::File(old).setLastModified(Poco::Timestamp() - 61LL * 60 * 1000000);
    Poco::File(other).setLastModified(Poco::Timestamp() - 61LL * 60 * 1000000);
    const server::Exporters exporters = server::Workbooks::exporters(readiness.profiles());
    {
        server::ExportJobs jobs(service, exporters, server::ExportSettings{}, folder,
                                [] { return Poco::Timestamp(); });
        BOOST_TEST(!Poco::File(old).exists());
        BOOST_TEST(Poco::File(fresh).exists());
        BOOST_TEST(Poco::File(other).exists());  // not a job's
    }
    BOOST_TEST(Poco::File(fresh).exists());  // stopping removes only its own jobs' files
    Poco::File(folder).remove(true);
}

// A running job is stopped at its next batch when the service stops: its export waits here
// (in add) until stop() has begun, so the order is certain without sleeping.
BOOST_FIXTURE_TEST_CASE(stopping_cancels_a_running_job_and_leaves_no_file, ManyCases) {
    add("C-0001");
    struct Gate {
        std::mutex mutex;
        std::condition_variable changed;
        bool entered = false, released = false;
    } gate;
    struct WaitingExport : WorkbookExport {
        Gate& gate;
        std::string path;
        WaitingExport(Gate& g, std::string p) : gate(g), path(std::move(p)) {}
        void add(const Case&) override {
            std::unique_lock<std::mutex> lock(gate.mutex);
            gate.entered = true;
            gate.changed.notify_all();
            gate.changed.wait(lock, [&] { return gate.released; });
        }
        void addInvalid(InvalidCaseFile) override {}
        void finish() override { std::ofstream(path) << "a whole workbook"; }
        std::size_t casesRead() const override { return 0; }
    };
    server::Exporters exporters;
    exporters["sf.xlsx"] = {
        server::Workbooks::kContentType, [](const server::ExportQuery&) {},
        [&](const server::ExportQuery&, const std::string& path) {
            return std::unique_ptr<WorkbookExport>(std::make_unique<WaitingExport>(gate, path));
        }};
    const std::string folder = Poco::TemporaryFile::tempName() + "-jobs";
    server::ExportJobs jobs(service, exporters, server::ExportSettings{}, folder,
                            [] { return Poco::Timestamp::fromEpochTime(1782900000); });
    jobs.start();
    const auto admin =
        server::Caller::of(store::User{"admin", "admin", "", "", "", "", false}, "stop-1", true);
    const std::string id = jobs.submit(admin, "sf.xlsx", {{"as_of", "2026-07-01"}}).id;
    {
        std::unique_lock<std::mutex> lock(gate.mutex);
        gate.changed.wait(lock, [&] { return gate.entered; });
    }
    auto stopped = std::async(std::launch::async, [&] { jobs.stop(); });
    // Once stop() has begun, a submit is refused: then let the running export go on.
    for (;;) {
        try {
            jobs.submit(admin, "sf.xlsx", {{"as_of", "2026-07-01"}});
        } catch (const server::ExportQueueFullException& e) {
            if (std::string(e.message()).find("stopping") != std::string::npos) break;
        }
    }
    {
        const std::lock_guard<std::mutex> lock(gate.mutex);
        gate.released = true;
    }
    gate.changed.notify_all();
    stopped.get();

    const server::ExportJobStatus status = jobs.status(admin, id);
    BOOST_TEST(status.state == "failed");
    BOOST_TEST(status.error == "the service stopped before the export finished; submit it again");
    BOOST_TEST(filesIn(folder) == 0u);  // neither the part-written file nor a result
    // Newest first: the refused submits of the loop above, each audited, can be more than a
    // page of the trail, and the job's end comes after them.
    store::AuditQuery newest;
    newest.newestFirst = true;
    newest.limit = 100;
    const auto trail = store.audit(newest);
    const std::string ended =
        "sf.xlsx job " + id +
        " failed: the service stopped before the export finished; submit it again";
    const auto end = std::find_if(trail.begin(), trail.end(),
                                  [&](const store::AuditEntry& e) { return e.detail == ended; });
    BOOST_TEST_REQUIRE((end != trail.end()));
    BOOST_TEST(end->outcome == "export_cancelled");
    BOOST_TEST(end->user == "admin");
    Poco::File(folder).remove(true);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_jobs_in_ehdocs_serve)

// The executable serves the job routes (what a benchmark drives with curl), and its SIGTERM
// leaves no workbook behind.
BOOST_AUTO_TEST_CASE(ehdocs_serve_runs_an_export_job_to_its_workbook) {
    Poco::TemporaryFile dir;
    Poco::File(dir.path()).createDirectories();
    const std::string token = ehdocs::test::addUser("sf", "sf_coordinator", {"--data", dir.path()});

    ehdocs::test::ServeProcess serve({"--data", dir.path()});
    const Reply submitted{httpCall(serve.port(), "POST", "/api/v1/exports", token, kSfJob)};
    BOOST_TEST_REQUIRE(submitted.status == 202);
    const std::string href = submitted.header("Location");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    std::string state;
    for (;;) {
        const Reply status{httpCall(serve.port(), "GET", href, token)};
        BOOST_TEST_REQUIRE(status.status == 200);
        state = parsed(status)->getValue<std::string>("state");
        if (state != "queued" && state != "running") break;
        BOOST_REQUIRE(std::chrono::steady_clock::now() < deadline);
    }
    BOOST_TEST(state == "done");
    const Reply result{httpCall(serve.port(), "GET", href + "/result", token)};
    BOOST_TEST(result.status == 200);
    BOOST_TEST(result.body.rfind("PK", 0) == 0u);
    BOOST_TEST(filesIn(dir.path() + "/exports") == 1u);

    Poco::Process::requestTermination(serve.handle().id());  // SIGTERM
    BOOST_TEST(serve.handle().wait() == 0);
    BOOST_TEST(filesIn(dir.path() + "/exports") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
