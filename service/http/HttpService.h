#pragma once

// The records service's HTTP server: the API's routes on a Poco HTTPServer, on a socket the
// caller binds (port 0 in tests). Owns the router, metrics and the server; the CaseService is
// the caller's and must outlive this object.

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>

#include <memory>

#include "http/ApiEndpoints.h"
#include "http/Metrics.h"
#include "http/RequestHandler.h"
#include "http/Router.h"
#include "server/CaseService.h"
#include "server/Settings.h"

namespace ehdocs::http {

class HttpService {
public:
    HttpService(server::CaseService& service, const server::Settings& settings,
                const Poco::Net::ServerSocket& socket);
    ~HttpService();  // stops, without waiting for in-flight requests

    ApiEndpoints& endpoints() { return *_endpoints; }  // to plug in exporters before start()
    // Answers every non-API path (the web app); set before start().
    void setPages(PagesHandler pages) { _pages = std::move(pages); }

    void start();
    // Stops accepting, lets in-flight requests finish (up to `graceSeconds`), then closes
    // every connection.
    void stop(int graceSeconds);

    Poco::UInt16 port() const;

private:
    Metrics _metrics;
    Router _router;
    PagesHandler _pages;
    std::unique_ptr<ApiEndpoints> _endpoints;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    bool _stopped = false;
};

}  // namespace ehdocs::http
