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

class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    RequestHandler(const Router& router, Metrics& metrics, std::size_t maxBodyBytes,
                   std::atomic<unsigned long long>& counter);
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    const Router& _router;
    Metrics& _metrics;
    std::size_t _maxBodyBytes;
    std::atomic<unsigned long long>& _counter;
};

class RequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    // The router and metrics must outlive the factory.
    RequestHandlerFactory(const Router& router, Metrics& metrics, std::size_t maxBodyBytes);
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest& request) override;

private:
    const Router& _router;
    Metrics& _metrics;
    std::size_t _maxBodyBytes;
    std::atomic<unsigned long long> _counter{0};
};

}  // namespace ehdocs::http
