#include <boost/program_options.hpp>
#include <iostream>

#include "case/CaseReader.h"
#include "cli/Cli.h"

namespace po = boost::program_options;

namespace ehdocs::cli {

int validateCommand(const Args& args) {
    po::options_description options(
        "usage: ehdocs validate FILE... [--quiet]\n\n"
        "Checks case files against the case format (docs/case-format.md)\n"
        "and lists every problem as `FILE: path: message`.\n"
        "Exit status: 0 all valid, 2 any invalid, 64 usage.\n\noptions");
    options.add_options()("help,h", "show this help")("quiet,q", "print only the problems");
    po::options_description hidden;
    hidden.add_options()("file", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("file", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    } catch (const po::error& e) {
        std::cerr << "ehdocs validate: " << e.what() << "\n\n" << options;
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::cout << options;
        return kExitOk;
    }
    if (!vm.count("file")) {
        std::cerr << "ehdocs validate: name at least one case file\n\n" << options;
        return kExitUsage;
    }
    bool quiet = vm.count("quiet") > 0;
    int status = kExitOk;
    for (const std::string& file : vm["file"].as<std::vector<std::string>>()) {
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
