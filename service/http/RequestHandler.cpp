#include "http/RequestHandler.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Stopwatch.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <functional>
#include <limits>

#include "http/ErrorMapper.h"
#include "server/Errors.h"
#include "store/ValidUtf8.h"

namespace ehdocs::http {

namespace {

// A request id the caller sent is kept when it is short and plain, so that logs can be
// joined across services; otherwise the service makes one.
bool usableRequestId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
            return false;
        }
    }
    return true;
}

// Everything but the body. Decoded text is made valid UTF-8 here, once, because paths and
// query values reach error messages and the audit trail, which are written as JSON.
ApiRequest describe(Poco::Net::HTTPServerRequest& request, const std::string& requestId) {
    using store::validUtf8;
    ApiRequest api;
    api.method = validUtf8(request.getMethod());
    api.requestId = requestId;
    api.clientAddress = request.clientAddress().host().toString();
    for (const auto& [name, value] : request) {
        api.headers[validUtf8(Poco::toLower(name))] = validUtf8(value);
    }
    const Poco::URI uri(request.getURI());
    api.path = validUtf8(uri.getPath());
    for (const auto& [name, value] : uri.getQueryParameters()) {
        api.query[validUtf8(name)] = validUtf8(value);
    }
    return api;
}

void readBody(Poco::Net::HTTPServerRequest& request, std::size_t maxBodyBytes, ApiRequest& api) {
    // Without Content-Length or chunked encoding a request has no body (RFC 9112, 6.3), as
    // with `curl -X POST .../close`; reading one would wait for the connection to time out.
    if (!request.hasContentLength() && !request.getChunkedTransferEncoding()) return;
    if (request.hasContentLength() &&
        request.getContentLength64() > static_cast<Poco::Int64>(maxBodyBytes)) {
        // A modestly oversized body is read and dropped, so the client (which is still
        // sending) gets the 413 rather than a reset connection; a huge one is not read at all.
        if (request.getContentLength64() <= 4 * static_cast<Poco::Int64>(maxBodyBytes)) {
            request.stream().ignore(std::numeric_limits<std::streamsize>::max());
        }
        throw server::PayloadTooLargeException(
            "the body is " + std::to_string(request.getContentLength64()) +
            " bytes; the limit is " + std::to_string(maxBodyBytes));
    }
    // Read in small pieces, stopping one byte past the limit, so that neither a chunked body
    // nor a false Content-Length can make the server allocate more than the limit.
    std::istream& in = request.stream();
    std::string body;
    if (request.hasContentLength() && request.getContentLength64() > 0) {
        body.reserve(static_cast<std::size_t>(request.getContentLength64()));
    }
    char buffer[16384];
    while (body.size() <= maxBodyBytes &&
           in.read(buffer, static_cast<std::streamsize>(sizeof buffer)).gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    // A failed read (not a clean end) is the connection's deadline passing (or the client
    // going away): the body is incomplete and must not be acted on.
    if (in.bad()) {
        throw server::RequestTimeoutException(
            "the request body did not arrive in time (server.bodyTimeoutMs)");
    }
    if (body.size() > maxBodyBytes) {
        throw server::PayloadTooLargeException("the body is larger than the limit of " +
                                               std::to_string(maxBodyBytes) + " bytes");
    }
    api.body = std::move(body);
}

}  // namespace

RequestHandler::RequestHandler(const Router& router, Metrics& metrics, WorkerSlots& workers,
                               std::size_t maxBodyBytes, std::atomic<unsigned long long>& counter,
                               const RefusalHook& refused, const PagesHandler& pages)
    : _router(router),
      _metrics(metrics),
      _workers(workers),
      _maxBodyBytes(maxBodyBytes),
      _counter(counter),
      _refused(refused),
      _pages(pages) {}

void RequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                   Poco::Net::HTTPServerResponse& response) {
    Poco::Stopwatch watch;
    watch.start();
    const std::string sent = request.get("X-Request-Id", "");
    const std::string requestId =
        usableRequestId(sent) ? sent : "req-" + std::to_string(++_counter);
    std::string route;
    ApiResponse result;
    ApiRequest api;
    Router::Match match;
    bool reachedEndpoint = false;
    try {
        try {
            api = describe(request, requestId);
        } catch (const Poco::SyntaxException& e) {
            // Still audited when it was meant for the API: the raw target, made valid text.
            api.method = store::validUtf8(request.getMethod());
            api.requestId = requestId;
            api.clientAddress = request.clientAddress().host().toString();
            api.path = store::validUtf8(request.getURI().substr(0, 200));
            for (const auto& [name, value] : request) {
                api.headers[store::validUtf8(Poco::toLower(name))] = store::validUtf8(value);
            }
            throw server::BadRequestException("the request URI is malformed: " + e.message());
        }
        match = _router.match(api.method, api.path);
        route = match.pattern;
        if (!match.endpoint && match.allowed.empty() && _pages && api.path.rfind("/api/", 0) != 0) {
            route = "pages";
            readBody(request, _maxBodyBytes, api);
            const WorkerSlots::Lease worker(_workers);
            if (!worker.acquired()) {
                throw server::ServiceBusyException(
                    "every request worker is busy and the queue is full; try again shortly");
            }
            result = _pages(api);
        } else if (!match.endpoint) {
            if (match.allowed.empty()) {
                throw server::NotFoundException("there is no " + api.path +
                                                " in this API (docs/api.md)");
            }
            server::MethodNotAllowedException error(api.method + " is not allowed on " +
                                                    match.pattern);
            Poco::JSON::Object::Ptr details = new Poco::JSON::Object();
            Poco::JSON::Array::Ptr allowed = new Poco::JSON::Array();
            for (const std::string& m : match.allowed) allowed->add(m);
            details->set("allowed", allowed);
            error.setDetails(details);
            throw error;
        } else {
            readBody(request, _maxBodyBytes, api);
            reachedEndpoint = true;
            if (route == "/health") {
                result = (*match.endpoint)(api, match.params);
            } else {
                const WorkerSlots::Lease worker(_workers);
                if (!worker.acquired()) {
                    reachedEndpoint = false;  // refused before the endpoint: audited below
                    throw server::ServiceBusyException(
                        "every request worker is busy and the queue is full; try again shortly");
                }
                result = (*match.endpoint)(api, match.params);
            }
        }
    } catch (...) {
        std::string code = "internal_error";
        try {
            throw;
        } catch (const server::ServiceException& e) {
            code = e.name();
        } catch (...) {
        }
        result = ErrorMapper::current();
        // After refusing a body unread, the connection's stream is out of step: close it.
        if (result.status == 413 || result.status == 400 || result.status == 408) {
            response.setKeepAlive(false);
        }
        // Endpoints audit their own refusals; these never reached one.
        // Every answer to the API is audited once: unknown routes and malformed targets too.
        if (!reachedEndpoint && api.path.rfind("/api/", 0) == 0 && _refused) {
            try {
                _refused(api, match.params, code, result.body);
            } catch (...) {
                result = ErrorMapper::current();
            }
        }
    }
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(result.status));
    response.setContentType(result.contentType);
    response.set("X-Request-Id", requestId);
    for (const auto& [name, value] : result.headers) response.set(name, value);
    response.setContentLength64(static_cast<Poco::Int64>(result.body.size()));
    if (request.getMethod() == "HEAD") {
        response.send();
    } else {
        response.sendBuffer(result.body.data(), result.body.size());
    }
    _metrics.observe(route, result.status, static_cast<double>(watch.elapsed()) / 1e6);
}

RequestHandlerFactory::RequestHandlerFactory(const Router& router, Metrics& metrics,
                                             WorkerSlots& workers, std::size_t maxBodyBytes,
                                             RefusalHook refused, const PagesHandler& pages)
    : _router(router),
      _metrics(metrics),
      _workers(workers),
      _maxBodyBytes(maxBodyBytes),
      _refused(std::move(refused)),
      _pages(pages) {}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest&) {
    return new RequestHandler(_router, _metrics, _workers, _maxBodyBytes, _counter, _refused,
                              _pages);
}

}  // namespace ehdocs::http
