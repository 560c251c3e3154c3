#pragma once

// The view of the `sf_evidence` document (Supporting Families evidence, for the programme
// coordinator): eligibility, the four conditions, outcomes and the claim readiness computed by
// ClaimAssessor (rules/ClaimAssessor.h) as of the document's produced-on date.
// docs/exports.md explains every claim status and reason.

#include <string>

#include "case/Case.h"
#include "render/CaseView.h"
#include "render/View.h"

namespace ehdocs::render {

// "" when the case is on the programme; otherwise why the document does not apply.
std::string sfEvidenceNotApplicable(const Case& kase);

// Names: sf_framework, sf_attached, criteria[headline, members, evidence, source, date],
// has_criteria, conditions[condition, met, detail], outcomes[headline, status, achieved,
// sustained_until, evidence, source], has_outcomes, has_employment, employment_member,
// employment_started, employment_until, claim_as_of, claim_status, claim_status_text,
// claim_kind, has_claim_kind, claimable_from, has_claimable_from, claim_reasons[text],
// eligible, conditions_met, has_claim, claim_reference, claim_submitted.
void sfEvidenceView(const CaseView& view, const Meeting* meeting, View& out);

}  // namespace ehdocs::render
