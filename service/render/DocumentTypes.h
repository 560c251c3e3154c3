#pragma once

// The registry of document types: what the service can render from a case, to whom each
// goes, and when each applies. docs/documents.md describes every type; docs/templates.md
// says how to add one (one entry here + one template + one view-model function).

#include <functional>
#include <string>
#include <vector>

#include "case/Case.h"
#include "render/CaseView.h"
#include "render/View.h"

namespace ehdocs::render {

struct DocumentType {
    std::string id;        // `closure_letter`
    std::string title;     // "Closure letter"
    std::string audience;  // "family", "professionals", ...
    // Family letters: plain English, service letterhead, no protective marking.
    // Everything else is a record marked OFFICIAL-SENSITIVE.
    bool familyFacing = false;
    // Rendered for one meeting (`RenderOptions::meeting`), e.g. taf_minutes.
    bool needsMeeting = false;
    // Built from the closure check's report (`RenderOptions::readiness`), e.g. closure_readiness.
    bool needsReadiness = false;
    // The template's file name, looked up in the TemplateSet: `closure_letter.mustache`.
    std::string templateName;
    // "" when the type applies to the case; otherwise why not, in words a user can act on
    // ("the case has no closure"). Never empty-function.
    std::function<std::string(const Case&)> notApplicable;
    // needsMeeting types only: whether `render --all` produces one for this meeting.
    std::function<bool(const Meeting&, Date producedOn)> forMeeting;
    // Adds the type's own names to `view`, which already holds the common names
    // (ViewModel.h). `meeting` is null unless needsMeeting.
    std::function<void(const CaseView&, const Meeting*, View&)> buildView;

    std::string marking() const { return familyFacing ? "" : "OFFICIAL-SENSITIVE"; }
};

// An ordered set of document types. A value: copy it, add to it, pass it to a renderer.
class DocumentTypes {
public:
    // The types built into ehdocs, in the order `ehdocs types` lists them.
    static DocumentTypes builtIn();

    // Adds a type, replacing one with the same id.
    void add(DocumentType type);
    // The type with this id, or nullptr.
    const DocumentType* find(const std::string& id) const;
    const std::vector<DocumentType>& all() const { return _types; }

private:
    std::vector<DocumentType> _types;
};

}  // namespace ehdocs::render
