// libFuzzer harness: the practice profile parser (ProfileParser::parse), on its own and over
// the built-in `standard` base. Any input must parse or throw ProfileException, nothing else.

#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/ProfileParser.h"
#include "rules/ProfileRegistry.h"
#include "rules/RulesException.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ehdocs::rules::ProfileRegistry registry =
        ehdocs::rules::ProfileRegistry::builtIn();
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const ehdocs::rules::Profile* base :
         {static_cast<const ehdocs::rules::Profile*>(nullptr), &registry.get("standard")}) {
        try {
            ehdocs::rules::ProfileParser::parse(text, "fuzz.properties", "fuzz", base);
        } catch (const ehdocs::rules::ProfileException& e) {
            if (e.message().empty()) __builtin_trap();  // a refusal says why
        }
    }
    return 0;
}
