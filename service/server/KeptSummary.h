#pragma once

// The summary the store keeps with a case's current version (store::CaseRecord's summary
// fields), so that the caseload is listed, filtered and ordered without reading or checking
// any case file. Computed by whoever writes a version (the service, `ehdocs import`) and
// renewed when the date it holds for has passed.

#include "case/Case.h"
#include "case/Date.h"
#include "server/ReadinessChecker.h"
#include "store/Store.h"

namespace ehdocs::server {

// Sets `record`'s summary fields from `kase` checked as of `asOf`:
// - readyToClose and blockingCount: the closure report's verdict and its blocking findings;
// - lateCount: its timeliness findings (rules time.*, blocking or warning): what is overdue;
// - nextDue and nextDueWhat: the soonest item of its `due` list (its date and what it is), ""
//   when nothing is due;
// - levelOfNeed and leadWorkerName: the case's; summaryAsOf: `asOf`.
// A case the rules cannot check (it names a profile that does not exist, or the checker fails)
// gets a summary of nothing ready, nothing counted, still dated `asOf` so that it is not
// retried all day; the write it goes with is not refused for that.
void keepSummary(store::CaseRecord& record, const Case& kase, ReadinessChecker& readiness,
                 Date asOf);

}  // namespace ehdocs::server
