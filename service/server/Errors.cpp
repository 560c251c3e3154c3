#include "server/Errors.h"

#include <typeinfo>

namespace ehdocs::server {

ServiceException::ServiceException(int code) : Poco::Exception(code) {}
ServiceException::ServiceException(const std::string& msg, int code) : Poco::Exception(msg, code) {}
ServiceException::ServiceException(const std::string& msg, const std::string& arg, int code)
    : Poco::Exception(msg, arg, code) {}
ServiceException::ServiceException(const std::string& msg, const Poco::Exception& exc, int code)
    : Poco::Exception(msg, exc, code) {}
ServiceException::ServiceException(const ServiceException& exc)
    : Poco::Exception(exc), _details(exc._details) {}
ServiceException::~ServiceException() noexcept = default;
ServiceException& ServiceException::operator=(const ServiceException& exc) {
    Poco::Exception::operator=(exc);
    _details = exc._details;
    return *this;
}
const char* ServiceException::name() const noexcept {
    return "internal_error";
}
const char* ServiceException::className() const noexcept {
    return typeid(*this).name();
}
Poco::Exception* ServiceException::clone() const {
    return new ServiceException(*this);
}
void ServiceException::rethrow() const {
    throw *this;
}

// The third argument is the stable error code a caller sees.
POCO_IMPLEMENT_EXCEPTION(BadRequestException, ServiceException, "bad_request")
POCO_IMPLEMENT_EXCEPTION(UnauthorizedException, ServiceException, "unauthorized")
POCO_IMPLEMENT_EXCEPTION(ForbiddenException, ServiceException, "forbidden")
POCO_IMPLEMENT_EXCEPTION(NotFoundException, ServiceException, "not_found")
POCO_IMPLEMENT_EXCEPTION(ConflictException, ServiceException, "conflict")
POCO_IMPLEMENT_EXCEPTION(ClosureByCloseOnlyException, ServiceException, "closure_by_close_only")
POCO_IMPLEMENT_EXCEPTION(CaseClosedException, ServiceException, "case_closed")
POCO_IMPLEMENT_EXCEPTION(NotReadyToCloseException, ServiceException, "not_ready_to_close")
POCO_IMPLEMENT_EXCEPTION(StaleVersionException, ServiceException, "stale_version")
POCO_IMPLEMENT_EXCEPTION(VersionRequiredException, ServiceException, "version_required")
POCO_IMPLEMENT_EXCEPTION(PayloadTooLargeException, ServiceException, "payload_too_large")
POCO_IMPLEMENT_EXCEPTION(MethodNotAllowedException, ServiceException, "method_not_allowed")
POCO_IMPLEMENT_EXCEPTION(InvalidCaseException, ServiceException, "invalid_case")
POCO_IMPLEMENT_EXCEPTION(RequestTimeoutException, ServiceException, "request_timeout")
POCO_IMPLEMENT_EXCEPTION(TooManyRequestsException, ServiceException, "too_many_requests")
POCO_IMPLEMENT_EXCEPTION(ServiceBusyException, ServiceException, "busy")
POCO_IMPLEMENT_EXCEPTION(ExportNotReadyException, ServiceException, "export_not_ready")
POCO_IMPLEMENT_EXCEPTION(ExportQueueFullException, ServiceException, "export_queue_full")
POCO_IMPLEMENT_EXCEPTION(ExportCancelledException, ServiceException, "export_cancelled")
POCO_IMPLEMENT_EXCEPTION(RenderFailedException, ServiceException, "render_failed")

}  // namespace ehdocs::server
