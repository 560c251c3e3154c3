#pragma once

// "Nothing dated after the as-of date is counted" (docs/rules.md, "The as-of date").

#include "case/Case.h"

namespace ehdocs::rules {

// A copy of `kase` as it stood at the end of `asOf`: every dated record after it is removed
// (contacts, meetings, supervision, plans, events, documents, referrals to agencies,
// correspondence, direct work, feedback, transfers, engagement attempts), and dated
// facts after it are unset (allocation, the assessment's completion, authorisation and sharing,
// consent, `referrer_informed`, a case note written up later). Undated records are kept.
Case caseAsOf(const Case& kase, Date asOf);

// True when caseAsOf would change anything: something in `kase` is dated after `asOf`.
// Lets a caller skip the copy for the common case of a file checked as of its closure date.
bool hasRecordsAfter(const Case& kase, Date asOf);

}  // namespace ehdocs::rules
