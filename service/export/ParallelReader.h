#pragma once

// Reads a batch of case files on several threads at once (parsing and validating a case is
// the costly part of an export or an import), and gives the results back in the batch's
// order, so whoever consumes them sees the same order however many threads there are.

#include <cstddef>
#include <functional>
#include <vector>

#include "case/CaseReader.h"

namespace ehdocs {

class ParallelReader {
public:
    // Reads item `index` of a batch. Called from several threads at once: it must be safe to
    // call concurrently (CaseReader's functions are).
    using Read = std::function<ReadResult(std::size_t index)>;

    // `threads` 0 = one per core (std::thread::hardware_concurrency).
    explicit ParallelReader(unsigned threads = 0);

    // read(0) .. read(count - 1), in that order in the result. An exception thrown by `read`
    // is rethrown here (the first one), after every thread has stopped.
    std::vector<ReadResult> read(std::size_t count, const Read& read) const;

    unsigned threads() const { return _threads; }

private:
    unsigned _threads;
};

}  // namespace ehdocs
