#pragma once

// The closure rules ehdocs knows: every id, what it checks and the seed paragraph it comes from
// (docs/rules.md explains each; a test keeps the two in step), and the settings a practice
// profile may give. Static data; thread-safe.

#include <string>
#include <vector>

namespace ehdocs::rules {

struct RuleInfo {
    enum class Kind { Record, Time };
    const char* id;
    Kind kind;
    const char* source;  // the default citation, e.g. "000: 17.1"; a profile may override it
    const char* title;   // what the rule checks, in a few words
};

struct SettingInfo {
    // List: values from `values`, separated by commas (`none` for an empty list when `minimum`
    // is 0). RuleList: rule ids of the catalogue, or `none`.
    enum class Type { Limit, LimitOrOff, YesNo, Count, Choice, List, RuleList };
    const char* key;  // "time.first_visit.limit"
    Type type;
    const char* allowed;            // the values in words, for error messages and docs/profiles.md
    long minimum = 0, maximum = 0;  // Count: the range; List: the fewest values (0 or 1)
    const std::vector<std::string>* values = nullptr;  // List only
};

class RuleCatalogue {
public:
    // Every rule, record rules first, in the order reports list them.
    static const std::vector<RuleInfo>& rules();
    static const RuleInfo* find(const std::string& id);  // nullptr when unknown
    static const std::vector<SettingInfo>& settings();
    static const SettingInfo* findSetting(const std::string& key);
};

}  // namespace ehdocs::rules
