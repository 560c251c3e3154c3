#include "pdf/EngineProcess.h"

#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pdf/PdfError.h"

namespace ehdocs {

namespace {

constexpr std::size_t kMaxMessages = 6;
constexpr std::size_t kMaxMessageLength = 300;
constexpr std::chrono::milliseconds kExitGrace{2000};  // from closing its output to exiting
constexpr std::size_t kMaxSegment = 64 * 1024;         // one line of engine output kept, at most

std::string trim(const std::string& text) {
    std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) return {};
    std::size_t end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

bool startsWith(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

// Writes all of `data`. A process that died leaves a broken pipe, and writing to it would
// raise SIGPIPE and end the whole service; Poco::Pipe offers no way around that, so SIGPIPE is
// blocked for this thread during the write and any that results is consumed before unblocking.
bool writeAll(int fd, const std::string& data) {
    sigset_t pipeOnly, previous;
    sigemptyset(&pipeOnly);
    sigaddset(&pipeOnly, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous);
    bool ok = true;
    std::size_t offset = 0;
    while (offset < data.size()) {
        ssize_t n = ::write(fd, data.data() + offset, data.size() - offset);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ok = false;
            break;
        }
        offset += static_cast<std::size_t>(n);
    }
    if (!ok) {
        const struct timespec zero = {0, 0};
        while (sigtimedwait(&pipeOnly, nullptr, &zero) == SIGPIPE) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return ok;
}

std::string describeStatus(int status) {
    if (WIFSIGNALED(status)) {
        return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    }
    int code = WEXITSTATUS(status);
    if (code == 72) return "could not be started (exec failed)";
    return "exited with status " + std::to_string(code);
}

}  // namespace

EngineProcess::EngineProcess(const EngineLaunch& launch) {
    try {
        Poco::ProcessHandle handle =
            Poco::Process::launch(launch.program, launch.args, "", &_in, &_out, &_out, launch.env);
        _pid = handle.id();
    } catch (const Poco::Exception& e) {
        throw PdfError("cannot start " + launch.program + ": " + e.displayText());
    }
}

EngineProcess::~EngineProcess() {
    kill();
}

bool EngineProcess::running() {
    reap(false);
    return !_reaped;
}

// Poco::ProcessHandle::tryWait() does not say whether a process was killed by a signal, and its
// wait() blocks without a deadline, so the process is reaped here with waitpid.
void EngineProcess::reap(bool block) {
    if (_reaped || _pid <= 0) return;
    int status = 0;
    pid_t rc;
    do {
        rc = ::waitpid(_pid, &status, block ? 0 : WNOHANG);
    } while (rc < 0 && errno == EINTR);
    if (rc == _pid || (rc < 0 && errno == ECHILD)) {
        _reaped = true;
        _status = status;
    }
}

// After the engine closes its output it is normally gone within microseconds, but a blocking
// waitpid would hang on one that lingers. A pidfd (Linux 5.3) lets us wait with a limit; where
// there is none the process is only reaped if it has already exited, and otherwise killed.
void EngineProcess::reapWithin(std::chrono::milliseconds limit) {
    reap(false);
    if (_reaped || _pid <= 0) return;
#ifdef SYS_pidfd_open
    int fd = static_cast<int>(::syscall(SYS_pidfd_open, _pid, 0));
    if (fd >= 0) {
        struct pollfd pfd = {fd, POLLIN, 0};
        while (::poll(&pfd, 1, static_cast<int>(limit.count())) < 0 && errno == EINTR) {
        }
        ::close(fd);
        reap(false);
    }
#endif
    kill();
}

void EngineProcess::kill() {
    reap(false);
    if (_reaped || _pid <= 0) return;
    ::kill(_pid, SIGKILL);
    reap(true);
}

void EngineProcess::takeSegment(const std::string& raw, bool& done) {
    std::string segment = trim(raw);
    if (segment == "Done") {
        done = true;
    } else if ((startsWith(segment, "Error:") || startsWith(segment, "Warning:") ||
                startsWith(segment, "Exit with code")) &&
               _messages.size() < kMaxMessages) {
        _messages.push_back(segment.substr(0, kMaxMessageLength));
    }
}

// Poco::Pipe::readBytes blocks with no deadline, so the pipe is read with poll() and read().
EngineProcess::Outcome EngineProcess::readUntil(Clock::time_point deadline, bool stopAtDone) {
    const int fd = _out.readHandle();
    char buffer[4096];
    bool done = false;
    for (;;) {
        auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return Outcome::TimedOut;
        struct pollfd pfd = {fd, POLLIN, 0};
        int ready = ::poll(&pfd, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;  // the deadline is checked at the top
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            bool ignored = false;
            takeSegment(_partial, ignored);
            _partial.clear();
            return done ? Outcome::Done : Outcome::Exited;
        }
        for (ssize_t i = 0; i < n; ++i) {
            char c = buffer[i];
            if (c == '\r' || c == '\n') {
                takeSegment(_partial, done);
                _partial.clear();
            } else if (_partial.size() < kMaxSegment) {
                _partial += c;
            }
        }
        if (done && stopAtDone) return Outcome::Done;
    }
}

void EngineProcess::fail(const std::string& document, const std::string& engine, Outcome outcome,
                         std::chrono::milliseconds deadline) {
    if (outcome == Outcome::Exited) {
        reapWithin(kExitGrace);
    } else {
        kill();
    }
    std::string said;
    for (const std::string& m : _messages) {
        if (!startsWith(m, "Warning:")) said += (said.empty() ? "" : "; ") + m;
    }
    std::string message = document + ": " + engine + " ";
    if (outcome == Outcome::TimedOut) {
        message += "did not finish within " + std::to_string(deadline.count()) +
                   " ms and was killed (pdf.deadlineMs)";
        if (!said.empty()) message += "; it said: " + said;
    } else if (!said.empty()) {
        message += "failed (it " + describeStatus(_status) + "): " + said;
    } else {
        message += "stopped without finishing the document: it " + describeStatus(_status);
    }
    throw PdfError(message);
}

void EngineProcess::convert(const std::string& document, const std::string& engine,
                            const std::string& line, std::chrono::milliseconds deadline) {
    _messages.clear();
    const Clock::time_point until = Clock::now() + deadline;
    if (!writeAll(_in.writeHandle(), line)) {
        // The process died while idle or just now: collect what it said before it went.
        fail(document, engine, readUntil(until, true), deadline);
    }
    Outcome outcome = readUntil(until, true);
    if (outcome != Outcome::Done) fail(document, engine, outcome, deadline);
}

void EngineProcess::awaitExit(const std::string& document, const std::string& engine,
                              std::chrono::milliseconds deadline) {
    _messages.clear();
    _in.close();
    Outcome outcome = readUntil(Clock::now() + deadline, false);
    if (outcome != Outcome::Done) fail(document, engine, outcome, deadline);
    reapWithin(kExitGrace);
}

int EngineProcess::runToExit(const EngineLaunch& launch, std::chrono::milliseconds deadline) {
    EngineProcess process(launch);
    process._in.close();
    if (process.readUntil(Clock::now() + deadline, false) == Outcome::TimedOut) return -1;
    process.reapWithin(kExitGrace);
    return WIFEXITED(process._status) ? WEXITSTATUS(process._status) : -1;
}

}  // namespace ehdocs
