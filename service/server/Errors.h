#pragma once

// Every failure the records service reports to a caller. Each class's name() is its stable
// error code (docs/api.md lists them); the HTTP layer turns each into a status in exactly one
// place (http/ErrorMapper). Exceptions may carry details: a JSON value (the validation errors,
// the readiness report) that the caller needs to act on.

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>

namespace ehdocs::server {

class ServiceException : public Poco::Exception {
public:
    explicit ServiceException(int code = 0);
    explicit ServiceException(const std::string& msg, int code = 0);
    ServiceException(const std::string& msg, const std::string& arg, int code = 0);
    ServiceException(const std::string& msg, const Poco::Exception& exc, int code = 0);
    ServiceException(const ServiceException& exc);
    ~ServiceException() noexcept override;
    ServiceException& operator=(const ServiceException& exc);
    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;

    // Details for the caller (a Poco::JSON Object or Array), empty when there are none.
    const Poco::Dynamic::Var& details() const { return _details; }
    void setDetails(const Poco::Dynamic::Var& details) { _details = details; }

private:
    Poco::Dynamic::Var _details;
};

// The request cannot be understood: malformed JSON, a bad parameter.            -> 400
POCO_DECLARE_EXCEPTION(, BadRequestException, ServiceException)
// No API token, or one that names no user.                                       -> 401
POCO_DECLARE_EXCEPTION(, UnauthorizedException, ServiceException)
// The caller's role or team does not allow the action.                           -> 403
POCO_DECLARE_EXCEPTION(, ForbiddenException, ServiceException)
// No such case, document, document type or meeting.                              -> 404
POCO_DECLARE_EXCEPTION(, NotFoundException, ServiceException)
// The case already exists, is not closed (reopen), or the document does not apply. -> 409
POCO_DECLARE_EXCEPTION(, ConflictException, ServiceException)
// A write that would close the case, or touch its sign-off, other than by POST .../close:
// `status: closed`, or `closure.authorised` added, changed or removed. details.field names it.
//                                                                                -> 409
POCO_DECLARE_EXCEPTION(, ClosureByCloseOnlyException, ServiceException)
// The case is closed, so read-only: edits, documents and closing again wait for a reopen.
//                                                                                -> 409
POCO_DECLARE_EXCEPTION(, CaseClosedException, ServiceException)
// Closure refused: details hold the readiness report.                            -> 409
POCO_DECLARE_EXCEPTION(, NotReadyToCloseException, ServiceException)
// The If-Match version is not the current one.                                   -> 412
POCO_DECLARE_EXCEPTION(, StaleVersionException, ServiceException)
// An update without If-Match.                                                    -> 428
POCO_DECLARE_EXCEPTION(, VersionRequiredException, ServiceException)
// The body is larger than the configured limit.                                  -> 413
POCO_DECLARE_EXCEPTION(, PayloadTooLargeException, ServiceException)
// The path exists but not for this method: details.allowed lists the methods.   -> 405
POCO_DECLARE_EXCEPTION(, MethodNotAllowedException, ServiceException)
// The case file is not valid: details list every error (path, message).          -> 422
POCO_DECLARE_EXCEPTION(, InvalidCaseException, ServiceException)
// The request's headers or body did not arrive within the time limit.            -> 408
POCO_DECLARE_EXCEPTION(, RequestTimeoutException, ServiceException)
// Too many failed authentications from this address: details.retry_after (s).   -> 429
POCO_DECLARE_EXCEPTION(, TooManyRequestsException, ServiceException)
// Every request worker is busy and the queue for them is full.                   -> 503
POCO_DECLARE_EXCEPTION(, ServiceBusyException, ServiceException)
// An export job's result was asked for before the job was done.                 -> 409
POCO_DECLARE_EXCEPTION(, ExportNotReadyException, ServiceException)
// The export jobs' queue (exports.maxQueued) is full: details.retry_after (s).   -> 503
POCO_DECLARE_EXCEPTION(, ExportQueueFullException, ServiceException)
// An export stopped before it finished (the service is stopping).                -> 503
POCO_DECLARE_EXCEPTION(, ExportCancelledException, ServiceException)
// Rendering a document failed (engine error, timeout).                           -> 500
POCO_DECLARE_EXCEPTION(, RenderFailedException, ServiceException)

}  // namespace ehdocs::server
