// Placeholder until this command is built (see the issue that owns it).
#include <iostream>
#include "cli/Cli.h"
namespace ehdocs::cli {
int serveCommand(int, char**) { std::cerr << "ehdocs: not built yet\n"; return kExitRenderFailed; }
}
