#pragma once

// The service's settings, read once at start-up. Sources, later ones winning: the defaults
// below, a `.properties` file (examples/ehdocs.properties lists every key), `EHDOCS_*`
// environment variables (the key in capitals, words and dots as underscores:
// server.maxBodyBytes -> EHDOCS_SERVER_MAX_BODY_BYTES), then command-line flags (applied by the
// caller).

#include <Poco/Exception.h>

#include <cstddef>
#include <map>
#include <string>

#include "pdf/PdfSettings.h"

namespace ehdocs::server {

POCO_DECLARE_EXCEPTION(, SettingsException, Poco::DataException)

// The web app's settings (web.*; docs/web.md).
struct WebSettings {
    std::string serviceName = "Early Help records";  // web.serviceName: in every page's header
    std::string authority = "Your council";          // web.authority: the council's name
    std::string assetsDir =
        "web/dist";  // web.assetsDir: served under /assets/ (setup.sh builds it)
    // web.plainHttp: the service is reached over plain HTTP on loopback, so session cookies are
    // sent without `Secure` (browsers refuse Secure cookies over http). Refused unless
    // server.host is a loopback address.
    bool plainHttp = false;
    int sessionIdleMinutes = 30;  // web.sessionIdleMinutes: signed out after this long idle
    int sessionMaxHours = 10;     // web.sessionMaxHours: and after this long in any case
    int signInAttempts = 5;       // web.signInAttempts: failed sign-ins per user or address...
    int signInLockMinutes = 15;   // web.signInLockMinutes: ...within this window, then refused
};

// The export jobs' settings (exports.*; docs/api.md, "Export jobs").
struct ExportSettings {
    int workers = 1;       // exports.workers: jobs run at once (each reads on every core)
    int maxQueued = 8;     // exports.maxQueued: jobs waiting to run; more are refused, 503
    int keepMinutes = 60;  // exports.keepMinutes: a finished job and its result are kept so long
    int maxKept = 100;     // exports.maxKept: finished jobs kept at most (the oldest go first)
};

struct Settings {
    std::string host = "127.0.0.1";  // server.host: address to listen on
    int port = 8080;                 // server.port: 0 picks a free port
    int threads = 16;                // server.threads: requests served at once
    int queue = 256;                 // server.queue: requests waiting for a worker
    // server.maxConnections / server.connectionsPerAddress: open connections in all and from
    // one client address; more are answered 503 / 429 and closed.
    std::size_t maxConnections = 1024, connectionsPerAddress = 64;
    // server.headerTimeoutMs / server.bodyTimeoutMs: time for a request's line and headers to
    // arrive in full, then for its body; late ones get 408.
    int headerTimeoutMs = 10000, bodyTimeoutMs = 30000;
    // server.authFailureLimit / server.authBlockSeconds: requests without a valid token one
    // address may make within the period; beyond it they get 429 until the period ends.
    int authFailureLimit = 20, authBlockSeconds = 60;
    std::size_t maxBodyBytes = 5242880;      // server.maxBodyBytes: larger bodies get 413
    int shutdownSeconds = 30;                // server.shutdownSeconds: grace for in-flight requests
    std::string dataDir = "data";            // data.dir: where the database lives
    std::string databaseFile = "ehdocs.db";  // data.file: the SQLite file inside data.dir
    // store.url: "" = SQLite at data.dir/data.file; postgresql://... = a PostgreSQL database
    // (docs/deployment.md). See store/OpenStore.h.
    std::string storeUrl;
    std::string defaultProfile = "standard";  // rules.profile: for cases that name none
    std::string profilesDir;                  // rules.profilesDir: extra profiles ("" = built in)
    std::string templatesDir;                 // render.templatesDir: "" = the built-in templates
    std::size_t cacheBytes = 67108864;  // cache.maxBytes: parsed cases kept (by their JSON size)
    std::string
        privacyNotice;       // render.privacyNotice: where letters say to read it ("" = built in)
    PdfSettings pdf;         // pdf.*: see pdf/PdfSettings.h (pool size: the number of cores)
    WebSettings web;         // web.*
    ExportSettings exports;  // exports.*

    // Where export jobs keep their results: data.dir/exports.
    std::string exportsDir() const;

    // The database path: data.dir/data.file.
    std::string databasePath() const;

    // What store/OpenStore.h opens: store.url, or "sqlite:" + databasePath() when unset.
    std::string storeLocation() const;

    // Defaults, then `file` (skipped when empty), then `environment`. Throws SettingsException
    // naming the key when a value is not valid or a file cannot be read, and for unknown keys
    // (a misspelt key would otherwise be silently ignored).
    static Settings load(const std::string& file,
                         const std::map<std::string, std::string>& environment);

    // The EHDOCS_* variables of this process.
    static std::map<std::string, std::string> processEnvironment();
};

}  // namespace ehdocs::server
