#pragma once

// What the records service needs from the closure rules: one case in, the report of
// closure-rules.md ("The report") out. Implementations are pure and thread-safe.

#include <optional>
#include <string>

#include "case/Case.h"
#include "case/Date.h"

namespace ehdocs::server {

struct ReadinessReport {
    bool readyToClose = false;
    std::string json;  // the report object, as `ehdocs check --json` prints it
    // What a case's kept summary needs, so that a write need not parse `json` again:
    int blockingCount = 0;    // findings that block closure
    int lateCount = 0;        // timeliness findings (rules time.*), blocking or warning
    std::string nextDue;      // YYYY-MM-DD of the soonest `due` item; "" = none
    std::string nextDueWhat;  // what that item is ("review TAF meeting"); "" = none
};

class ReadinessChecker {
public:
    virtual ~ReadinessChecker() = default;

    // `asOf` applies to open cases (closed ones are checked as of their closure date).
    // Throws BadRequestException when the case names a profile that does not exist.
    virtual ReadinessReport check(const Case& kase, Date asOf) = 0;
};

}  // namespace ehdocs::server
