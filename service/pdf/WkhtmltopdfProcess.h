#pragma once

// One wkhtmltopdf process per document, with the same flags, sandbox, deadline and stamping as
// the pool: the benchmark's baseline, and a fallback where long-lived processes are unwanted.
// Thread-safe: each render() works in its own sub-directory.

#include <atomic>
#include <cstdint>
#include <memory>

#include "pdf/PdfRenderer.h"
#include "pdf/PdfSettings.h"

namespace ehdocs {

class EngineCommand;
class JobDirectory;

class WkhtmltopdfProcess : public PdfRenderer {
public:
    // Creates the private job directory (mode 0700) and checks the sandbox. Throws PdfError if
    // the directory cannot be made. settings.poolSize and recycleAfter are not used.
    explicit WkhtmltopdfProcess(PdfSettings settings);
    ~WkhtmltopdfProcess() override;

    std::string render(const PdfJob& job) override;

    bool sandboxed() const;  // as WkhtmltopdfPool::sandboxed()

private:
    const PdfSettings _settings;
    std::unique_ptr<JobDirectory> _dir;
    std::unique_ptr<EngineCommand> _command;
    std::atomic<std::uint64_t> _nextJob{0};
};

}  // namespace ehdocs
