// `ehdocs serve`: the records service (docs/api.md), a Poco ServerApplication. Builds the
// store, rules, renderer and HTTP server from the settings, prints the address it listens on
// (the real port when --port 0), and on SIGTERM or SIGINT stops accepting, lets in-flight
// requests finish, and exits 0.

#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>

#include "case/Clock.h"
#include "cli/Cli.h"
#include "http/HttpService.h"
#include "render/DocumentRenderer.h"
#include "render/TemplateSet.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/ExportJobs.h"
#include "server/RecordRenderer.h"
#include "server/RulesReadiness.h"
#include "server/Settings.h"
#include "server/SummarySweep.h"
#include "server/Workbooks.h"
#include "store/DataFolder.h"
#include "store/OpenStore.h"
#include "web/WebApp.h"

using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace ehdocs::cli {

namespace {

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
        // SQLite's data folder is private (0700) before the database is made in it.
        if (settings.storeUrl.empty()) store::prepareDataFolder(settings.dataDir);
        const std::string location = settings.storeLocation();
        std::unique_ptr<store::Store> opened = store::openStore(location);
        store::Store& store = *opened;
        // A store that cannot be written now would fail every call while /health said ok.
        store.probeWrite();
        server::AuditLog audit(store);
        const rules::ProfileRegistry profiles =
            settings.profilesDir.empty()
                ? rules::ProfileRegistry::builtIn()
                : rules::ProfileRegistry::withDirectory(settings.profilesDir);
        server::RulesReadiness readiness(profiles, settings.defaultProfile);
        render::LetterSettings letters = render::LetterSettings::withProfiles(profiles);
        letters.defaultProfile = settings.defaultProfile;
        if (!settings.privacyNotice.empty()) letters.privacyNotice = settings.privacyNotice;
        const Clock clock = systemClock();
        // Renews, in the background, the case summaries that a new day has made stale.
        server::SummarySweep sweep(store, readiness, [clock] { return ukToday(clock); });
        server::RecordRenderer renderer(
            std::make_unique<render::DocumentRenderer>(
                settings.templatesDir.empty()
                    ? render::TemplateSet::builtIn()
                    : render::TemplateSet::withOverrides(settings.templatesDir),
                std::move(letters)),
            std::make_unique<WkhtmltopdfPool>(settings.pdf), &readiness);
        server::CaseService service(store, audit, readiness, &renderer, clock, settings.cacheBytes);
        web::WebApp pages(service, store, audit, settings, readiness.profiles(), clock);
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(settings.host, settings.port), 128);
        // GET /api/v1/exports/sf.xlsx?as_of=&team= and kpi.xlsx?from=&to=&team=, and the
        // same as jobs (POST /api/v1/exports), streamed from the store (docs/api.md).
        const server::Exporters exporters =
            server::Workbooks::exporters(readiness.profiles(), settings.exportsDir());
        server::ExportJobs jobs(service, exporters, settings.exports, settings.exportsDir(), clock);
        jobs.start();
        http::HttpService http(service, settings, socket);
        http.endpoints().setExporters(exporters);
        http.endpoints().setExportJobs(jobs);
        http.setPages([&pages](const http::ApiRequest& request) { return pages.handle(request); });
        http.endpoints().setHealthProbe([&store] { store.probeWrite(); });
        http.start();
        std::cout << "ehdocs: listening on http://" << settings.host << ":" << http.port()
                  << " (store " << store::describeLocation(location) << ")" << std::endl;
        std::cout << "ehdocs: web app at http://" << settings.host << ":" << http.port()
                  << "/sign-in" << std::endl;
        if (!Poco::File(Poco::Path(settings.web.assetsDir).makeDirectory().append("app.css"))
                 .exists()) {
            std::cerr << "ehdocs serve: warning: no stylesheet in web.assetsDir ("
                      << settings.web.assetsDir << "); run scripts/setup.sh to build web/dist"
                      << std::endl;
        }
        waitForTerminationRequest();
        std::cout << "ehdocs: stopping; finishing requests in flight" << std::endl;
        http.stop(settings.shutdownSeconds);
        // Running export jobs stop at their next batch; their partial files are removed.
        jobs.stop();
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
