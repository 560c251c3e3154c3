#pragma once

// Reads many case files for an export or an import, a batch at a time (kBatch files, parsed
// on every core by ParallelReader), so memory stays flat however many there are: each valid
// case is handed to a visitor, in the order of the paths, and dropped; each invalid file is
// kept as a value (its path and every error) and the scan goes on.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "case/Case.h"
#include "case/CaseReader.h"

namespace ehdocs {

struct InvalidCaseFile {
    std::string path;
    std::vector<std::string> errors;  // "referral.received: ... " (path: message)
};

class CaseScan {
public:
    using Reader = std::function<ReadResult(const std::string& path)>;
    using Visitor = std::function<void(const Case& kase, const std::string& path)>;

    // Files read (and held parsed) at once.
    static constexpr std::size_t kBatch = 200;

    // `reader` defaults to CaseReader::fromFile; it is called from several threads at once.
    // `threads` 0 = one per core.
    explicit CaseScan(Reader reader = {}, unsigned threads = 0);

    // Files and directories to files: a directory stands for its `*.json` files (not
    // recursive), sorted by name; files are kept in the order given. Throws ExportException
    // for a path that does not exist.
    static std::vector<std::string> expand(const std::vector<std::string>& paths);

    // Reads each path and visits each valid case, on the calling thread and in the order of
    // `paths`; returns the invalid files in order.
    std::vector<InvalidCaseFile> run(const std::vector<std::string>& paths,
                                     const Visitor& visit) const;

private:
    Reader _reader;
    unsigned _threads;
};

// True when `team` is empty, or names the case's `service.team` or its lead worker's team
// (compared case-insensitively, ignoring surrounding spaces).
bool inTeam(const Case& kase, const std::string& team);

}  // namespace ehdocs
