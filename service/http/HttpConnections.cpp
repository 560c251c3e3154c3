#include "http/HttpConnections.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Timestamp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

#include "http/DeadlineSocket.h"

namespace ehdocs::http {

using Poco::Net::HTTPResponse;

std::string clientKey(const Poco::Net::StreamSocket& socket) {
    try {
        return socket.peerAddress().host().toString();
    } catch (const Poco::Exception&) {
        return "";
    }
}

// One client connection: reads requests one after another (keep-alive), each within its
// deadlines, and passes each to a handler from the factory.
class HttpConnection : public Poco::Net::TCPServerConnection {
public:
    HttpConnection(HttpConnectionFactory& factory, DeadlineSocketImpl* impl,
                   const Poco::Net::StreamSocket& socket, std::string client)
        : Poco::Net::TCPServerConnection(socket),
          _factory(factory),
          _impl(impl),
          _client(std::move(client)) {}

    void run() override {
        _factory.enlist(*this);
        try {
            serve();
        } catch (...) {
            // The client went away or the socket failed: nothing more to say to it.
        }
        _factory.retire(*this);
    }

    // Called with the factory's mutex held.
    void cutOff() {
        try {
            socket().shutdown();
        } catch (...) {
        }
    }
    bool busy = false;

private:
    void serve() {
        Poco::Net::HTTPServerSession session(socket(), _factory._params);
        // A new connection's first request must start, as well as arrive, within the header
        // time limit (Poco alone would wait for its first byte for the whole socket timeout).
        const auto header = _factory._timeouts.header;
        _impl->setDeadline(DeadlineSocketImpl::Clock::now() + header);
        if (!socket().poll(
                Poco::Timespan(
                    std::chrono::duration_cast<std::chrono::microseconds>(header).count()),
                Poco::Net::Socket::SELECT_READ)) {
            answerLate(session);
            return;
        }
        bool first = true;
        while (session.hasMoreRequests()) {
            if (!first) _impl->setDeadline(DeadlineSocketImpl::Clock::now() + header);
            first = false;
            try {
                if (!serveOne(session)) break;
            } catch (const Poco::Net::NoMessageException&) {
                if (_impl->expired()) answerLate(session);
                break;
            } catch (const Poco::Net::MessageException&) {
                _impl->expired() ? answerLate(session)
                                 : sendError(session, HTTPResponse::HTTP_BAD_REQUEST);
                break;
            } catch (const Poco::TimeoutException&) {
                answerLate(session);
                break;
            }
            _impl->clearDeadline();
        }
    }

    // False when the connection must close after this request.
    bool serveOne(Poco::Net::HTTPServerSession& session) {
        Poco::Net::HTTPServerResponseImpl response(session);
        Poco::Net::HTTPServerRequestImpl request(response, session, _factory._params.get());
        _impl->setDeadline(DeadlineSocketImpl::Clock::now() + _factory._timeouts.body);
        if (!_factory.beginRequest(*this)) return false;
        struct End {
            HttpConnectionFactory& factory;
            HttpConnection& connection;
            ~End() { factory.endRequest(connection); }
        } end{_factory, *this};
        const bool keepAlive = _factory._params->getKeepAlive() && session.canKeepAlive();
        response.setDate(Poco::Timestamp());
        response.setVersion(request.getVersion());
        response.setKeepAlive(keepAlive && request.getKeepAlive());
        response.set("Server", _factory._params->getServerName());
        std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
            _factory._handlers->createRequestHandler(request));
        if (request.getExpectContinue()) response.sendContinue();
        handler->handleRequest(request, response);
        session.setKeepAlive(keepAlive && response.getKeepAlive());
        return session.getKeepAlive();
    }

    void answerLate(Poco::Net::HTTPServerSession& session) {
        Poco::Logger::get("ehdocs").information(
            "closing a connection from %s: its request "
            "did not arrive in time",
            _client);
        sendError(session, HTTPResponse::HTTP_REQUEST_TIMEOUT);
    }

    static void sendError(Poco::Net::HTTPServerSession& session, HTTPResponse::HTTPStatus status) {
        try {
            Poco::Net::HTTPServerResponseImpl response(session);
            response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
            response.setStatusAndReason(status);
            response.setKeepAlive(false);
            response.setContentLength(0);
            response.send();
        } catch (...) {
        }
        session.setKeepAlive(false);
    }

    HttpConnectionFactory& _factory;
    DeadlineSocketImpl* _impl;  // owned by socket()
    std::string _client;

    friend class HttpConnectionFactory;
};

HttpConnectionFactory::HttpConnectionFactory(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                                             Poco::Net::HTTPServerParams::Ptr params,
                                             ConnectionLimiter& limiter,
                                             ConnectionTimeouts timeouts)
    : _handlers(std::move(handlers)),
      _params(std::move(params)),
      _limiter(limiter),
      _timeouts(timeouts) {}

Poco::Net::TCPServerConnection* HttpConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
    // The accepted socket's descriptor, duplicated into a socket whose reads keep deadlines;
    // the original closes when Poco drops its copy, the duplicate when the connection ends.
    const int fd = ::dup(socket.impl()->sockfd());
    if (fd < 0) throw Poco::Net::NetException("cannot duplicate an accepted socket");
    auto* impl = new DeadlineSocketImpl(fd);
    Poco::Net::StreamSocket deadlined(impl);
    return new HttpConnection(*this, impl, deadlined, clientKey(socket));
}

void HttpConnectionFactory::enlist(HttpConnection& connection) {
    std::lock_guard<std::mutex> lock(_mutex);
    _connections.insert(&connection);
    if (_stopping) connection.cutOff();
}

void HttpConnectionFactory::retire(HttpConnection& connection) {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _connections.erase(&connection);
    }
    _limiter.release(connection._client);
}

bool HttpConnectionFactory::beginRequest(HttpConnection& connection) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_stopping) return false;
    connection.busy = true;
    return true;
}

void HttpConnectionFactory::endRequest(HttpConnection& connection) {
    std::lock_guard<std::mutex> lock(_mutex);
    connection.busy = false;
    // A stop asked for while this request ran: the connection closes now it has answered.
    if (_stopping) connection.cutOff();
}

void HttpConnectionFactory::stopAll(bool abortCurrent) {
    std::lock_guard<std::mutex> lock(_mutex);
    _stopping = true;
    for (HttpConnection* connection : _connections) {
        if (abortCurrent || !connection->busy) connection->cutOff();
    }
}

AdmissionFilter::AdmissionFilter(ConnectionLimiter& limiter) : _limiter(limiter) {}

bool AdmissionFilter::accept(const Poco::Net::StreamSocket& socket) {
    const ConnectionLimiter::Admission admission = _limiter.admit(clientKey(socket));
    if (admission == ConnectionLimiter::Admission::admitted) return true;
    static const std::string addressFull =
        "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nConnection: close\r\n"
        "Content-Length: 0\r\n\r\n";
    static const std::string serverFull =
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
        "Content-Length: 0\r\n\r\n";
    const std::string& answer =
        admission == ConnectionLimiter::Admission::addressFull ? addressFull : serverFull;
    // Never blocks the accepting thread: a fresh socket's send buffer is empty.
    ::send(socket.impl()->sockfd(), answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    return false;
}

}  // namespace ehdocs::http
