#pragma once

// The spec's JSON object for a CheckReport (`case_id`, `profile`, `as_of`, `ready_to_close`,
// `blocking`, `warnings`, `passed`, plus `not_applied`), shared by `ehdocs check --json` and the
// service so both answer the same object.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "rules/CheckReport.h"

namespace ehdocs::rules {

Poco::JSON::Object::Ptr reportToJson(const CheckReport& report);
// The object as compact JSON text.
std::string reportToJsonText(const CheckReport& report);

}  // namespace ehdocs::rules
