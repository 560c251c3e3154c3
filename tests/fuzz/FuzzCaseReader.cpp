// libFuzzer harness: the case reader and validator (CaseReader::fromJson), and the closure
// check on whatever it accepts. Any input must give a result (errors or a case), never a
// crash, a hang or a sanitizer report. scripts/fuzz.sh runs it; docs/security.md has figures.

#include <cstddef>
#include <cstdint>
#include <string>

#include "case/CaseReader.h"
#include "rules/ClosureCheck.h"
#include "rules/ProfileRegistry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ehdocs::rules::ProfileRegistry registry =
        ehdocs::rules::ProfileRegistry::builtIn();
    const ehdocs::ReadResult result =
        ehdocs::CaseReader::fromJson(std::string(reinterpret_cast<const char*>(data), size));
    if (result.ok() != result.kase.has_value()) __builtin_trap();
    for (const auto& error : result.errors) {
        if (error.message.empty()) __builtin_trap();  // every error says what is wrong
    }
    if (result.kase) {
        const ehdocs::rules::Profile& profile = registry.get("standard");
        ehdocs::rules::checkClosure(*result.kase, profile, ehdocs::Date::fromYmd(2026, 7, 1));
    }
    return 0;
}
