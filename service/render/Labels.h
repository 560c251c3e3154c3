#pragma once

// Words for the case file's enum values, as a reader expects to see them:
// `school_attendance` -> "School attendance", `initial_taf` -> "Initial Team Around the
// Family meeting", `coach` -> "Coach". Values without a special label are turned into
// sentence case. Pure functions; thread-safe.

#include <string>
#include <vector>

namespace ehdocs::render {

std::string label(const std::string& value);
// A referral reason as the family is told it: `school_attendance` -> "getting to school every
// day". Gentle on purpose: someone else in the home may read the letter.
std::string familyWords(const std::string& reason);
// A closure reason as a professional is told it: the label, "Closed for another reason" for
// `other`.
std::string closureReasonLabel(const std::string& reason);
// Words joined as a reader says them: "Daniel", "Daniel and Ruth", "Ada, Daniel and Ruth".
std::string joinAnd(const std::vector<std::string>& parts);
// The worker's role as a job title ("Family Worker", "Team Leader").
std::string roleTitle(const std::string& role);

}  // namespace ehdocs::render
