#pragma once

// The records service's HTTP server: the API's routes on a Poco TCPServer, on a socket the
// caller binds (port 0 in tests). Owns the router, metrics, connection limits, request
// workers and the server; the CaseService is the caller's and must outlive this object.
// Each open connection has a thread of its own (up to server.maxConnections, at most
// server.connectionsPerAddress from one address), so a slow client holds nothing but its own
// connection, and only until its request's deadline (HttpConnections.h); endpoints run on at
// most server.threads workers at once (WorkerSlots.h), and /health on none.

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/SharedPtr.h>
#include <Poco/ThreadPool.h>

#include <memory>

#include "http/ApiEndpoints.h"
#include "http/ConnectionLimiter.h"
#include "http/HttpConnections.h"
#include "http/Metrics.h"
#include "http/RequestHandler.h"
#include "http/Router.h"
#include "http/WorkerSlots.h"
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
    std::size_t openConnections() const { return _limiter.open(); }

private:
    Metrics _metrics;
    Router _router;
    PagesHandler _pages;
    std::unique_ptr<ApiEndpoints> _endpoints;
    ConnectionLimiter _limiter;
    WorkerSlots _workers;
    // Declared before the server so that it outlives it: its destructor joins the
    // connection threads.
    Poco::ThreadPool _threads;
    Poco::SharedPtr<HttpConnectionFactory> _connections;
    std::unique_ptr<Poco::Net::TCPServer> _server;
    bool _stopped = false;
};

}  // namespace ehdocs::http
