#pragma once

// Renders the record set: one document of one type from one case, to HTML (and to PDF
// through a PdfRenderer passed in). The entry point the CLI, the service and the benchmark use.
//
//   DocumentRenderer renderer(TemplateSet::builtIn());
//   RenderOptions options;
//   options.producedOn = Date::parse("2026-06-26");
//   std::string html = renderer.renderHtml(kase, "closure_letter", options);
//
// Templates are parsed once, when the renderer is built; rendering only fills them in.
// Case text is always HTML-escaped; text from the case is never read as a template, and
// control characters (other than newline and tab) are dropped.
//
// Thread safety: one renderer may be used from many threads at once (const methods; each
// concurrent render uses its own copy of the parsed template, kept in a small pool).

#include <memory>
#include <string>
#include <vector>

#include "case/Case.h"
#include "render/DocumentTypes.h"
#include "render/LetterSettings.h"
#include "render/RenderOptions.h"
#include "render/TemplateSet.h"
#include "render/View.h"

namespace ehdocs {
class PdfRenderer;  // pdf/PdfRenderer.h
}

namespace ehdocs::render {

// One document `render --all` produces for a case.
struct DocumentRequest {
    const DocumentType* type = nullptr;
    std::string meeting;  // for per-meeting types
    // `taf_minutes-m2`, `closure_letter`: the output file's name without the extension.
    std::string name() const { return meeting.empty() ? type->id : type->id + "-" + meeting; }
};

class DocumentRenderer {
public:
    // Parses the template of every type in `types`. Throws TemplateException naming the
    // template and the problem when one is missing or is not valid Mustache.
    explicit DocumentRenderer(TemplateSet templates,
                              DocumentTypes types = DocumentTypes::builtIn());
    // The same, with what the service's letters say about itself (privacy notice, how long
    // it usually works with a family).
    DocumentRenderer(TemplateSet templates, LetterSettings letters,
                     DocumentTypes types = DocumentTypes::builtIn());
    ~DocumentRenderer();
    DocumentRenderer(const DocumentRenderer&) = delete;
    DocumentRenderer& operator=(const DocumentRenderer&) = delete;

    const DocumentTypes& types() const { return _types; }
    const TemplateSet& templates() const { return _templates; }

    // The document as one self-contained HTML page (stylesheet inline, diagrams as inline SVG).
    // Throws UnknownTypeException, NotApplicableException (with the reason),
    // MeetingException (per-meeting type without a meeting, or an unknown meeting id) and
    // TemplateException (rendering failed).
    std::string renderHtml(const Case& kase, const std::string& type,
                           const RenderOptions& options = {}) const;

    // The same document as PDF, through `pdf` (records get the OFFICIAL-SENSITIVE marking,
    // family letters none). Throws as renderHtml, and whatever `pdf` throws (PdfError).
    std::string renderPdf(const Case& kase, const std::string& type, const RenderOptions& options,
                          PdfRenderer& pdf) const;

    // The view model the template of `type` is given, exactly: the consent rule applied and
    // withheld children's names already replaced in every text (for tests, lint and
    // integrators). Throws as renderHtml.
    View view(const Case& kase, const std::string& type, const RenderOptions& options = {}) const;

    // A short fingerprint of the template `type` renders with (its text with partials
    // expanded): the first 12 hex digits of its SHA-1. For IssuedDocument.template_version,
    // so a document's log says which template produced it. Throws UnknownTypeException.
    std::string templateVersion(const std::string& type) const;

    // Every document that applies to the case, in registry order (per-meeting types once
    // for each meeting their `forMeeting` accepts, in meeting date order).
    std::vector<DocumentRequest> applicable(const Case& kase, Date producedOn) const;

private:
    struct Compiled;
    const DocumentType& resolve(const Case& kase, const std::string& type,
                                const RenderOptions& options, const Meeting** meeting) const;

    TemplateSet _templates;
    DocumentTypes _types;
    LetterSettings _letters;
    std::vector<std::unique_ptr<Compiled>> _compiled;  // parallel to _types.all()
};

}  // namespace ehdocs::render
