#include "cli/CommandLine.h"

#include <iostream>

namespace po = boost::program_options;

namespace ehdocs::cli {

std::optional<int> parseCommandLine(const std::string& command, const Args& args,
                                    const po::options_description& options, CommandLine& out) {
    po::options_description hidden;
    hidden.add_options()("words", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("words", -1);
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional).run(),
                  out.options);
    } catch (const po::error& e) {
        std::cerr << "ehdocs " << command << ": " << e.what() << "\n\n" << options;
        return kExitUsage;
    }
    if (out.options.count("help")) {
        std::cout << options;
        return kExitOk;
    }
    if (out.options.count("words")) out.words = out.options["words"].as<std::vector<std::string>>();
    return std::nullopt;
}

}  // namespace ehdocs::cli
