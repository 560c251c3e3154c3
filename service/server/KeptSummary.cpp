#include "server/KeptSummary.h"

namespace ehdocs::server {

void keepSummary(store::CaseRecord& record, const Case& kase, ReadinessChecker& readiness,
                 Date asOf) {
    record.levelOfNeed = kase.levelOfNeed;
    const Worker* lead = kase.worker(kase.leadWorker);
    record.leadWorkerName = lead ? lead->name : "";
    record.summaryAsOf = asOf.iso();
    record.nextDue.clear();
    record.nextDueWhat.clear();
    record.readyToClose = false;
    record.blockingCount = 0;
    record.lateCount = 0;
    ReadinessReport report;
    try {
        report = readiness.check(kase, asOf);
    } catch (const std::exception&) {
        // The rules cannot check it; a write is not refused for that, and the readiness call
        // says why to whoever asks.
        return;
    }
    record.readyToClose = report.readyToClose;
    record.blockingCount = report.blockingCount;
    record.lateCount = report.lateCount;
    record.nextDue = report.nextDue;  // what falls due next (docs/rules.md, "What is due next")
    record.nextDueWhat = report.nextDueWhat;
}

}  // namespace ehdocs::server
