#pragma once

// The practice profiles a check may use: the built-in ones (profiles/*.properties, compiled into
// the binary) and, optionally, a directory of an authority's own files that add profiles or
// replace built-in ones with the same id. Every profile starts from `standard` and overrides it.
// Built once at start-up; read-only afterwards, so it may be shared between threads.

#include <map>
#include <string>
#include <vector>

#include "case/Case.h"
#include "rules/Profile.h"

namespace ehdocs::rules {

class ProfileRegistry {
public:
    static constexpr const char* kDefaultProfile = "standard";

    // The built-in profiles. Throws ProfileException if one of them is broken (a build error).
    static ProfileRegistry builtIn();
    // The built-in profiles plus every `*.properties` file in `directory`; a file named after a
    // built-in profile replaces it (`standard.properties` replaces the base of all others).
    // Throws ProfileException for a missing directory or a broken file, naming it.
    static ProfileRegistry withDirectory(const std::string& directory);

    // nullptr when there is no such profile.
    const Profile* find(const std::string& id) const;
    // Throws ProfileException ("unknown profile `x`; known profiles: ...").
    const Profile& get(const std::string& id) const;
    std::vector<std::string> ids() const;
    // The case's own profile (`standard` when it names none). Throws ProfileException when it
    // names one that is not here.
    const Profile& forCase(const Case& kase) const;

private:
    std::map<std::string, Profile> _profiles;
};

}  // namespace ehdocs::rules
