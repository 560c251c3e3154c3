#include "rules/ClosureCheck.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>

#include "rules/CaseAsOf.h"
#include "rules/RuleCatalogue.h"
#include "rules/RuleContext.h"

namespace ehdocs::rules {

bool isVisit(const Contact& k) {
    static const char* const kKinds[] = {"initial_home_visit", "home_visit",      "school_visit",
                                         "office_visit",       "community_visit", "joint_visit"};
    if (k.with.empty()) return false;
    return std::any_of(std::begin(kKinds), std::end(kKinds),
                       [&](const char* kind) { return k.kind == kind; });
}

bool isSuccessfulContact(const Contact& k) {
    return k.kind != "attempted_contact" && !k.with.empty();
}

std::string trimmed(const std::string& text) {
    size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    size_t e = text.find_last_not_of(" \t\r\n");
    return text.substr(b, e - b + 1);
}

std::string lowerTrimmed(const std::string& text) {
    std::string s = trimmed(text);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string joinWords(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string memberName(const Case& kase, const Id& id) {
    const Member* m = kase.member(id);
    if (!m) return id;
    return m->preferredName.empty() ? m->firstName : m->preferredName;
}

std::string humanise(const std::string& enumValue) {
    std::string s = enumValue;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

Date asOfDate(const Case& kase, Date requested) {
    return kase.closure ? kase.closure->date : requested;
}

CheckReport checkClosure(const Case& original, const Profile& profile, Date requested) {
    CheckReport report;
    report.caseId = original.caseId;
    report.profile = profile.id;
    report.asOf = asOfDate(original, requested);

    const Case kase = caseAsOf(original, report.asOf);
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
