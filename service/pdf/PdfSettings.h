#pragma once

// Settings for the PDF engine, read once (from the service's .properties file, keys pdf.*)
// and passed in. Every field has a default that works on a stock Debian machine.

#include <chrono>
#include <cstddef>
#include <string>
#include <thread>

namespace ehdocs {

struct PdfSettings {
    // Long-lived wkhtmltopdf processes in the pool (pdf.poolSize). Default: the number of
    // cores (1 if unknown). Jobs queue when all are busy.
    std::size_t poolSize =
        std::thread::hardware_concurrency() ? std::thread::hardware_concurrency() : 1;

    // Time one document may take, from the moment a process takes it (pdf.deadlineMs;
    // queueing time is not counted). Default 30 s. On expiry the process is killed (and
    // restarted in the pool) and the job fails with PdfError.
    std::chrono::milliseconds deadline{30000};

    // The wkhtmltopdf executable: a name looked up in PATH, or a path (pdf.engine).
    // Default "wkhtmltopdf" (the Debian build, unpatched Qt).
    std::string engine = "wkhtmltopdf";

    // Run the engine under bubblewrap with no network (pdf.sandbox). Default true. When bwrap
    // is missing or cannot create namespaces here, the engine runs unsandboxed but with every
    // request sent to a proxy that goes nowhere (see docs/pdf.md). false: proxy only.
    bool sandbox = true;

    // The bubblewrap executable (pdf.bwrap). Default "bwrap" (Debian package bubblewrap).
    std::string bwrap = "bwrap";

    // Where the pool makes its private 0700 directory for job files (pdf.tempDir).
    // Default "": the system temporary directory.
    std::string tempDir;

    // A pool process is replaced after this many documents, to bound memory growth in the
    // long-lived engine (pdf.recycleAfter). Default 500; 0 = never.
    std::size_t recycleAfter = 500;
};

}  // namespace ehdocs
