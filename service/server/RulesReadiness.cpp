#include "server/RulesReadiness.h"

#include "rules/ClosureCheck.h"
#include "rules/ReportJson.h"
#include "server/Errors.h"

namespace ehdocs::server {

RulesReadiness::RulesReadiness(rules::ProfileRegistry profiles, std::string defaultProfile)
    : _profiles(std::move(profiles)), _defaultProfile(std::move(defaultProfile)) {
    _profiles.get(_defaultProfile);
}

ReadinessReport RulesReadiness::check(const Case& kase, Date asOf) {
    const rules::CheckReport r = report(kase, asOf);
    ReadinessReport out{r.readyToClose, rules::reportToJsonText(r)};
    out.blockingCount = static_cast<int>(r.blocking.size());
    for (const auto* findings : {&r.blocking, &r.warnings}) {
        for (const rules::Finding& f : *findings) {
            if (f.rule.rfind("time.", 0) == 0) ++out.lateCount;
        }
    }
    if (!r.due.empty()) {  // soonest first
        out.nextDue = r.due.front().due.iso();
        out.nextDueWhat = r.due.front().what;
    }
    return out;
}

rules::CheckReport RulesReadiness::report(const Case& kase, Date asOf) const {
    const std::string id = kase.profile.empty() ? _defaultProfile : kase.profile;
    const rules::Profile* profile = _profiles.find(id);
    if (!profile) {
        throw BadRequestException("the case names the profile \"" + id +
                                  "\", which this service does not have");
    }
    return rules::checkClosure(kase, *profile, asOf);
}

}  // namespace ehdocs::server
