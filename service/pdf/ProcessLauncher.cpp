#include "pdf/ProcessLauncher.h"

#include <future>

namespace ehdocs {

ProcessLauncher::ProcessLauncher() : _thread([this] { run(); }) {}

ProcessLauncher::~ProcessLauncher() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stop = true;
    }
    _wake.notify_one();
    _thread.join();
}

void ProcessLauncher::run() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _wake.wait(lock, [this] { return _stop || !_tasks.empty(); });
            if (_tasks.empty()) return;
            task = std::move(_tasks.front());
            _tasks.pop_front();
        }
        task();
    }
}

std::unique_ptr<EngineProcess> ProcessLauncher::start(const EngineLaunch& launch) {
    auto task = std::make_shared<std::packaged_task<std::unique_ptr<EngineProcess>()>>(
        [&launch] { return std::make_unique<EngineProcess>(launch); });
    std::future<std::unique_ptr<EngineProcess>> result = task->get_future();
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _tasks.push_back([task] { (*task)(); });
    }
    _wake.notify_one();
    return result.get();
}

}  // namespace ehdocs
