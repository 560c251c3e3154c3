#pragma once

// Failures of the rules area. A case that is not ready to close is NOT an exception (it is a
// CheckReport); these are for a profile file that cannot be used.

#include <Poco/Exception.h>

namespace ehdocs::rules {

// A profile file is malformed, names an unknown rule, severity or setting, gives a bad value, or
// a profile id is unknown. The message names the file, the line, the key and what is allowed.
POCO_DECLARE_EXCEPTION(, ProfileException, Poco::DataException)

}  // namespace ehdocs::rules
