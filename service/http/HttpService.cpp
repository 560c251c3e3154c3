#include "http/HttpService.h"

#include <Poco/Net/HTTPServerParams.h>

#include <chrono>
#include <thread>

#include "http/RequestHandler.h"

namespace ehdocs::http {

HttpService::HttpService(server::CaseService& service, const server::Settings& settings,
                         const Poco::Net::ServerSocket& socket)
    : _endpoints(std::make_unique<ApiEndpoints>(service, _metrics)) {
    _endpoints->addRoutes(_router);
    Poco::AutoPtr<Poco::Net::HTTPServerParams> params = new Poco::Net::HTTPServerParams();
    params->setMaxThreads(settings.threads);
    params->setMaxQueued(settings.queue);
    params->setKeepAlive(true);
    params->setServerName("ehdocs");
    _server = std::make_unique<Poco::Net::HTTPServer>(
        new RequestHandlerFactory(
            _router, _metrics, settings.maxBodyBytes,
            [this](const ApiRequest& request, const PathParams& params, const std::string& code,
                   const std::string& message) {
                _endpoints->refused(request, params, code, message);
            },
            _pages),
        socket, params);
}

HttpService::~HttpService() {
    if (!_stopped) _server->stopAll(true);
}

void HttpService::start() {
    _server->start();
}

void HttpService::stop(int graceSeconds) {
    // stopAll(false): no new connections; each open one finishes its current request and
    // then closes (idle keep-alive connections close at once).
    _server->stopAll(false);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(graceSeconds);
    while (_server->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    _server->stopAll(true);
    _stopped = true;
}

Poco::UInt16 HttpService::port() const {
    return _server->port();
}

}  // namespace ehdocs::http
