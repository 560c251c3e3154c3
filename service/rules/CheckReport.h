#pragma once

// The answer of a closure check (docs/rules.md): plain values, no I/O. ReportJson turns it into
// the spec's JSON object; ReportText into the report a team leader reads.

#include <string>
#include <vector>

#include "case/Date.h"
#include "rules/Severity.h"

namespace ehdocs::rules {

// One rule that did not hold: its stable id, what is missing or late in plain words (with the
// dates), and the seed paragraph it comes from ("000: 12.1").
struct Finding {
    std::string rule;
    Severity severity = Severity::Warn;  // Block or Warn
    std::string message;
    std::string source;
};

// A rule the profile has on that does not apply to this case, and why
// ("referral route step_down", "level of need universal_plus (profile barnet-0-19)").
struct NotApplied {
    std::string rule;
    std::string reason;
};

// The next thing a timeliness rule is waiting for on an open case: due on `due` (not yet late
// on the check date), `what` in a few words ("review TAF meeting").
struct DueItem {
    std::string rule;
    Date due;
    std::string what;
};

struct CheckReport {
    std::string caseId;
    std::string profile;      // the profile id applied
    std::string profileName;  // its name, for documents ("Newham Families First Service")
    Date asOf;                // the check date: record rules count everything dated on or before it
    Date measuredTo;  // the measuring date: the earlier of the closure date and the check date
    bool readyToClose = false;  // exactly when `blocking` is empty
    std::vector<Finding> blocking;
    std::vector<Finding> warnings;
    std::vector<std::string> passed;     // rules checked that held
    std::vector<NotApplied> notApplied;  // rules on in the profile that do not apply here
    std::vector<DueItem> due;            // open cases only; soonest first
};

}  // namespace ehdocs::rules
