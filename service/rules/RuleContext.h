#pragma once

// Internal to the rule engine: what every rule function reads, and what it answers.

#include <functional>
#include <map>
#include <string>

#include "case/Case.h"
#include "rules/CheckReport.h"
#include "rules/Profile.h"

namespace ehdocs::rules {

// Record rules read the case cut to the check date; timeliness rules the case cut to the
// measuring date (docs/rules.md, "The two dates"). `asOf` is the measuring date either way:
// the date gaps run to and ages are taken on.
struct RuleContext {
    const Case& kase;  // already cut (caseAsOf) to the check date or the measuring date
    const Profile& profile;
    Date asOf;                     // the measuring date
    Date checkDate;                // the date of the check (`--as-of`, or today)
    bool disengagedEarly = false;  // closure reason disengaged/consent_withdrawn and no visit
    bool stepDown = false;         // referral route step_down
    bool open = false;             // no closure section: timeliness rules also say what is due

    // A worker whose role is in the profile's `managers` list.
    bool isManager(const Id& workerId) const;

    const Closure* closure() const { return kase.closure ? &*kase.closure : nullptr; }
    bool closedFor(std::initializer_list<const char*> reasons) const {
        if (!kase.closure) return false;
        for (const char* r : reasons)
            if (kase.closure->reason == r) return true;
        return false;
    }
};

struct Outcome {
    enum class State { Held, Failed, NotApplied };
    State state = State::Held;
    std::string message;       // why it failed, or why it does not apply; empty when it held
    std::vector<DueItem> due;  // timeliness rules on open cases: what falls due next

    static Outcome held() { return {State::Held, "", {}}; }
    static Outcome failed(std::string message) { return {State::Failed, std::move(message), {}}; }
    static Outcome notApplied(std::string reason) {
        return {State::NotApplied, std::move(reason), {}};
    }
    Outcome& dueNext(std::vector<DueItem> items) {
        due = std::move(items);
        return *this;
    }
};

using RuleFunction = std::function<Outcome(const RuleContext&)>;

// Rule id -> function; RecordRules.cpp and TimeRules.cpp.
const std::map<std::string, RuleFunction>& recordRuleFunctions();
const std::map<std::string, RuleFunction>& timeRuleFunctions();

// Shared definitions (docs/rules.md, "Definitions").
bool isVisit(const Contact& contact);
bool isSuccessfulContact(const Contact& contact);
std::string trimmed(const std::string& text);
std::string lowerTrimmed(const std::string& text);
std::string joinWords(const std::vector<std::string>& items);  // "a, b and c"
std::string memberName(const Case& kase, const Id& id);        // "Daniel"
std::string humanise(const std::string& enumValue);            // "home_visit" -> "home visit"
bool contains(const std::vector<std::string>& list, const std::string& value);

// The "not applied" reasons the rules share, in the report's words.
std::string disengagedEarlyReason(const RuleContext& ctx);  // "disengaged early (...)"
std::string closureReasonText(const RuleContext& ctx);      // "closure reason stepped_up"

}  // namespace ehdocs::rules
