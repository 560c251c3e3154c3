#include "server/KeptSummary.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace ehdocs::server {

namespace {

int timeFindings(const Poco::JSON::Array::Ptr& findings) {
    int count = 0;
    if (!findings) return count;
    for (std::size_t i = 0; i < findings->size(); ++i) {
        const Poco::JSON::Object::Ptr finding = findings->getObject(i);
        if (finding && finding->optValue<std::string>("rule", "").rfind("time.", 0) == 0) ++count;
    }
    return count;
}

}  // namespace

void keepSummary(store::CaseRecord& record, const Case& kase, ReadinessChecker& readiness,
                 Date asOf) {
    record.levelOfNeed = kase.levelOfNeed;
    const Worker* lead = kase.worker(kase.leadWorker);
    record.leadWorkerName = lead ? lead->name : "";
    record.summaryAsOf = asOf.iso();
    record.nextDue.clear();
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
    Poco::JSON::Parser parser;
    const auto json = parser.parse(report.json).extract<Poco::JSON::Object::Ptr>();
    const Poco::JSON::Array::Ptr blocking = json->getArray("blocking");
    record.readyToClose = report.readyToClose;
    record.blockingCount = blocking ? static_cast<int>(blocking->size()) : 0;
    record.lateCount = timeFindings(blocking) + timeFindings(json->getArray("warnings"));
    // What is due next on an open case, soonest first (docs/rules.md, "What is due next").
    const Poco::JSON::Array::Ptr due = json->getArray("due");
    if (due && due->size() > 0)
        record.nextDue = due->getObject(0)->optValue<std::string>("due", "");
}

}  // namespace ehdocs::server
