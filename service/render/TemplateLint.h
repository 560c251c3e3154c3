#pragma once

// `ehdocs templates lint`: finds the names a template uses that its view model does not
// provide. Mustache renders an unknown name as nothing, without a word, so a misspelt
// {{famly_name}} would otherwise go unnoticed until a family got a letter with a gap.
//
// How: each document type's view model is built from a sample case that fills in every
// field (lint-sample.json, compiled in), giving the set of names available at each level
// of nesting; the template (and every partial it includes) is then read tag by tag with
// Mustache's own lookup rules: a name inside {{#section}} may come from the section or
// from any enclosing level. Findings are values: an empty result means clean.

#include <memory>
#include <string>
#include <vector>

#include "render/DocumentTypes.h"
#include "render/TemplateSet.h"

namespace ehdocs::render {

struct LintFinding {
    std::string file;  // where the tag is: the template's origin (path, or "... (built in)")
    int line = 0;      // 1-based line in that file
    std::string documentType;  // the type whose view model was checked
    std::string message;       // "unknown name 'famly_name'"
    std::string text() const;  // "forms/eha.mustache:12: unknown name 'famly_name' (eha)"
};

// Lints the template of every type in `types`. Problems that stop a template being read
// (a missing partial, an unclosed section) are findings too. Findings are reported once per
// file, line and message, however many types include the file.
std::vector<LintFinding> lintTemplates(const TemplateSet& templates, const DocumentTypes& types);

// lintTemplates with the costly part (each type's view model, from the sample case) worked
// out once, for linting many template sets against the same types (the fuzzer, tests/fuzz).
// A value; safe to share between threads once built.
class TemplateLinter {
public:
    explicit TemplateLinter(const DocumentTypes& types);
    std::vector<LintFinding> lint(const TemplateSet& templates) const;

private:
    struct Schemas;
    std::shared_ptr<const Schemas> _schemas;
};

// Every name the view model of `type` provides, as dotted paths in sorted order: `case_ref`,
// `goals`, `goals.actions`, `goals.actions.action`. A list's path names the names each item
// has. What `ehdocs templates names TYPE` prints; docs/templates.md explains them.
std::vector<std::string> viewModelNames(const DocumentType& type);

}  // namespace ehdocs::render
