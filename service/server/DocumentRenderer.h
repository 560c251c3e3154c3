#pragma once

// What the records service needs from rendering: one case and a document type in, the bytes
// out. Implementations are thread-safe (a PDF pool queues work beyond its size).

#include <optional>
#include <string>

#include "case/Case.h"
#include "case/Date.h"

namespace ehdocs::server {

struct RenderRequest {
    std::string type;     // a document type id, e.g. closure_letter
    std::string format;   // html | pdf
    std::string meeting;  // a meeting id, for types about one meeting (taf_minutes); or ""
    std::optional<Date> producedOn;  // the document's "produced on" date; the service sets it
};

struct RenderedDocument {
    std::string bytes;
    std::string contentType;      // text/html; charset=utf-8 | application/pdf
    std::string title;            // e.g. "Closure letter"
    std::string templateVersion;  // recorded in the IssuedDocument; may be ""
    bool familyLetter = false;    // a letter to the family: issuing it adds a Correspondence entry
};

struct RendererStats {
    int busy = 0;    // PDF engines working now
    int queued = 0;  // renders waiting for an engine
};

class DocumentRenderer {
public:
    virtual ~DocumentRenderer() = default;

    // Throws NotFoundException for an unknown type or meeting, BadRequestException for an
    // unknown format or a missing meeting, RenderFailedException when the engine fails.
    virtual RenderedDocument render(const Case& kase, const RenderRequest& request) = 0;

    virtual RendererStats stats() = 0;
};

}  // namespace ehdocs::server
