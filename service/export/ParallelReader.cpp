#include "export/ParallelReader.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace ehdocs {

ParallelReader::ParallelReader(unsigned threads)
    : _threads(threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency())) {}

std::vector<ReadResult> ParallelReader::read(std::size_t count, const Read& read) const {
    std::vector<ReadResult> results(count);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                results[i] = read(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure) failure = std::current_exception();
                next = count;  // the others stop after the item in hand
            }
        }
    };
    // The calling thread is one of the readers: a batch of one starts no thread.
    const std::size_t helpers = std::min<std::size_t>(_threads, count) - (count > 0 ? 1 : 0);
    std::vector<std::thread> threads;
    threads.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    for (auto& thread : threads) thread.join();
    if (failure) std::rethrow_exception(failure);
    return results;
}

}  // namespace ehdocs
