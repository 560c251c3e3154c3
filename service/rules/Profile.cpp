#include "rules/Profile.h"

#include <Poco/Exception.h>

#include "rules/RuleCatalogue.h"

namespace ehdocs::rules {

Severity Profile::severity(const std::string& ruleId) const {
    auto it = severities.find(ruleId);
    if (it == severities.end())
        throw Poco::NotFoundException("profile " + id + " has no severity for " + ruleId);
    return it->second;
}

const SettingValue& Profile::setting(const std::string& key) const {
    auto it = settings.find(key);
    if (it == settings.end())
        throw Poco::NotFoundException("profile " + id + " has no setting " + key);
    return it->second;
}

const std::vector<std::string>& Profile::exemptRules(const std::string& levelOfNeed) const {
    static const std::vector<std::string> kNone;
    auto it = settings.find("exempt." + levelOfNeed);
    return levelOfNeed.empty() || it == settings.end() ? kNone : it->second.list;
}

std::string Profile::source(const std::string& ruleId) const {
    auto it = sources.find(ruleId);
    if (it != sources.end()) return it->second;
    const RuleInfo* info = RuleCatalogue::find(ruleId);
    return info ? info->source : "";
}

}  // namespace ehdocs::rules
