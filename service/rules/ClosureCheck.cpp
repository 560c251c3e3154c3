#include "rules/ClosureCheck.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <optional>

#include "rules/CaseAsOf.h"
#include "rules/RuleCatalogue.h"
#include "rules/RuleContext.h"

namespace ehdocs::rules {

Date asOfDate(const Case& kase, Date requested) {
    return kase.closure ? kase.closure->date : requested;
}

CheckReport checkClosure(const Case& original, const Profile& profile, Date requested) {
    CheckReport report;
    report.caseId = original.caseId;
    report.profile = profile.id;
    report.asOf = asOfDate(original, requested);

    // Cut the case to the as-of date only when something is dated after it (no copy otherwise).
    std::optional<Case> cut;
    if (hasRecordsAfter(original, report.asOf)) cut = caseAsOf(original, report.asOf);
    const Case& kase = cut ? *cut : original;
    RuleContext ctx{kase, profile, report.asOf};
    ctx.stepDown = kase.referral.route == "step_down";
    ctx.disengagedEarly =
        kase.closure &&
        (kase.closure->reason == "disengaged" || kase.closure->reason == "consent_withdrawn") &&
        std::none_of(kase.contacts.begin(), kase.contacts.end(), isVisit);

    const auto& record = recordRuleFunctions();
    const auto& time = timeRuleFunctions();
    for (const RuleInfo& rule : RuleCatalogue::rules()) {
        Severity severity = profile.severity(rule.id);
        if (severity == Severity::Off) continue;
        const auto& functions = rule.kind == RuleInfo::Kind::Record ? record : time;
        auto fn = functions.find(rule.id);
        if (fn == functions.end())
            throw Poco::BugcheckException(std::string("no function for rule ") + rule.id);
        Outcome outcome = fn->second(ctx);
        switch (outcome.state) {
            case Outcome::State::Held:
                report.passed.push_back(rule.id);
                break;
            case Outcome::State::NotApplied:
                report.notApplied.push_back(rule.id);
                break;
            case Outcome::State::Failed: {
                Finding f{rule.id, severity, outcome.message, profile.source(rule.id)};
                (severity == Severity::Block ? report.blocking : report.warnings).push_back(f);
                break;
            }
        }
    }
    report.readyToClose = report.blocking.empty();
    return report;
}

}  // namespace ehdocs::rules
