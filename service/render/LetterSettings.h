#pragma once

// What family letters say that comes from the service rather than from the case file: read
// once by the CLI or the service and given to the DocumentRenderer. A value; the defaults
// make complete letters.

#include <map>
#include <string>

namespace ehdocs::rules {
class ProfileRegistry;
}

namespace ehdocs::render {

struct LetterSettings {
    // The introduction letter's sentence on where to read the privacy notice (003: Consent).
    // The service's `letters.privacyNotice`; the CLI's `--privacy-notice`.
    std::string privacyNotice = defaultPrivacyNotice();
    // How long the service usually works with a family ("3 to 6 months"), by practice
    // profile id: each profile's `letters.usual_duration` (docs/profiles.md). A case uses its
    // own profile's, else `defaultProfile`'s; with neither the letter leaves the sentence out.
    std::map<std::string, std::string> usualDuration;
    std::string defaultProfile = "standard";

    static std::string defaultPrivacyNotice();
    // The settings with every profile's usual duration taken from `profiles`.
    static LetterSettings withProfiles(const rules::ProfileRegistry& profiles);
    // The usual duration for a case of `profile` ("" = the default); "" when none is set.
    std::string usualDurationFor(const std::string& profile) const;
};

}  // namespace ehdocs::render
