#include "render/LetterSettings.h"

#include "rules/ProfileRegistry.h"

namespace ehdocs::render {

std::string LetterSettings::defaultPrivacyNotice() {
    // 003 Consent: the family should be given a copy of the Privacy Notice.
    return "When we meet, I will give you a copy of our privacy notice. It says how we use and "
           "look after the things you tell us.";
}

LetterSettings LetterSettings::withProfiles(const rules::ProfileRegistry& profiles) {
    LetterSettings settings;
    for (const std::string& id : profiles.ids()) {
        const std::string& duration = profiles.get(id).usualDuration;
        if (!duration.empty()) settings.usualDuration[id] = duration;
    }
    return settings;
}

std::string LetterSettings::usualDurationFor(const std::string& profile) const {
    auto it = usualDuration.find(profile.empty() ? defaultProfile : profile);
    if (it == usualDuration.end()) it = usualDuration.find(defaultProfile);
    return it == usualDuration.end() ? "" : it->second;
}

}  // namespace ehdocs::render
