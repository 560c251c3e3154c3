#pragma once

// What `ehdocs check` and `ehdocs due` share: the case files named on the command line, the
// check date, and one closure check per case with the configured profiles (the one registry the
// command was given: built in, or with `--profiles DIR`).

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "case/Case.h"
#include "rules/CheckReport.h"
#include "rules/ProfileRegistry.h"

namespace ehdocs::cli {

// Every file named, and every `*.json` under each directory named, in name order.
std::vector<std::string> expandCaseFiles(const std::vector<std::string>& inputs);

// The check date: `--as-of` when given, else today. Prints `ehdocs COMMAND: ...` and returns
// nothing when `--as-of` is not a date.
std::optional<Date> checkDateOption(const std::string& command,
                                    const boost::program_options::variables_map& options);

// The profiles: the built-in ones, plus `--profiles DIR` when given. Throws ProfileException.
rules::ProfileRegistry profilesOption(const boost::program_options::variables_map& options);

// One closure check per case on one check date, with the case's own profile unless one is
// forced. Holds a reference to the registry, which must outlive it.
class CaseChecker {
public:
    CaseChecker(const rules::ProfileRegistry& registry, std::optional<std::string> profile,
                Date checkDate)
        : _registry(registry), _profile(std::move(profile)), _checkDate(checkDate) {}

    // Throws ProfileException when the case names a profile that is not known.
    const rules::Profile& profileFor(const Case& kase) const;
    rules::CheckReport check(const Case& kase) const;
    Date checkDate() const { return _checkDate; }

private:
    const rules::ProfileRegistry& _registry;
    std::optional<std::string> _profile;
    Date _checkDate;
};

}  // namespace ehdocs::cli
