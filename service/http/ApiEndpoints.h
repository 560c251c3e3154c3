#pragma once

// The API's endpoints (docs/api.md, docs/openapi.yaml): each translates a request into one
// CaseService call and its result into a response. No rules, rendering or storage here.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http/AuthThrottle.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "server/CaseService.h"
#include "server/ExportJobs.h"
#include "server/Workbooks.h"

namespace ehdocs::http {

class ApiEndpoints {
public:
    ApiEndpoints(server::CaseService& service, Metrics& metrics);

    // Serves GET /api/v1/exports/{name} (e.g. "sf.xlsx") with `exporters` (which must outlive
    // the endpoints; the query's as_of is today's UK date by the service's clock unless the
    // request gave one); until set, every export answers 404. Set before the server starts.
    void setExporters(const server::Exporters& exporters) { _exporters = &exporters; }

    // Serves POST /api/v1/exports and GET /api/v1/exports/jobs/{id}[/result] with `jobs`
    // (which must outlive the endpoints); until set, they answer 404. Set before the server
    // starts.
    void setExportJobs(server::ExportJobs& jobs) { _jobs = &jobs; }

    // GET /health runs `probe` (a cheap check that the store can be written, which throws
    // store::StoreException when not) and answers 503 while it fails; without one, 200.
    void setHealthProbe(std::function<void()> probe) { _healthProbe = std::move(probe); }

    // From now on, failed authentications are throttled per client address (AuthThrottle.h).
    void limitFailedAuthentication(int limit, std::chrono::seconds window);

    void addRoutes(Router& router);

    // Audits a request to the API refused before it reached an endpoint (RefusalHook).
    void refused(const ApiRequest& request, const PathParams& params, const std::string& code,
                 const std::string& message);

private:
    server::Caller caller(const ApiRequest& request);
    server::ExportJobs& jobs();  // NotFoundException when none was set

    // `read` applied to the request's JSON object body; a body it cannot use (not JSON, a
    // field missing or of the wrong type) is refused with BadRequestException, audited.
    template <typename Read>
    auto auditedBody(const server::Caller& who, const ApiRequest& request, const PathParams& params,
                     Read read);

    server::CaseService& _service;
    Metrics& _metrics;
    const server::Exporters* _exporters = nullptr;
    server::ExportJobs* _jobs = nullptr;
    std::function<void()> _healthProbe;
    std::unique_ptr<AuthThrottle> _throttle;
};

}  // namespace ehdocs::http
