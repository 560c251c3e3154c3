#include "http/ErrorMapper.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>

#include <cstring>
#include <sstream>

#include "server/Errors.h"
#include "store/Store.h"

namespace ehdocs::http {

namespace {

ApiResponse errorResponse(int status, const std::string& code, const std::string& message,
                          const Poco::Dynamic::Var& details) {
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("code", code);
    error->set("message", message);
    error->set("details", details);
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", error);
    std::ostringstream out;
    body.stringify(out);
    ApiResponse response;
    response.status = status;
    response.body = out.str();
    return response;
}

// Seconds before trying again: details.retry_after when given, else 1.
int retryAfter(const Poco::Dynamic::Var& details) {
    if (details.type() != typeid(Poco::JSON::Object::Ptr)) return 1;
    const auto object = details.extract<Poco::JSON::Object::Ptr>();
    return object->has("retry_after") ? object->getValue<int>("retry_after") : 1;
}

}  // namespace

int ErrorMapper::statusFor(const char* code) {
    // One code a line (clang-format would pack them into columns past 17 entries).
    // clang-format off
    static const std::pair<const char*, int> table[] = {
        {"bad_request", 400},
        {"unauthorized", 401},
        {"forbidden", 403},
        {"not_found", 404},
        {"method_not_allowed", 405},
        {"conflict", 409},
        {"not_ready_to_close", 409},
        {"closure_by_close_only", 409},
        {"case_closed", 409},
        {"export_not_ready", 409},
        {"stale_version", 412},
        {"payload_too_large", 413},
        {"invalid_case", 422},
        {"version_required", 428},
        {"render_failed", 500},
        {"request_timeout", 408},
        {"too_many_requests", 429},
        {"busy", 503},
        {"export_queue_full", 503},
        {"export_cancelled", 503},
    };
    // clang-format on
    for (const auto& [name, status] : table) {
        if (!std::strcmp(name, code)) return status;
    }
    return 500;
}

ApiResponse ErrorMapper::current() {
    try {
        throw;
    } catch (const server::ServiceException& e) {
        const int status = statusFor(e.name());
        ApiResponse response = errorResponse(status, e.name(), e.message(), e.details());
        if (status == 401) response.headers["WWW-Authenticate"] = "Bearer realm=\"ehdocs\"";
        if (status == 405 && e.details().type() == typeid(Poco::JSON::Object::Ptr)) {
            auto allowed = e.details().extract<Poco::JSON::Object::Ptr>()->getArray("allowed");
            std::string allow;
            for (std::size_t i = 0; allowed && i < allowed->size(); ++i) {
                allow += (i ? ", " : "") + allowed->getElement<std::string>(i);
            }
            response.headers["Allow"] = allow;
        }
        if (status == 429 || status == 503) {
            response.headers["Retry-After"] = std::to_string(retryAfter(e.details()));
        }
        if (status >= 500 && status != 503) {
            Poco::Logger::get("ehdocs").error("%s: %s", std::string(e.name()), e.message());
        }
        return response;
    } catch (const store::StoreException& e) {
        Poco::Logger::get("ehdocs").error("storage failure: %s", e.displayText());
        return errorResponse(503, "storage_unavailable",
                             "the records store could not complete the request; nothing was "
                             "changed by it. Try again, and tell an administrator if it "
                             "persists",
                             Poco::Dynamic::Var());
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("ehdocs").error("internal error: %s", e.displayText());
        return errorResponse(500, "internal_error", "the service failed: " + e.displayText(),
                             Poco::Dynamic::Var());
    } catch (const std::exception& e) {
        Poco::Logger::get("ehdocs").error("internal error: %s", std::string(e.what()));
        return errorResponse(500, "internal_error", std::string("the service failed: ") + e.what(),
                             Poco::Dynamic::Var());
    } catch (...) {
        return errorResponse(500, "internal_error", "the service failed", Poco::Dynamic::Var());
    }
}

}  // namespace ehdocs::http
