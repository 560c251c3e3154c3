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

namespace ehdocs::http {

// Builds a workbook from every current case and the request's query parameters (as_of, team,
// from, to...; as_of is today's UK date by the service's clock unless the request gave one).
// Throws server::BadRequestException for a bad parameter.
using Exporter = std::function<std::string(const std::vector<std::shared_ptr<const Case>>& cases,
                                           const std::map<std::string, std::string>& query)>;

class ApiEndpoints {
public:
    ApiEndpoints(server::CaseService& service, Metrics& metrics);

    // Serves GET /api/v1/exports/{name} (e.g. "sf.xlsx") with `exporter`; until one is set
    // for a name, that export answers 404.
    void setExporter(const std::string& name, const std::string& contentType, Exporter exporter);

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

    // `read` applied to the request's JSON object body; a body it cannot use (not JSON, a
    // field missing or of the wrong type) is refused with BadRequestException, audited.
    template <typename Read>
    auto auditedBody(const server::Caller& who, const ApiRequest& request, const PathParams& params,
                     Read read);

    server::CaseService& _service;
    Metrics& _metrics;
    std::map<std::string, std::pair<std::string, Exporter>> _exporters;
    std::function<void()> _healthProbe;
    std::unique_ptr<AuthThrottle> _throttle;
};

}  // namespace ehdocs::http
