#include "cli/CaseChecker.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <iostream>

#include "case/Clock.h"
#include "rules/ClosureCheck.h"

namespace ehdocs::cli {

std::vector<std::string> expandCaseFiles(const std::vector<std::string>& inputs) {
    std::vector<std::string> files;
    for (const std::string& input : inputs) {
        Poco::File f(input);
        if (!f.exists() || !f.isDirectory()) {
            files.push_back(input);
            continue;
        }
        std::vector<std::string> found;
        for (Poco::DirectoryIterator it(f), end; it != end; ++it)
            if (it->isFile() && Poco::Path(it->path()).getExtension() == "json")
                found.push_back(it->path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::optional<Date> checkDateOption(const std::string& command,
                                    const boost::program_options::variables_map& options) {
    if (!options.count("as-of")) return ukToday(systemClock());
    const std::string text = options["as-of"].as<std::string>();
    std::optional<Date> parsed = Date::parse(text);
    if (!parsed)
        std::cerr << "ehdocs " << command << ": --as-of \"" << text
                  << "\" is not a date; write YYYY-MM-DD, e.g. 2026-06-30\n";
    return parsed;
}

rules::ProfileRegistry profilesOption(const boost::program_options::variables_map& options) {
    if (options.count("profiles"))
        return rules::ProfileRegistry::withDirectory(options["profiles"].as<std::string>());
    return rules::ProfileRegistry::builtIn();
}

const rules::Profile& CaseChecker::profileFor(const Case& kase) const {
    if (_profile) return _registry.get(*_profile);
    if (kase.profile.empty()) return _registry.get(rules::ProfileRegistry::kDefaultProfile);
    return _registry.get(kase.profile);
}

rules::CheckReport CaseChecker::check(const Case& kase) const {
    return rules::checkClosure(kase, profileFor(kase), _checkDate);
}

}  // namespace ehdocs::cli
