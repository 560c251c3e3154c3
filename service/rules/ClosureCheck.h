#pragma once

// The closure-readiness and timeliness check (docs/rules.md): one case, one practice profile,
// one date in, one CheckReport out. Pure: no I/O, no clock, no globals; thread-safe.

#include "case/Case.h"
#include "rules/CheckReport.h"
#include "rules/Profile.h"

namespace ehdocs::rules {

// The measuring date (docs/rules.md, "The two dates"): the closure date when the case has a
// closure section and that is earlier than `checkDate`, otherwise `checkDate`.
Date measuringDate(const Case& kase, Date checkDate);

// Checks every rule of the catalogue that `profile` does not turn off, on `checkDate` (the
// caller's `--as-of`, or today). Record rules count every record dated on or before the check
// date; timeliness rules measure to measuringDate() and count nothing dated after it. A rule
// the profile exempts for the case's level of need, or whose "not applied when" matches, goes to
// `notApplied` with its reason. A failed `block` rule goes to `blocking`, a failed `warn` rule to
// `warnings` (record rules first, then timeliness, in catalogue order); `readyToClose` is true
// exactly when nothing blocks. For an open case `due` lists what the timeliness rules wait for
// next, soonest first. An incomplete case is a normal result, never an exception.
CheckReport checkClosure(const Case& kase, const Profile& profile, Date checkDate);

}  // namespace ehdocs::rules
