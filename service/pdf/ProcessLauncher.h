#pragma once

// Starts long-lived engine processes from one thread of its own (internal to the PDF engine).
// bubblewrap's --die-with-parent kills the sandbox when the *thread* that started bubblewrap
// ends (Linux's PR_SET_PDEATHSIG follows the thread, not the process). A pool process started
// from a request thread would die when that thread does; started from here, it lives as long as
// the launcher, and still dies with the service. Thread-safe.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "pdf/EngineProcess.h"

namespace ehdocs {

class ProcessLauncher {
public:
    ProcessLauncher();
    ~ProcessLauncher();  // finishes pending starts, then ends the thread

    ProcessLauncher(const ProcessLauncher&) = delete;
    ProcessLauncher& operator=(const ProcessLauncher&) = delete;

    // Starts the process on the launcher's thread and waits for it. Throws what EngineProcess's
    // constructor throws (PdfError).
    std::unique_ptr<EngineProcess> start(const EngineLaunch& launch);

private:
    void run();

    std::mutex _mutex;
    std::condition_variable _wake;
    std::deque<std::function<void()>> _tasks;
    bool _stop = false;
    std::thread _thread;
};

}  // namespace ehdocs
