#pragma once

// What a caller may choose when rendering one document.

#include <memory>
#include <optional>
#include <string>

#include "case/Date.h"
#include "rules/CheckReport.h"

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
    // The closure check's report, for `closure_readiness`, which is built from it (and refused
    // without it): the caller runs the check with the profiles it was configured with, on the
    // produced-on date. Ignored by other types.
    std::shared_ptr<const rules::CheckReport> readiness;
};

}  // namespace ehdocs::render
