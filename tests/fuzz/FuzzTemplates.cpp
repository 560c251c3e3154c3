// libFuzzer harness: loading an authority's template (TemplateSet: partial expansion) and
// linting it against a document type's view model (TemplateLinter). The first byte picks
// which built-in template the rest of the input replaces; it is linted for the types whose
// template it is, or (a partial) for the type the second byte picks. Any input must load and
// lint or throw a RenderException, nothing else.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "render/DocumentTypes.h"
#include "render/RenderErrors.h"
#include "render/TemplateLint.h"
#include "render/TemplateSet.h"

namespace {

using namespace ehdocs::render;

struct OneType {
    std::string templateName;
    TemplateLinter linter;
};

// One linter per built-in type (each works out its view model once).
const std::vector<OneType>& linters() {
    static const std::vector<OneType> all = [] {
        std::vector<OneType> out;
        const DocumentTypes types = DocumentTypes::builtIn();
        for (const DocumentType& type : types.all()) {
            DocumentTypes one;
            one.add(type);
            out.push_back({type.templateName, TemplateLinter(one)});
        }
        return out;
    }();
    return all;
}

void lint(const OneType& type, const TemplateSet& set) {
    try {
        for (const LintFinding& finding : type.linter.lint(set)) {
            if (finding.message.empty()) __builtin_trap();  // a finding says what is wrong
        }
    } catch (const RenderException& e) {
        if (e.message().empty()) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::string> names = TemplateSet::builtIn().names();
    if (size < 2) return 0;
    const std::string& name = names[data[0] % names.size()];
    const TemplateSet set = TemplateSet::withTexts(
        {{name, std::string(reinterpret_cast<const char*>(data) + 2, size - 2)}}, "fuzz");
    try {
        set.expanded(name);
    } catch (const RenderException& e) {
        if (e.message().empty()) __builtin_trap();
    }
    bool linted = false;
    for (const OneType& type : linters()) {
        if (type.templateName != name) continue;
        lint(type, set);
        linted = true;
    }
    if (!linted) lint(linters()[data[1] % linters().size()], set);
    return 0;
}
