#pragma once

// The service's connections: Poco's TCPServer accepts them, this factory runs each one's HTTP
// requests on its own thread, with the limits of docs/security.md ("Slow clients"):
// - an address over its share of connections, or a server at its maximum, is answered 429 or
//   503 and closed by the accepting thread, before any thread is given to it (AdmissionFilter);
// - a request's line and headers must arrive in full within `headerTimeout` of the
//   connection opening or, on a kept-alive connection, of its first byte; the body within
//   `bodyTimeout` after that (DeadlineSocketImpl). Late headers are answered 408 and closed;
//   a late body reaches the handler as a failed read.
// Thread-safe. The request handler factory must outlive every connection.

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <chrono>
#include <mutex>
#include <set>

#include "http/ConnectionLimiter.h"

namespace ehdocs::http {

class HttpConnection;

struct ConnectionTimeouts {
    std::chrono::milliseconds header{10000};
    std::chrono::milliseconds body{30000};
};

class HttpConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    // `limiter` must outlive the factory and count each connection the filter admitted.
    HttpConnectionFactory(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                          Poco::Net::HTTPServerParams::Ptr params, ConnectionLimiter& limiter,
                          ConnectionTimeouts timeouts);

    Poco::Net::TCPServerConnection* createConnection(
        const Poco::Net::StreamSocket& socket) override;

    // No more requests: idle connections close now; a connection inside a request finishes
    // it and then closes, or, with `abortCurrent`, is cut off at once.
    void stopAll(bool abortCurrent);

private:
    friend class HttpConnection;
    // False when the factory is stopping (the request is then not served).
    bool beginRequest(HttpConnection& connection);
    void endRequest(HttpConnection& connection);
    void enlist(HttpConnection& connection);
    void retire(HttpConnection& connection);

    Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
    Poco::Net::HTTPServerParams::Ptr _params;
    ConnectionLimiter& _limiter;
    const ConnectionTimeouts _timeouts;

    std::mutex _mutex;  // guards what follows and each connection's busy flag
    bool _stopping = false;
    std::set<HttpConnection*> _connections;
};

// Decides in the accepting thread whether a new connection is served (ConnectionLimiter).
// A refused one is answered with a short 429 (its address has too many) or 503 (the server
// has too many) sent without blocking, and closed.
class AdmissionFilter : public Poco::Net::TCPServerConnectionFilter {
public:
    explicit AdmissionFilter(ConnectionLimiter& limiter);  // the limiter must outlive it
    bool accept(const Poco::Net::StreamSocket& socket) override;

private:
    ConnectionLimiter& _limiter;
};

// The client address a connection is counted under.
std::string clientKey(const Poco::Net::StreamSocket& socket);

}  // namespace ehdocs::http
