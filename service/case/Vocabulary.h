#pragma once

// The enum values of the case format (docs/case-format.md), in one place: the reader checks
// files against them and the reports and exports list them. Lower-case snake_case, in the
// order the format gives them.

#include <string>
#include <vector>

namespace ehdocs::vocabulary {

using Values = std::vector<std::string>;

extern const Values caseStatus;
extern const Values levelOfNeed;
extern const Values memberKind;
extern const Values childConsent;
extern const Values networkKind;
extern const Values linkStrength;
extern const Values workerRole;
extern const Values referralSource;
extern const Values referralRoute;
extern const Values referralReason;
extern const Values decisionOutcome;
extern const Values contactKind;
extern const Values recordStatus;
extern const Values scoreTool;
extern const Values actionStatus;
extern const Values meetingKind;
extern const Values supervisionKind;
extern const Values supervisionPoint;
extern const Values correspondenceDirection;
extern const Values correspondenceKind;
extern const Values feedbackMethod;
extern const Values transferKind;
extern const Values closureReason;
extern const Values attemptMethod;
extern const Values sfFramework;
extern const Values headlinesSf2022;
extern const Values headlinesTf2015;
extern const Values sfStatus;
extern const Values claimKind;
extern const Values documentFormat;

// The headlines of a Supporting Families framework (`sf_2022` or `tf_2015`); empty for others.
const Values& frameworkHeadlines(const std::string& framework);

}  // namespace ehdocs::vocabulary
