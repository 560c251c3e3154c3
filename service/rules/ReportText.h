#pragma once

// The check report as a team leader reads it: blocking findings first, then what is late, then
// the other warnings, then a count of what passed. Plain text, one finding per paragraph.

#include <string>

#include "case/Case.h"
#include "rules/CheckReport.h"

namespace ehdocs::rules {

std::string reportToText(const CheckReport& report, const Case& kase);

// True for a timeliness finding (`time.*`), which reports call "late".
bool isTimeliness(const Finding& finding);

}  // namespace ehdocs::rules
