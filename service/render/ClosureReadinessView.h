#pragma once

// The `closure_readiness` document (docs/rules.md): the closure check's findings, printable
// for supervision. Built from the same CheckReport as `ehdocs check`, with the case's own
// built-in practice profile, as of the closure date (or the produced-on date for an open case).

#include <string>

#include "case/Case.h"
#include "render/CaseView.h"
#include "render/View.h"

namespace ehdocs::render {

// "" when the document applies; otherwise why not (the case names a profile that is not
// built in).
std::string closureReadinessNotApplicable(const Case& kase);

// Adds: `readiness_profile`, `readiness_profile_name`, `readiness_as_of`, `readiness_verdict`,
// `ready_to_close`, `not_ready`; `blocking`, `late`, `other_warnings` (each `rule`, `message`,
// `source`) with `has_blocking`, `has_late`, `has_other_warnings` and `blocking_count`,
// `late_count`, `other_warnings_count`; `findings` (all of them in that order, each `rule`,
// `message`, `source`, `kind`: Blocking, Late or Warning) with `has_findings`; `passed` and
// `not_applied` (each `rule`) with `passed_count`, `not_applied_count`, `has_not_applied`.
void closureReadinessView(const CaseView& view, const Meeting* meeting, View& out);

}  // namespace ehdocs::render
