#pragma once

// Decides, for one family, whether a Supporting Families payment-by-results claim is
// justified as of a date (issue 5; docs/exports.md lists every status and reason).
//
// The checks, in order; the first that applies is the answer:
//   1. not_on_programme     no `supporting_families`
//   2. claimed              a `claim` is recorded
//   3. not_eligible         sf_2022: fewer than 3 different headlines in `criteria`, or no child
//                           or unborn member; tf_2015: fewer than 2 of its 6 headlines
//   4. conditions_not_met   whole-family assessment, whole-family plan, recognised lead worker,
//                           and every criteria headline matched by a goal of the latest plan
//                           whose `sf_outcome` is that headline
//   5. claimable            continuous_employment: `employment` spans at least employmentDays
//   6. outcomes_outstanding some criteria headline has no outcome `achieved`/`sustained` with
//                           an `achieved` date
//   7. sustaining           the latest `achieved` date is fewer than sustainDays before as-of
//   8. claimable            significant_and_sustained_progress
// Dates are compared in whole calendar days; a span exactly equal to the setting is enough.
// Pure and thread-safe: reads only the case and the settings.

#include "case/Case.h"
#include "rules/ClaimReadiness.h"

namespace ehdocs {

class ClaimAssessor {
public:
    explicit ClaimAssessor(ClaimSettings settings = {});

    ClaimReadiness assess(const Case& kase, Date asOf) const;

    const ClaimSettings& settings() const { return _settings; }

private:
    ClaimSettings _settings;
};

}  // namespace ehdocs
