#pragma once

// A practice profile: for each rule its severity, the timescales and numbers, and the seed
// paragraph each finding cites. Built by ProfileParser from a profile file (docs/profiles.md);
// a Profile that exists is complete and valid, so the rule engine reads it without checks.
// Value type; immutable once built; safe to share between threads.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/Limit.h"
#include "rules/Severity.h"

namespace ehdocs::rules {

struct SettingValue {
    std::optional<Limit> limit;     // Limit settings; empty for a LimitOrOff set to `off`
    long number = 0;                // Count settings
    bool yes = false;               // YesNo settings
    std::string choice;             // Choice settings
    std::vector<std::string> list;  // List and RuleList settings, in the file's order
    std::string text;               // the value as written, for docs and messages
};

class Profile {
public:
    std::string id;    // the file's name without `.properties`, e.g. `newham-ffs`
    std::string name;  // "Newham Families First Service"
    // `letters.usual_duration`: how long the service usually works with a family, as the
    // introduction letter says it ("3 to 6 months"); "" when not set.
    std::string usualDuration;

    // Every catalogue rule has a severity and every catalogue setting a value (ProfileParser
    // guarantees it); asking for an id that is not in the catalogue throws Poco::NotFoundException.
    Severity severity(const std::string& ruleId) const;
    const SettingValue& setting(const std::string& key) const;
    // The limit of a Limit/LimitOrOff setting; nothing when it is `off`.
    const std::optional<Limit>& limit(const std::string& key) const { return setting(key).limit; }
    // The rules `exempt.LEVEL` lists for a level of need ("" or an unknown level: none).
    const std::vector<std::string>& exemptRules(const std::string& levelOfNeed) const;
    // The seed paragraph a finding of this rule cites (the profile's own, else the catalogue's).
    std::string source(const std::string& ruleId) const;

    std::map<std::string, Severity> severities;
    std::map<std::string, SettingValue> settings;
    std::map<std::string, std::string> sources;  // only the rules the profile cites itself
};

}  // namespace ehdocs::rules
