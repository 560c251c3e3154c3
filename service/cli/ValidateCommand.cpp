#include <boost/program_options.hpp>
#include <iostream>

#include "case/CaseReader.h"
#include "cli/Cli.h"
#include "cli/CommandLine.h"

namespace po = boost::program_options;

namespace ehdocs::cli {

int validateCommand(const Args& args) {
    po::options_description options(
        "usage: ehdocs validate FILE... [--quiet]\n\n"
        "Checks case files against the case format (docs/case-format.md)\n"
        "and lists every problem as `FILE: path: message`.\n"
        "Exit status: 0 all valid, 2 any invalid, 64 usage.\n\noptions");
    options.add_options()("help,h", "show this help")("quiet,q", "print only the problems");
    CommandLine line;
    if (auto stop = parseCommandLine("validate", args, options, line)) return *stop;
    const po::variables_map& vm = line.options;
    if (line.words.empty()) {
        std::cerr << "ehdocs validate: name at least one case file\n\n" << options;
        return kExitUsage;
    }
    bool quiet = vm.count("quiet") > 0;
    int status = kExitOk;
    if (auto refused = refuseSpecialFiles("validate", line.words, false)) return *refused;
    for (const std::string& file : line.words) {
        ReadResult result = CaseReader::fromFile(file);
        if (result.ok()) {
            if (!quiet) std::cout << file << ": valid (" << result.kase->caseId << ")\n";
            continue;
        }
        status = kExitInvalidCase;
        for (const ValidationError& e : result.errors)
            std::cout << file << ": " << e.text() << "\n";
    }
    return status;
}

}  // namespace ehdocs::cli
