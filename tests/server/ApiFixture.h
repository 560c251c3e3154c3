#pragma once

// An in-process records service on a free port (port 0): in-memory store, the real closure
// rules, a fake renderer (deterministic bytes, no PDF engine), a clock that stands still (at
// `now`, seconds since 1970 UTC; tests may move it), and one user per role. call() speaks
// HTTP to it like any client.

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "Http.h"
#include "http/HttpService.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/ExportJobs.h"
#include "server/RulesReadiness.h"
#include "server/Workbooks.h"
#include "store/MemoryStore.h"

namespace ehdocs::test {

struct Reply : HttpReply {
    std::string errorCode() const;  // error.code of an error body, or ""
};

class FakeRenderer : public server::DocumentRenderer {
public:
    server::RenderedDocument render(const Case& kase, const server::RenderRequest& r) override;
    server::RendererStats stats() override { return {1, 2}; }

    std::optional<Date> lastProducedOn() const;  // of the last render

private:
    mutable std::mutex _mutex;
    std::optional<Date> _lastProducedOn;
};

class ApiFixture {
public:
    ApiFixture();
    // With these settings for the HTTP server and the export jobs (see testSettings()); the
    // export jobs' workers start unless `startJobs` is false (jobs then stay queued until
    // jobs().start()).
    explicit ApiFixture(const server::Settings& settings, bool startJobs = true);
    ~ApiFixture();

    // The settings of the default fixture: small body limit, 8 workers.
    static server::Settings testSettings();

    // Tokens of: coach_south, leader_south, coach_north, leader_north, sf, admin.
    std::string token(const std::string& user) const { return _tokens.at(user); }

    Reply call(const std::string& method, const std::string& path, const std::string& token = "",
               const std::string& body = "",
               const std::map<std::string, std::string>& headers = {});

    // Posts an example case (examples/NAME.json) as `user`; returns the reply.
    Reply postExample(const std::string& name, const std::string& user = "admin");

    static std::string example(const std::string& name);

    const FakeRenderer& renderer() const { return _renderer; }

    store::MemoryStore store;
    Poco::UInt16 port = 0;
    std::atomic<long long> now{kFirstOfJuly};  // the service's clock

    static constexpr long long kFirstOfJuly = 1782900000;  // 2026-07-01T10:00:00Z
    http::HttpService& http() { return *_http; }
    server::ExportJobs& jobs() { return *_jobs; }
    const std::string& jobsFolder() const { return _jobsFolder; }  // the jobs' results

private:
    std::unique_ptr<server::AuditLog> _audit;
    std::unique_ptr<server::RulesReadiness> _readiness;
    FakeRenderer _renderer;
    std::unique_ptr<server::CaseService> _service;
    server::Exporters _exporters;
    std::string _jobsFolder;
    std::unique_ptr<server::ExportJobs> _jobs;
    std::unique_ptr<http::HttpService> _http;
    std::map<std::string, std::string> _tokens;
};

}  // namespace ehdocs::test
