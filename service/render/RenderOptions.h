#pragma once

// What a caller may choose when rendering one document.

#include <optional>
#include <string>

#include "case/Date.h"

namespace ehdocs::render {

struct RenderOptions {
    // The meeting a per-meeting document (taf_minutes, taf_invitation) is about: a
    // `meetings[].id`. Required for those types, ignored by the others.
    std::string meeting;
    // The "produced on" date printed on the document and used for ages.
    // Default: today in the UK (Europe/London). Set it for reproducible output.
    std::optional<Date> producedOn;
    // Set by renderPdf: the PDF stamper prints the protective marking on every page, so the
    // page's own marking banner is left out rather than shown twice.
    bool markingStampedOnPages = false;
};

}  // namespace ehdocs::render
