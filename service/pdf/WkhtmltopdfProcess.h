#pragma once

// One wkhtmltopdf process per document, with the same flags, sandbox, deadline and stamping as
// the pool. Simple and stateless apart from its job directory: the benchmark's baseline and a
// fallback where long-lived processes are unwanted. Thread-safe.

#include <memory>

#include "pdf/PdfRenderer.h"
#include "pdf/PdfSettings.h"

namespace ehdocs {

class JobDirectory;

class WkhtmltopdfProcess : public PdfRenderer {
public:
    // Creates the private job directory (mode 0700). Throws PdfError if it cannot.
    // settings.poolSize and recycleAfter are not used.
    explicit WkhtmltopdfProcess(PdfSettings settings);
    ~WkhtmltopdfProcess() override;

    std::string render(const PdfJob& job) override;

private:
    const PdfSettings _settings;
    std::unique_ptr<JobDirectory> _dir;
};

}  // namespace ehdocs
