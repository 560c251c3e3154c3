#pragma once

// The profile files under profiles/, embedded at build time (generated BuiltinProfiles.cpp).

#include <string>
#include <vector>

namespace ehdocs::rules {

struct EmbeddedProfile {
    const char* id;    // "newham-ffs"
    const char* text;  // the file's contents
};

const std::vector<EmbeddedProfile>& builtinProfiles();

}  // namespace ehdocs::rules
