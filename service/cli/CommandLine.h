#pragma once

// Parsing one command's arguments: its options (shown by --help) and any number of
// positional words (file names, sub-command words), in one place for every command.

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/Cli.h"

namespace ehdocs::cli {

struct CommandLine {
    boost::program_options::variables_map options;
    std::vector<std::string> words;  // the positional arguments, in order
};

// Parses `args` against `options` (which should include "help,h") into `out`. Returns the exit
// status to stop with: kExitOk after printing the help for --help, kExitUsage after printing
// `ehdocs COMMAND: problem` and the help for an unknown or malformed option. Returns nothing
// when the command should go on.
std::optional<int> parseCommandLine(const std::string& command, const Args& args,
                                    const boost::program_options::options_description& options,
                                    CommandLine& out);

// Refuses case paths that are neither regular files nor (when `folders`) folders: a FIFO or a
// device would hang the reader or never end. Prints `ehdocs COMMAND: PATH is a FIFO ...` for
// the first such path and returns kExitInvalidCase; nothing when every path is fine (paths
// that do not exist are left for the reader to report).
std::optional<int> refuseSpecialFiles(const std::string& command,
                                      const std::vector<std::string>& paths, bool folders);

}  // namespace ehdocs::cli
