#pragma once

// Poco's side of the API: turns each HTTP request into an ApiRequest (enforcing the body
// limit), dispatches it through the Router, maps any failure with ErrorMapper, writes the
// response and records metrics. Every response carries X-Request-Id.

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>

#include "http/Metrics.h"
#include "http/Router.h"

namespace ehdocs::http {

// Told about requests to the API refused before reaching an endpoint (wrong method, body too
// large), so that those refusals are audited too. `request` has no body; `params` may be empty.
using RefusalHook = std::function<void(const ApiRequest& request, const PathParams& params,
                                       const std::string& code, const std::string& message)>;

class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    RequestHandler(const Router& router, Metrics& metrics, std::size_t maxBodyBytes,
                   std::atomic<unsigned long long>& counter, const RefusalHook& refused);
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    const Router& _router;
    Metrics& _metrics;
    std::size_t _maxBodyBytes;
    std::atomic<unsigned long long>& _counter;
    const RefusalHook& _refused;
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    // The router and metrics must outlive the factory.
    RequestHandlerFactory(const Router& router, Metrics& metrics, std::size_t maxBodyBytes,
                          RefusalHook refused);
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& request) override;

private:
    const Router& _router;
    Metrics& _metrics;
    std::size_t _maxBodyBytes;
    std::atomic<unsigned long long> _counter{0};
    RefusalHook _refused;
};

}  // namespace ehdocs::http
