#include "pdf/WkhtmltopdfProcess.h"

#include "pdf/EngineCommand.h"
#include "pdf/EngineProcess.h"
#include "pdf/JobDirectory.h"
#include "pdf/PdfStamper.h"

namespace ehdocs {

WkhtmltopdfProcess::WkhtmltopdfProcess(PdfSettings settings)
    : _settings(std::move(settings)), _dir(std::make_unique<JobDirectory>(_settings.tempDir)) {
    _command = std::make_unique<EngineCommand>(_settings, _dir->subdirectory("probe"));
}

WkhtmltopdfProcess::~WkhtmltopdfProcess() = default;

bool WkhtmltopdfProcess::sandboxed() const {
    return _command->sandboxed();
}

std::string WkhtmltopdfProcess::render(const PdfJob& job) {
    _command->requireEngine(job.name);
    const std::chrono::milliseconds deadline =
        job.deadline.count() > 0 ? job.deadline : _settings.deadline;
    // Each job has its own directory: the sandbox shows the engine only this one.
    const std::string dir = _dir->subdirectory("job-" + std::to_string(_nextJob++));
    struct Cleanup {
        std::string dir;
        ~Cleanup() { JobDirectory::remove(dir); }
    } cleanup{dir};
    const std::string html = dir + "/job.html";
    const std::string pdf = dir + "/job.pdf";
    JobDirectory::writeFile(html, job.html, job.name);
    // Started from this thread, which outlives the process (see ProcessLauncher.h).
    std::unique_ptr<EngineProcess> process;
    try {
        process = std::make_unique<EngineProcess>(_command->oneShotLaunch(dir, html, pdf));
    } catch (const PdfError& e) {
        throw PdfError(job.name + ": " + e.message());
    }
    process->awaitExit(job.name, _command->engineName(), deadline);
    return PdfStamper::stamp(job.name, JobDirectory::readFile(pdf, job.name), job.marking,
                             job.pageNumbers);
}

}  // namespace ehdocs
