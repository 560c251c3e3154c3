#pragma once

// Plain words for what the service reports about a case (internal to service/web): a JSON
// path as a coach reads it, and the lines of an error's details.

#include <Poco/Dynamic/Var.h>

#include <string>
#include <vector>

namespace ehdocs::web {

// `family.members[2].dob` -> "Family, member 3, date of birth"; "" -> "The file as a whole".
std::string pathInWords(const std::string& path);

// The lines an error page lists for an exception's details: each validation error by its
// path in words ("Referral, received: ..."), or each finding that blocks closure.
std::vector<std::string> detailLines(const Poco::Dynamic::Var& details);

}  // namespace ehdocs::web
