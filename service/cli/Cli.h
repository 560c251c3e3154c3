#pragma once

// The `ehdocs` command line: one function per command, each taking the arguments after the
// command's name and returning the process exit status. Each lives in its own XxxCommand.cpp.

#include <ostream>
#include <string>
#include <vector>

namespace ehdocs::cli {

using Args = std::vector<std::string>;

// Exit statuses shared by every command (sysexits-style where one fits).
enum ExitStatus : int {
    kExitOk = 0,
    kExitNotReady = 1,      // `check`: the case is not ready to close
    kExitInvalidCase = 2,   // a case file is not valid
    kExitUsage = 64,        // bad command line
    kExitRenderFailed = 70  // rendering (or another internal step) failed
};

int validateCommand(const Args& args);
int renderCommand(const Args& args);
int typesCommand(const Args& args);
int templatesCommand(const Args& args);
int checkCommand(const Args& args);
int dueCommand(const Args& args);
int serveCommand(int argc, char** argv);  // Poco's ServerApplication wants argv itself
int userCommand(const Args& args);
int exportCommand(const Args& args);
// Writes its summary line to `out`, refused and invalid files to `err`, and draws a progress
// bar on `err` when `progressBar` (main: when stderr is a terminal).
int importCommand(const Args& args, std::ostream& out, std::ostream& err, bool progressBar);

}  // namespace ehdocs::cli
