#pragma once

// The one exception the PDF engine throws. Its message always names the document
// (PdfJob::name) and, where there is one, quotes the engine's own message, e.g.
//   NH-FF-2026-0142 closure_letter: wkhtmltopdf did not finish within 30000 ms (killed)
//   NH-FF-2026-0142 closure_letter: wkhtmltopdf failed: Exit with code 1 due to network error: ...
// The HTTP layer maps it to a 500-class status; the CLI to exit code 70 (render failed).

#include <Poco/Exception.h>

namespace ehdocs {

POCO_DECLARE_EXCEPTION(, PdfError, Poco::RuntimeException)

}  // namespace ehdocs
