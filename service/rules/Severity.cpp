#include "rules/Severity.h"

namespace ehdocs::rules {

std::string severityName(Severity severity) {
    switch (severity) {
        case Severity::Block:
            return "block";
        case Severity::Warn:
            return "warn";
        case Severity::Off:
            return "off";
    }
    return "off";
}

std::optional<Severity> parseSeverity(const std::string& text) {
    if (text == "block") return Severity::Block;
    if (text == "warn") return Severity::Warn;
    if (text == "off") return Severity::Off;
    return std::nullopt;
}

}  // namespace ehdocs::rules
