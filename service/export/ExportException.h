#pragma once

// Failures while building an export (bad names, a library error, I/O). Expected findings
// (an invalid case file, a family not on the programme) are values, never these.

#include <Poco/Exception.h>

namespace ehdocs {

POCO_DECLARE_EXCEPTION(, ExportException, Poco::RuntimeException)

}  // namespace ehdocs
