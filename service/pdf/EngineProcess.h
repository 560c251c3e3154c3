#pragma once

// One running engine process (internal to the PDF engine): its stdin, and its stdout and
// stderr merged into one pipe that is read with a deadline. Not thread-safe: one owner at a
// time (a pool slot, or one render() call).
//
// wkhtmltopdf's progress protocol, as verified with 0.12.6 (docs/pdf.md): with
// --read-args-from-stdin it converts one job per line and prints "Done" (after a '\r' that
// ends the progress bar) when that job's PDF is written. -q would suppress "Done", so it is not
// used. A page that fails to load prints "Error: ..." lines and the process exits (status 1)
// instead of reading the next line; a missing image or stylesheet prints "Error:"/"Warning:"
// lines but the job still ends with "Done".

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "pdf/EngineCommand.h"

namespace ehdocs {

class EngineProcess {
public:
    // Starts the process. Throws PdfError if the system cannot start it.
    explicit EngineProcess(const EngineLaunch& launch);
    ~EngineProcess();  // kills and reaps the process if it is still running

    EngineProcess(const EngineProcess&) = delete;
    EngineProcess& operator=(const EngineProcess&) = delete;

    int pid() const { return _pid; }

    // False once the process has exited (it is reaped then).
    bool running();

    // Server mode: sends one job line and waits for "Done". On failure (the engine reports an
    // error and exits, crashes, or misses `deadline`) the process is killed and PdfError is
    // thrown: "<document>: <engine> ..." quoting what the engine said.
    void convert(const std::string& document, const std::string& engine, const std::string& line,
                 std::chrono::milliseconds deadline);

    // One-shot mode: waits for the process to exit; succeeds if it printed "Done" (it exits
    // with status 1 when an image failed to load, though the PDF is written). Throws as above.
    void awaitExit(const std::string& document, const std::string& engine,
                   std::chrono::milliseconds deadline);

    // Runs `launch` to the end, discarding its output; returns its exit status, or -1 if it
    // was killed at the deadline or by a signal.
    static int runToExit(const EngineLaunch& launch, std::chrono::milliseconds deadline);

private:
    enum class Outcome { Done, Exited, TimedOut };
    using Clock = std::chrono::steady_clock;

    Outcome readUntil(Clock::time_point deadline, bool stopAtDone);
    void takeSegment(const std::string& segment, bool& done);
    [[noreturn]] void fail(const std::string& document, const std::string& engine, Outcome outcome,
                           std::chrono::milliseconds deadline);
    void kill();
    void reap(bool block);
    void reapWithin(std::chrono::milliseconds limit);  // then kills it if still running

    Poco::Pipe _in;
    Poco::Pipe _out;
    int _pid = 0;
    bool _reaped = false;
    int _status = 0;                     // raw waitpid status, once reaped
    std::string _partial;                // output after the last '\r' or '\n'
    std::vector<std::string> _messages;  // "Error:"/"Warning:" lines of the current job
};

}  // namespace ehdocs
