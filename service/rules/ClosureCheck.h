#pragma once

// The closure-readiness and timeliness check (docs/rules.md): one case, one practice profile,
// one date in, one CheckReport out. Pure: no I/O, no clock, no globals; thread-safe.

#include "case/Case.h"
#include "rules/CheckReport.h"
#include "rules/Profile.h"

namespace ehdocs::rules {

// The date a case is checked as of: its closure date when it has a closure section, otherwise
// `requested` (the caller's `--as-of`, or today).
Date asOfDate(const Case& kase, Date requested);

// Checks every rule of the catalogue that `profile` does not turn off, as of
// asOfDate(kase, requested): records dated after it are not counted. A failed `block` rule goes
// to `blocking`, a failed `warn` rule to `warnings` (record rules first, then timeliness, in
// catalogue order); `readyToClose` is true exactly when nothing blocks. An incomplete case is a
// normal result, never an exception.
CheckReport checkClosure(const Case& kase, const Profile& profile, Date requested);

}  // namespace ehdocs::rules
