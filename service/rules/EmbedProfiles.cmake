# Writes a C++ source holding each profile file as a string (run by the rules CMakeLists).
# Inputs: OUTPUT (the .cpp to write), FILES (profile paths separated by `|`).
string(REPLACE "|" ";" files "${FILES}")
set(body "")
foreach(file IN LISTS files)
    get_filename_component(id "${file}" NAME_WE)
    file(READ "${file}" text)
    string(APPEND body "        {\"${id}\", R\"ehdocs_profile(${text})ehdocs_profile\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from profiles/*.properties by EmbedProfiles.cmake; do not edit.
#include \"rules/BuiltinProfiles.h\"

namespace ehdocs::rules {

const std::vector<EmbeddedProfile>& builtinProfiles() {
    static const std::vector<EmbeddedProfile> kProfiles = {
${body}    };
    return kProfiles;
}

}  // namespace ehdocs::rules
")
configure_file("${OUTPUT}.tmp" "${OUTPUT}" COPYONLY)
