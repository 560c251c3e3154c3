#pragma once

// Words for the case file's enum values, as a reader expects to see them:
// `school_attendance` -> "School attendance", `initial_taf` -> "Initial Team Around the
// Family meeting", `coach` -> "Coach". Values without a special label are turned into
// sentence case. Pure functions; thread-safe.

#include <string>

namespace ehdocs::render {

std::string label(const std::string& value);
// The worker's role as a job title ("Family Worker", "Team Leader").
std::string roleTitle(const std::string& role);

}  // namespace ehdocs::render
