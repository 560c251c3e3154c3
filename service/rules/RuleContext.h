#pragma once

// Internal to the rule engine: what every rule function reads, and what it answers.

#include <functional>
#include <map>
#include <string>

#include "case/Case.h"
#include "rules/Profile.h"

namespace ehdocs::rules {

struct RuleContext {
    const Case& kase;  // already cut to the as-of date (caseAsOf)
    const Profile& profile;
    Date asOf;
    bool disengagedEarly = false;  // closure reason disengaged/consent_withdrawn and no visit
    bool stepDown = false;         // referral route step_down

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
    std::string message;  // why it failed; empty otherwise

    static Outcome held() { return {State::Held, ""}; }
    static Outcome failed(std::string message) { return {State::Failed, std::move(message)}; }
    static Outcome notApplied() { return {State::NotApplied, ""}; }
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

}  // namespace ehdocs::rules
