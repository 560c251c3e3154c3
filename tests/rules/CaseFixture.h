#pragma once

// Test helpers: the shared examples as JSON, small mutations by path, and a check through the
// real CaseReader and the built-in profiles.

#include <Poco/JSON/Object.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "case/Case.h"
#include "rules/CheckReport.h"

namespace ehdocs::test {

// examples/<name> parsed as JSON ("okafor-ready-to-close.json").
Poco::JSON::Object::Ptr loadExample(const std::string& name);

// Sets the value at `path` ("closure.reason", "contacts[1].at", "meetings[+]" appends,
// "feedback" on an absent key creates it) to the JSON text `json`; "-" removes it instead.
void mutate(Poco::JSON::Object::Ptr root, const std::string& path, const std::string& json);

// Reads the JSON through CaseReader; the test fails if the case is not valid.
Case readCase(const Poco::JSON::Object::Ptr& root);

using Mutations = std::vector<std::pair<std::string, std::string>>;

// One row of a rule table: an example, mutations, a profile and an as-of date in; where the
// rule must end up (`blocking`, `warnings`, `passed`, `not_applied`, `absent`) and words its
// message must contain.
struct RuleRow {
    std::string name;
    std::string example;  // "okafor" or "bennett"
    std::string profile;  // "" = the example's own
    Mutations mutations;
    std::string asOf;  // the check date; "" = 2026-12-31
    std::string rule;
    std::string expect;
    std::string messageHas;  // "" = any
};
std::ostream& operator<<(std::ostream& out, const RuleRow& row);

// Runs the row; the report it gives.
rules::CheckReport runRow(const RuleRow& row);
// Where `rule` ended up in `report` and its message ("" when not a finding).
std::pair<std::string, std::string> placeOf(const rules::CheckReport& report,
                                            const std::string& rule);

}  // namespace ehdocs::test
