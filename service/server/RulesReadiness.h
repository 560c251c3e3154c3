#pragma once

// The closure rules (rules/ClosureCheck.h) as the service's ReadinessChecker: each case is
// checked against the profile it names, or the service's default profile.

#include "rules/CheckReport.h"
#include "rules/ProfileRegistry.h"
#include "server/ReadinessChecker.h"

namespace ehdocs::server {

class RulesReadiness : public ReadinessChecker {
public:
    // Throws rules::ProfileException when `defaultProfile` is not in `profiles`.
    RulesReadiness(rules::ProfileRegistry profiles, std::string defaultProfile);

    ReadinessReport check(const Case& kase, Date asOf) override;
    // The report itself, for the closure_readiness document (RecordRenderer): the same
    // profiles as /readiness. Throws BadRequestException for a profile the service lacks.
    rules::CheckReport report(const Case& kase, Date asOf) const;
    const rules::ProfileRegistry& profiles() const { return _profiles; }

private:
    rules::ProfileRegistry _profiles;
    std::string _defaultProfile;
};

}  // namespace ehdocs::server
