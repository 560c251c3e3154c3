#include "cli/CommandLine.h"

#include <sys/stat.h>

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

std::optional<int> refuseSpecialFiles(const std::string& command,
                                      const std::vector<std::string>& paths, bool folders) {
    for (const std::string& path : paths) {
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) continue;
        if (S_ISREG(info.st_mode) || (folders && S_ISDIR(info.st_mode))) continue;
        const char* kind = S_ISDIR(info.st_mode)    ? "a folder"
                           : S_ISFIFO(info.st_mode) ? "a FIFO (named pipe)"
                           : S_ISSOCK(info.st_mode) ? "a socket"
                           : (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) ? "a device"
                                                                              : "not a file";
        std::cerr << "ehdocs " << command << ": " << path << " is " << kind << ", not a case file"
                  << (folders ? " or folder" : "") << "; give the path of a .json case file\n";
        return kExitInvalidCase;
    }
    return std::nullopt;
}

}  // namespace ehdocs::cli
