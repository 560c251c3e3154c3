#include "http/HttpService.h"

#include <Poco/Net/HTTPServerParams.h>

#include <chrono>
#include <thread>

#include "http/RequestHandler.h"

namespace ehdocs::http {

HttpService::HttpService(server::CaseService& service, const server::Settings& settings,
                         const Poco::Net::ServerSocket& socket)
    : _endpoints(std::make_unique<ApiEndpoints>(service, _metrics)),
      _limiter(settings.maxConnections, settings.connectionsPerAddress),
      _workers(settings.threads, settings.queue),
      _threads(2, settings.maxConnections + 1) {
    _endpoints->limitFailedAuthentication(settings.authFailureLimit,
                                          std::chrono::seconds(settings.authBlockSeconds));
    _endpoints->addRoutes(_router);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams();
    // One thread per admitted connection, and room in the queue for every one, so that Poco
    // never drops an admitted connection uncounted.
    params->setMaxThreads(static_cast<int>(settings.maxConnections));
    params->setMaxQueued(static_cast<int>(settings.maxConnections) + 1);
    params->setKeepAlive(true);
    params->setServerName("ehdocs");
    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers = new RequestHandlerFactory(
        _router, _metrics, _workers, settings.maxBodyBytes,
        [this](const ApiRequest& request, const PathParams& params, const std::string& code,
               const std::string& message) { _endpoints->refused(request, params, code, message); },
        _pages);
    _connections = new HttpConnectionFactory(
        handlers, params, _limiter,
        ConnectionTimeouts{std::chrono::milliseconds(settings.headerTimeoutMs),
                           std::chrono::milliseconds(settings.bodyTimeoutMs)});
    _server = std::make_unique<Poco::Net::TCPServer>(
        Poco::Net::TCPServerConnectionFactory::Ptr(_connections), _threads, socket, params);
    _server->setConnectionFilter(new AdmissionFilter(_limiter));
}

HttpService::~HttpService() {
    if (!_stopped) {
        _server->stop();
        _connections->stopAll(true);
    }
}

void HttpService::start() {
    _server->start();
}

void HttpService::stop(int graceSeconds) {
    // No new connections; each open one finishes its current request and then closes (idle
    // keep-alive connections close at once).
    _server->stop();
    _connections->stopAll(false);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(graceSeconds);
    while (_limiter.open() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    _connections->stopAll(true);
    _stopped = true;
}

Poco::UInt16 HttpService::port() const {
    return _server->port();
}

}  // namespace ehdocs::http
