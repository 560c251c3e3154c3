#pragma once

// Poco's side of the API: turns each HTTP request into an ApiRequest (enforcing the body
// limit; a body that does not arrive in time is a 408), dispatches it through the Router on
// one of the request workers (WorkerSlots; /health needs none), maps any failure with
// ErrorMapper, writes the response and records metrics. Every response carries X-Request-Id.

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>

#include "http/Metrics.h"
#include "http/Router.h"
#include "http/WorkerSlots.h"

namespace ehdocs::http {

// Told about requests to the API refused before reaching an endpoint (wrong method, body too
// large), so that those refusals are audited too. `request` has no body; `params` may be empty.
using RefusalHook = std::function<void(const ApiRequest& request, const PathParams& params,
                                       const std::string& code, const std::string& message)>;

// Answers every request whose path is not the API's (/api/..., /health, /metrics): the web
// app's pages. Unset: such paths get the API's 404.
using PagesHandler = std::function<ApiResponse(const ApiRequest& request)>;

class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    RequestHandler(const Router& router, Metrics& metrics, WorkerSlots& workers,
                   std::size_t maxBodyBytes, std::atomic<unsigned long long>& counter,
                   const RefusalHook& refused, const PagesHandler& pages);
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    const Router& _router;
    Metrics& _metrics;
    WorkerSlots& _workers;
    std::size_t _maxBodyBytes;
    std::atomic<unsigned long long>& _counter;
    const RefusalHook& _refused;
    const PagesHandler& _pages;
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    // The router, metrics and workers must outlive the factory.
    // `pages` must outlive the factory; it may be set after construction, before serving.
    RequestHandlerFactory(const Router& router, Metrics& metrics, WorkerSlots& workers,
                          std::size_t maxBodyBytes, RefusalHook refused, const PagesHandler& pages);
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& request) override;

private:
    const Router& _router;
    Metrics& _metrics;
    WorkerSlots& _workers;
    std::size_t _maxBodyBytes;
    std::atomic<unsigned long long> _counter{0};
    RefusalHook _refused;
    const PagesHandler& _pages;
};

}  // namespace ehdocs::http
