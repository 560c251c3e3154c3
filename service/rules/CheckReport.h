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

struct CheckReport {
    std::string caseId;
    std::string profile;        // the profile id applied
    Date asOf;                  // the closure date when the case has a closure section
    bool readyToClose = false;  // exactly when `blocking` is empty
    std::vector<Finding> blocking;
    std::vector<Finding> warnings;
    std::vector<std::string> passed;      // rules checked that held
    std::vector<std::string> notApplied;  // rules whose "not applied when" matched this case
};

}  // namespace ehdocs::rules
