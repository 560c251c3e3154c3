#include "rules/RuleContext.h"

#include <algorithm>
#include <cctype>

namespace ehdocs::rules {

bool isVisit(const Contact& k) {
    static const char* const kKinds[] = {"initial_home_visit", "home_visit",      "school_visit",
                                         "office_visit",       "community_visit", "joint_visit"};
    if (k.with.empty()) return false;
    return std::any_of(std::begin(kKinds), std::end(kKinds),
                       [&](const char* kind) { return k.kind == kind; });
}

bool isSuccessfulContact(const Contact& k) {
    return k.kind != "attempted_contact" && !k.with.empty();
}

std::string trimmed(const std::string& text) {
    size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    size_t e = text.find_last_not_of(" \t\r\n");
    return text.substr(b, e - b + 1);
}

std::string lowerTrimmed(const std::string& text) {
    std::string s = trimmed(text);
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string joinWords(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string memberName(const Case& kase, const Id& id) {
    const Member* m = kase.member(id);
    if (!m) return id;
    return m->preferredName.empty() ? m->firstName : m->preferredName;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool RuleContext::isManager(const Id& workerId) const {
    const Worker* w = kase.worker(workerId);
    return w && contains(profile.setting("managers").list, w->role);
}

std::string disengagedEarlyReason(const RuleContext& ctx) {
    return "disengaged early (closure reason " + ctx.kase.closure->reason +
           " and no visit in the file)";
}

std::string closureReasonText(const RuleContext& ctx) {
    if (!ctx.kase.closure) return "no closure section (the case is open)";
    return "closure reason " + ctx.kase.closure->reason;
}

std::string humanise(const std::string& enumValue) {
    std::string s = enumValue;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

}  // namespace ehdocs::rules
