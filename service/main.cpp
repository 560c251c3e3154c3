// ehdocs: Early Help records and documents. Dispatches to one command per subcommand.

#include <unistd.h>

#include <cstring>
#include <iostream>

#include "cli/Cli.h"

namespace {

const char* const kUsage =
    "usage: ehdocs COMMAND [ARGS...]\n"
    "\n"
    "commands:\n"
    "  validate FILE...            check case files against the case format\n"
    "  render FILE --type TYPE     render a document (HTML or PDF); --all for the record set\n"
    "  types                       list the document types\n"
    "  templates lint [DIR]        report template names the view model does not provide\n"
    "  check FILE...               closure readiness and timeliness\n"
    "  due FILES_OR_DIRS...        what falls due on open cases, by lead worker\n"
    "  serve                       run the records service\n"
    "  user add NAME --role ROLE   create a service user and print its API token\n"
    "  export sf|kpi CASES...      Supporting Families or KPI workbooks\n"
    "  import FILES_OR_DIRS...     load case files into the store\n"
    "\n"
    "`ehdocs COMMAND --help` describes each command.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace ehdocs::cli;
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        (argc < 2 ? std::cerr : std::cout) << kUsage;
        return argc < 2 ? kExitUsage : kExitOk;
    }
    const std::string command = argv[1];
    const Args args(argv + 2, argv + argc);
    if (command == "validate") return validateCommand(args);
    if (command == "render") return renderCommand(args);
    if (command == "types") return typesCommand(args);
    if (command == "templates") return templatesCommand(args);
    if (command == "check") return checkCommand(args);
    if (command == "due") return dueCommand(args);
    if (command == "serve") return serveCommand(argc - 1, argv + 1);
    if (command == "user") return userCommand(args);
    if (command == "export") return exportCommand(args);
    if (command == "import") return importCommand(args, std::cout, std::cerr, isatty(2));
    std::cerr << "ehdocs: unknown command '" << command << "'\n\n" << kUsage;
    return kExitUsage;
}
