#pragma once

// Reads many case files one at a time for an export, so memory stays flat however many
// there are: each valid case is handed to a visitor and dropped; each invalid file is kept
// as a value (its path and every error) and the scan goes on.

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

    // `reader` defaults to CaseReader::fromFile.
    explicit CaseScan(Reader reader = {});

    // Files and directories to files: a directory stands for its `*.json` files (not
    // recursive), sorted by name; files are kept in the order given. Throws ExportException
    // for a path that does not exist.
    static std::vector<std::string> expand(const std::vector<std::string>& paths);

    // Reads each path and visits each valid case; returns the invalid files in order.
    std::vector<InvalidCaseFile> run(const std::vector<std::string>& paths,
                                     const Visitor& visit) const;

private:
    Reader _reader;
};

// True when `team` is empty, or names the case's `service.team` or its lead worker's team
// (compared case-insensitively, ignoring surrounding spaces).
bool inTeam(const Case& kase, const std::string& team);

}  // namespace ehdocs
