#pragma once

// HTML in, PDF bytes out. The interface the rest of ehdocs codes against; the
// implementations are WkhtmltopdfPool (long-lived processes, the one to use) and
// WkhtmltopdfProcess (one process per document: the benchmark baseline and a simple fallback).
// See docs/pdf.md.

#include <chrono>
#include <string>

#include "pdf/PdfError.h"

namespace ehdocs {

// One document to convert. The HTML must be self-contained (styles inline, images as data:
// URIs): the engine gets no network and no local files, so anything fetched is simply missing.
struct PdfJob {
    std::string name;     // names the document in errors, e.g. "NH-FF-2026-0142 closure_letter"
    std::string html;     // the whole document, UTF-8
    std::string marking;  // protective marking stamped on every page, e.g. "OFFICIAL-SENSITIVE";
                          // empty (family letters): no marking
    bool pageNumbers = true;  // stamp "Page X of Y" on every page when the PDF has more than one
                              // page (a one-page document is never numbered)
    std::chrono::milliseconds deadline{0};  // this job's deadline; 0: PdfSettings::deadline
};

class PdfRenderer {
public:
    virtual ~PdfRenderer() = default;

    // Converts job.html to an A4 PDF and stamps it (PdfStamper). Returns the PDF bytes.
    // Throws PdfError (naming job.name and quoting the engine) when the engine fails, crashes,
    // or misses the deadline. Implementations are safe to call from many threads at once.
    virtual std::string render(const PdfJob& job) = 0;
};

}  // namespace ehdocs
