#pragma once

// The spec's JSON object for a CheckReport (`case_id`, `profile`, `as_of`, `measured_to`,
// `ready_to_close`, `blocking`, `warnings`, `passed`, `not_applied` [{rule, reason}], and `due`
// [{rule, due, what}], empty for a closed case), shared by `ehdocs check --json` and the service
// so both answer the same object.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "rules/CheckReport.h"

namespace ehdocs::rules {

Poco::JSON::Object::Ptr reportToJson(const CheckReport& report);
// `due` alone, as in the report (also used by `ehdocs due` and `check --summary --json`).
Poco::JSON::Array::Ptr dueToJson(const std::vector<DueItem>& items);
// The object as compact JSON text.
std::string reportToJsonText(const CheckReport& report);

}  // namespace ehdocs::rules
