#pragma once

#include <optional>
#include <string>

namespace ehdocs::rules {

// What a failed rule means for closure: `block` keeps the case open, `warn` is reported for
// supervision, `off` means the rule is not checked at all.
enum class Severity { Block, Warn, Off };

std::string severityName(Severity severity);
std::optional<Severity> parseSeverity(const std::string& text);

}  // namespace ehdocs::rules
