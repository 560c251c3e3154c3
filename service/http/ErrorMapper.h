#pragma once

// The one place where failures become HTTP responses: status, and the body every error has,
//   {"error": {"code": "...", "message": "...", "details": ...}}
// with `code` the stable error code (docs/api.md, "Errors") and `details` null or the data the
// caller needs (validation errors, the readiness report, the allowed methods).

#include <exception>

#include "http/ApiExchange.h"

namespace ehdocs::http {

class ErrorMapper {
public:
    // The response for the exception being handled; call only inside a catch block.
    static ApiResponse current();

    static int statusFor(const char* code);  // 500 for codes it does not know
};

}  // namespace ehdocs::http
