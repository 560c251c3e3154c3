#include "rules/ClosureCheck.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <optional>

#include "rules/CaseAsOf.h"
#include "rules/RuleCatalogue.h"
#include "rules/RuleContext.h"

namespace ehdocs::rules {
namespace {

// The case as it stood at the end of `date`; a copy only when something is dated after it
// (a closed case checked on its closure date is read in place).
class CaseOn {
public:
    CaseOn(const Case& original, Date date) : _original(original) {
        if (hasRecordsAfter(original, date)) _cut = caseAsOf(original, date);
    }
    const Case& get() const { return _cut ? *_cut : _original; }

private:
    const Case& _original;
    std::optional<Case> _cut;
};

bool isDisengagedEarly(const Case& kase) {
    return kase.closure &&
           (kase.closure->reason == "disengaged" || kase.closure->reason == "consent_withdrawn") &&
           std::none_of(kase.contacts.begin(), kase.contacts.end(), isVisit);
}

void record(CheckReport& report, const RuleInfo& rule, Severity severity, const Profile& profile,
            Outcome outcome) {
    switch (outcome.state) {
        case Outcome::State::Held:
            report.passed.push_back(rule.id);
            break;
        case Outcome::State::NotApplied:
            report.notApplied.push_back({rule.id, outcome.message});
            break;
        case Outcome::State::Failed: {
            Finding f{rule.id, severity, outcome.message, profile.source(rule.id)};
            (severity == Severity::Block ? report.blocking : report.warnings).push_back(f);
            break;
        }
    }
    for (DueItem& item : outcome.due) report.due.push_back(std::move(item));
}

}  // namespace

Date measuringDate(const Case& kase, Date checkDate) {
    return kase.closure && kase.closure->date < checkDate ? kase.closure->date : checkDate;
}

CheckReport checkClosure(const Case& original, const Profile& profile, Date checkDate) {
    CheckReport report;
    report.caseId = original.caseId;
    report.profile = profile.id;
    report.profileName = profile.name;
    report.asOf = checkDate;
    report.measuredTo = measuringDate(original, checkDate);

    // Nothing after the measuring date means nothing after the (later) check date either: the
    // common case of a closed file checked after its closure is read in place, walked once.
    const bool laterRecords = hasRecordsAfter(original, report.measuredTo);
    const std::optional<CaseOn> atCheck =
        laterRecords ? std::optional<CaseOn>(std::in_place, original, checkDate) : std::nullopt;
    const std::optional<CaseOn> atMeasure =
        laterRecords && report.measuredTo < checkDate
            ? std::optional<CaseOn>(std::in_place, original, report.measuredTo)
            : std::nullopt;
    const Case& recordCase = atCheck ? atCheck->get() : original;
    const Case& timeCase = atMeasure ? atMeasure->get() : recordCase;

    auto contextFor = [&](const Case& kase) {
        RuleContext ctx{kase, profile, report.measuredTo, checkDate};
        ctx.stepDown = original.referral.route == "step_down";
        ctx.disengagedEarly = isDisengagedEarly(recordCase);
        ctx.open = !original.closure;
        return ctx;
    };
    const RuleContext recordContext = contextFor(recordCase);
    const RuleContext timeContext = contextFor(timeCase);

    const std::vector<std::string>& exempt = profile.exemptRules(original.levelOfNeed);
    const auto& recordRules = recordRuleFunctions();
    const auto& timeRules = timeRuleFunctions();
    for (const RuleInfo& rule : RuleCatalogue::rules()) {
        Severity severity = profile.severity(rule.id);
        if (severity == Severity::Off) continue;
        if (!exempt.empty() && contains(exempt, rule.id)) {
            report.notApplied.push_back({rule.id, "level of need " + original.levelOfNeed +
                                                      " (profile " + profile.id + ")"});
            continue;
        }
        bool isRecord = rule.kind == RuleInfo::Kind::Record;
        const auto& functions = isRecord ? recordRules : timeRules;
        auto fn = functions.find(rule.id);
        if (fn == functions.end())
            throw Poco::BugcheckException(std::string("no function for rule ") + rule.id);
        record(report, rule, severity, profile, fn->second(isRecord ? recordContext : timeContext));
    }
    std::stable_sort(report.due.begin(), report.due.end(),
                     [](const DueItem& a, const DueItem& b) { return a.due < b.due; });
    report.readyToClose = report.blocking.empty();
    return report;
}

}  // namespace ehdocs::rules
