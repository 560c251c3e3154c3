// `ehdocs audit verify [--config FILE] [--data DIR]`: walks the audit trail's hash chain
// (store/AuditChain.h) and reports the first broken link: an entry changed, removed or
// inserted after it was written, even by someone who could write the database file.

#include <Poco/File.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "cli/Cli.h"
#include "cli/CommandLine.h"
#include "server/Settings.h"
#include "store/AuditChain.h"
#include "store/SqliteStore.h"

namespace po = boost::program_options;

namespace ehdocs::cli {

int auditCommand(const Args& args) {
    po::options_description options(
        "usage: ehdocs audit verify [--config FILE] [--data DIR]\n\n"
        "Checks that every entry of the audit trail is as it was written: each entry carries\n"
        "the hash of the one before it, so a changed, removed or inserted entry breaks the\n"
        "chain there. Prints the number of entries checked, or the first broken link.\n"
        "Exit status: 0 intact, 1 broken, 64 usage or no database, 70 the database could not\n"
        "be read.\n\noptions");
    options.add_options()("help,h", "show this help")(
        "config", po::value<std::string>()->default_value(""), "settings file (.properties)")(
        "data", po::value<std::string>(), "data directory (overrides data.dir)");
    CommandLine line;
    if (auto stop = parseCommandLine("audit", args, options, line)) return *stop;
    if (line.words.size() != 1 || line.words[0] != "verify") {
        std::cerr << "ehdocs audit: expected `audit verify`\n\n" << options;
        return kExitUsage;
    }
    try {
        server::Settings settings = server::Settings::load(line.options["config"].as<std::string>(),
                                                           server::Settings::processEnvironment());
        if (line.options.count("data")) settings.dataDir = line.options["data"].as<std::string>();
        const std::string path = settings.databasePath();
        if (!Poco::File(path).exists()) {
            std::cerr << "ehdocs audit: there is no database at " << path << "\n";
            return kExitUsage;
        }
        store::SqliteStore store(path);
        const store::AuditChain::Report report = store::AuditChain::verify(store);
        if (report.broken) {
            std::cout << "audit trail of " << path << ": BROKEN at entry " << report.broken->seq
                      << ": " << report.broken->reason << "\n";
            return kExitNotReady;
        }
        std::cout << "audit trail of " << path << ": intact, " << report.entries << " entries";
        if (report.unchained) {
            std::cout << " (the first " << report.unchained
                      << " written before the chain existed, unchecked)";
        }
        std::cout << "\n";
        return kExitOk;
    } catch (const server::SettingsException& e) {
        std::cerr << "ehdocs audit: " << e.message() << "\n";
        return kExitUsage;
    } catch (const Poco::Exception& e) {
        std::cerr << "ehdocs audit: " << e.displayText() << "\n";
        return kExitRenderFailed;
    }
}

}  // namespace ehdocs::cli
