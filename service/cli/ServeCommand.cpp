// `ehdocs serve`: the records service (docs/api.md), a Poco ServerApplication. Builds the
// store, rules, renderer and HTTP server from the settings, prints the address it listens on
// (the real port when --port 0), and on SIGTERM or SIGINT stops accepting, lets in-flight
// requests finish, and exits 0.

#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>

#include "cli/Cli.h"
#include "http/HttpService.h"
#include "render/TemplateSet.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/RecordRenderer.h"
#include "server/RulesReadiness.h"
#include "server/Settings.h"
#include "server/Workbooks.h"
#include "store/DataFolder.h"
#include "store/SqliteStore.h"

using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace ehdocs::cli {

namespace {

// GET /api/v1/exports/sf.xlsx?as_of=&team= and kpi.xlsx?from=&to=&team= (docs/exports.md).
void addExports(http::ApiEndpoints& endpoints) {
    endpoints.setExporter("sf.xlsx", server::Workbooks::kContentType,
                          &server::Workbooks::supportingFamilies);
    endpoints.setExporter("kpi.xlsx", server::Workbooks::kContentType, &server::Workbooks::kpi);
}

class ServeApplication : public Poco::Util::ServerApplication {
protected:
    void defineOptions(OptionSet& options) override {
        ServerApplication::defineOptions(options);
        options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
        options.addOption(Option("config", "c",
                                 "settings file (.properties); see "
                                 "examples/ehdocs.properties")
                              .argument("FILE"));
        options.addOption(
            Option("port", "p", "port to listen on (overrides server.port; 0 = any free port)")
                .argument("N"));
        options.addOption(
            Option("data", "d", "data directory (overrides data.dir)").argument("DIR"));
    }

    void handleOption(const std::string& name, const std::string& value) override {
        ServerApplication::handleOption(name, value);
        if (name == "help") {
            _help = true;
            stopOptionsProcessing();
        } else if (name == "config") {
            _config = value;
        } else if (name == "port") {
            _port = value;
        } else if (name == "data") {
            _data = value;
        }
    }

    int main(const ArgVec& args) override {
        if (_help) {
            Poco::Util::HelpFormatter help(options());
            help.setCommand("ehdocs serve");
            help.setUsage("[--config FILE] [--port N] [--data DIR]");
            help.setHeader(
                "Runs the records service (docs/api.md). Settings: defaults, then "
                "the --config file, then EHDOCS_* environment variables, then these "
                "flags (docs/configuration.md).");
            help.format(std::cout);
            return kExitOk;
        }
        if (!args.empty()) {
            std::cerr << "ehdocs serve: unexpected argument " << args.front() << "\n";
            return kExitUsage;
        }
        server::Settings settings;
        try {
            settings = server::Settings::load(_config, server::Settings::processEnvironment());
            if (!_port.empty()) {
                int port = 0;
                if (!Poco::NumberParser::tryParse(_port, port) || port < 0 || port > 65535) {
                    std::cerr << "ehdocs serve: --port: \"" << _port
                              << "\" is not a port number (0-65535)\n";
                    return kExitUsage;
                }
                settings.port = port;
            }
            if (!_data.empty()) settings.dataDir = _data;
        } catch (const server::SettingsException& e) {
            std::cerr << "ehdocs serve: " << e.message() << "\n";
            return kExitUsage;
        }
        try {
            return serve(settings);
        } catch (const Poco::Exception& e) {
            std::cerr << "ehdocs serve: " << e.displayText() << "\n";
            return kExitRenderFailed;
        }
    }

private:
    int serve(const server::Settings& settings) {
        store::prepareDataFolder(settings.dataDir);
        store::SqliteStore store(settings.databasePath());
        // A store that cannot be written now would fail every call while /health said ok.
        store.probeWrite();
        server::AuditLog audit(store);
        server::RulesReadiness readiness(
            settings.profilesDir.empty()
                ? rules::ProfileRegistry::builtIn()
                : rules::ProfileRegistry::withDirectory(settings.profilesDir),
            settings.defaultProfile);
        server::RecordRenderer renderer(
            std::make_unique<render::DocumentRenderer>(
                settings.templatesDir.empty()
                    ? render::TemplateSet::builtIn()
                    : render::TemplateSet::withOverrides(settings.templatesDir)),
            std::make_unique<WkhtmltopdfPool>(settings.pdf));
        server::CaseService service(store, audit, readiness, &renderer, systemClock(),
                                    settings.cacheBytes);
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(settings.host, settings.port), 128);
        http::HttpService http(service, settings, socket);
        addExports(http.endpoints());
        http.endpoints().setHealthProbe([&store] { store.probeWrite(); });
        http.start();
        std::cout << "ehdocs: listening on http://" << settings.host << ":" << http.port()
                  << " (database " << settings.databasePath() << ")" << std::endl;
        waitForTerminationRequest();
        std::cout << "ehdocs: stopping; finishing requests in flight" << std::endl;
        http.stop(settings.shutdownSeconds);
        std::cout << "ehdocs: stopped" << std::endl;
        return kExitOk;
    }

    bool _help = false;
    std::string _config, _port, _data;
};

}  // namespace

int serveCommand(int argc, char** argv) {
    ServeApplication app;
    app.setUnixOptions(true);
    const int status = app.run(argc, argv);
    // Poco reports a bad command line (unknown option, missing argument) as EXIT_CONFIG.
    return status == Poco::Util::Application::EXIT_CONFIG ? kExitUsage : status;
}

}  // namespace ehdocs::cli
