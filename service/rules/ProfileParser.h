#pragma once

// Reads a practice profile file (docs/profiles.md): `key = value` lines, `#` comments.
//   name = Newham Families First Service
//   assessment.shared = warn              # a rule id: block, warn or off
//   time.first_visit.limit = 5 working days
//   time.first_visit.source = 000: 12.1   # the paragraph findings cite
// Keys a file does not set are taken from `base` (the `standard` profile); a profile parsed
// without a base must set every rule and every setting.

#include <string>

#include "rules/Profile.h"

namespace ehdocs::rules {

class ProfileParser {
public:
    // Throws ProfileException on the first problem, naming `fileName`, the line, the key and
    // what is allowed: an unknown key, rule or severity, a timeliness rule set to `block`, a bad
    // number or duration, a key given twice, a line that is not `key = value`, or (without a
    // base) a key left unset.
    static Profile parse(const std::string& text, const std::string& fileName,
                         const std::string& id, const Profile* base);
};

}  // namespace ehdocs::rules
