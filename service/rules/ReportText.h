#pragma once

// The check report as a team leader reads it: blocking findings first, then what is late, then
// the other warnings, then a count of what passed. Plain text, one finding per paragraph.

#include <string>

#include "case/Case.h"
#include "rules/CheckReport.h"

namespace ehdocs::rules {

std::string reportToText(const CheckReport& report, const Case& kase);

// "as of 30 June 2026", or, when the check date and the measuring date differ, "checked on 1
// December 2026; timescales measured to the closure date, 26 June 2026".
std::string datesText(const CheckReport& report, const Case& kase);

// True for a timeliness finding (`time.*`), which reports call "late".
bool isTimeliness(const Finding& finding);

}  // namespace ehdocs::rules
