#pragma once

// The `closure_readiness` document (docs/rules.md): the closure check's findings, printable
// for supervision. Built from the CheckReport the caller's check returned
// (RenderOptions::readiness; the caller uses the profiles it was configured with), never by
// running the rules here.

#include <string>

#include "case/Case.h"
#include "render/CaseView.h"
#include "render/View.h"

namespace ehdocs::render {

// Always "": the document applies to every case (the renderer refuses it without a report).
std::string closureReadinessNotApplicable(const Case& kase);

// Reads view.readiness() (not null: the renderer checks). Adds: `readiness_profile`,
// `readiness_profile_name`, `readiness_as_of` (the check date), `readiness_measured_to`,
// `readiness_dates_differ`, `readiness_verdict`, `ready_to_close`, `not_ready`; `blocking`,
// `late`, `other_warnings` (each `rule`, `message`, `source`) with `has_blocking`, `has_late`,
// `has_other_warnings` and `blocking_count`, `late_count`, `other_warnings_count`; `findings`
// (all of them in that order, each `rule`, `message`, `source`, `kind`: Blocking, Late or
// Warning) with `has_findings`; `passed` (each `rule`) and `not_applied` (each `rule`,
// `reason`) with `passed_count`, `not_applied_count`, `has_not_applied`; `due` (each `date`,
// `what`, `rule`) with `has_due`.
void closureReadinessView(const CaseView& view, const Meeting* meeting, View& out);

}  // namespace ehdocs::render
