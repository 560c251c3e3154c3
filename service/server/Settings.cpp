#include "server/Settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <cctype>
#include <functional>
#include <typeinfo>
#include <vector>

extern char** environ;

namespace ehdocs::server {

POCO_IMPLEMENT_EXCEPTION(SettingsException, Poco::DataException, "Bad setting")

namespace {

using Setter = std::function<void(Settings&, const std::string& value, const std::string& where)>;

int parseInt(const std::string& value, const std::string& where, int min, int max) {
    int n = 0;
    if (!Poco::NumberParser::tryParse(value, n) || n < min || n > max) {
        throw SettingsException(where + ": \"" + value + "\" is not a whole number from " +
                                std::to_string(min) + " to " + std::to_string(max));
    }
    return n;
}

std::string nonEmpty(const std::string& value, const std::string& where) {
    if (value.empty()) throw SettingsException(where + ": must not be empty");
    return value;
}

bool parseBool(const std::string& value, const std::string& where) {
    if (value == "true" || value == "yes" || value == "1") return true;
    if (value == "false" || value == "no" || value == "0") return false;
    throw SettingsException(where + ": \"" + value + "\" is not true or false");
}

const std::vector<std::pair<std::string, Setter>>& keys() {
    static const std::vector<std::pair<std::string, Setter>> table = {
        {"server.host", [](Settings& s, auto& v, auto& w) { s.host = nonEmpty(v, w); }},
        {"server.port", [](Settings& s, auto& v, auto& w) { s.port = parseInt(v, w, 0, 65535); }},
        {"server.threads",
         [](Settings& s, auto& v, auto& w) { s.threads = parseInt(v, w, 1, 1024); }},
        {"server.queue", [](Settings& s, auto& v, auto& w) { s.queue = parseInt(v, w, 1, 65536); }},
        {"server.maxConnections",
         [](Settings& s, auto& v, auto& w) {
             s.maxConnections = static_cast<std::size_t>(parseInt(v, w, 1, 16384));
         }},
        {"server.connectionsPerAddress",
         [](Settings& s, auto& v, auto& w) {
             s.connectionsPerAddress = static_cast<std::size_t>(parseInt(v, w, 1, 16384));
         }},
        {"server.headerTimeoutMs",
         [](Settings& s, auto& v, auto& w) { s.headerTimeoutMs = parseInt(v, w, 100, 600000); }},
        {"server.bodyTimeoutMs",
         [](Settings& s, auto& v, auto& w) { s.bodyTimeoutMs = parseInt(v, w, 100, 3600000); }},
        {"server.authFailureLimit",
         [](Settings& s, auto& v, auto& w) { s.authFailureLimit = parseInt(v, w, 1, 1000000); }},
        {"server.authBlockSeconds",
         [](Settings& s, auto& v, auto& w) { s.authBlockSeconds = parseInt(v, w, 1, 86400); }},
        {"server.maxBodyBytes",
         [](Settings& s, auto& v, auto& w) {
             s.maxBodyBytes = static_cast<std::size_t>(parseInt(v, w, 1024, 1 << 30));
         }},
        {"server.shutdownSeconds",
         [](Settings& s, auto& v, auto& w) { s.shutdownSeconds = parseInt(v, w, 0, 3600); }},
        {"data.dir", [](Settings& s, auto& v, auto& w) { s.dataDir = nonEmpty(v, w); }},
        {"data.file", [](Settings& s, auto& v, auto& w) { s.databaseFile = nonEmpty(v, w); }},
        {"store.url", [](Settings& s, auto& v, auto&) { s.storeUrl = v; }},
        {"rules.profile", [](Settings& s, auto& v, auto& w) { s.defaultProfile = nonEmpty(v, w); }},
        {"rules.profilesDir", [](Settings& s, auto& v, auto&) { s.profilesDir = v; }},
        {"render.templatesDir", [](Settings& s, auto& v, auto&) { s.templatesDir = v; }},
        {"cache.maxBytes",
         [](Settings& s, auto& v, auto& w) {
             s.cacheBytes = static_cast<std::size_t>(parseInt(v, w, 0, 2147483647));
         }},
        {"render.privacyNotice", [](Settings& s, auto& v, auto&) { s.privacyNotice = v; }},
        {"pdf.poolSize",
         [](Settings& s, auto& v, auto& w) {
             s.pdf.poolSize = static_cast<std::size_t>(parseInt(v, w, 1, 64));
         }},
        {"pdf.deadlineMs",
         [](Settings& s, auto& v, auto& w) {
             s.pdf.deadline = std::chrono::milliseconds(parseInt(v, w, 100, 600000));
         }},
        {"pdf.engine", [](Settings& s, auto& v, auto& w) { s.pdf.engine = nonEmpty(v, w); }},
        {"pdf.sandbox", [](Settings& s, auto& v, auto& w) { s.pdf.sandbox = parseBool(v, w); }},
        {"pdf.bwrap", [](Settings& s, auto& v, auto& w) { s.pdf.bwrap = nonEmpty(v, w); }},
        {"pdf.tempDir", [](Settings& s, auto& v, auto&) { s.pdf.tempDir = v; }},
        {"pdf.recycleAfter",
         [](Settings& s, auto& v, auto& w) {
             s.pdf.recycleAfter = static_cast<std::size_t>(parseInt(v, w, 0, 1000000));
         }},
        {"exports.workers",
         [](Settings& s, auto& v, auto& w) { s.exports.workers = parseInt(v, w, 1, 64); }},
        {"exports.maxQueued",
         [](Settings& s, auto& v, auto& w) { s.exports.maxQueued = parseInt(v, w, 1, 10000); }},
        {"exports.keepMinutes",
         [](Settings& s, auto& v, auto& w) { s.exports.keepMinutes = parseInt(v, w, 1, 10080); }},
        {"exports.maxKept",
         [](Settings& s, auto& v, auto& w) { s.exports.maxKept = parseInt(v, w, 1, 100000); }},
        {"web.serviceName",
         [](Settings& s, auto& v, auto& w) { s.web.serviceName = nonEmpty(v, w); }},
        {"web.authority", [](Settings& s, auto& v, auto& w) { s.web.authority = nonEmpty(v, w); }},
        {"web.assetsDir", [](Settings& s, auto& v, auto& w) { s.web.assetsDir = nonEmpty(v, w); }},
        {"web.plainHttp", [](Settings& s, auto& v, auto& w) { s.web.plainHttp = parseBool(v, w); }},
        {"web.sessionIdleMinutes",
         [](Settings& s, auto& v, auto& w) { s.web.sessionIdleMinutes = parseInt(v, w, 1, 1440); }},
        {"web.sessionMaxHours",
         [](Settings& s, auto& v, auto& w) { s.web.sessionMaxHours = parseInt(v, w, 1, 168); }},
        {"web.signInAttempts",
         [](Settings& s, auto& v, auto& w) { s.web.signInAttempts = parseInt(v, w, 1, 1000); }},
        {"web.signInLockMinutes",
         [](Settings& s, auto& v, auto& w) { s.web.signInLockMinutes = parseInt(v, w, 1, 1440); }},
    };
    return table;
}

const Setter* setterFor(const std::string& key) {
    for (const auto& [name, setter] : keys()) {
        if (name == key) return &setter;
    }
    return nullptr;
}

// server.maxBodyBytes -> EHDOCS_SERVER_MAX_BODY_BYTES
std::string environmentName(const std::string& key) {
    std::string name = "EHDOCS_";
    for (char c : key) {
        if (c == '.') {
            name += '_';
        } else if (std::isupper(static_cast<unsigned char>(c))) {
            name += '_';
            name += c;
        } else {
            name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return name;
}

}  // namespace

std::string Settings::exportsDir() const {
    return Poco::Path(dataDir).makeDirectory().pushDirectory("exports").toString();
}

std::string Settings::databasePath() const {
    return Poco::Path(Poco::Path(dataDir).makeDirectory(), databaseFile).toString();
}

std::string Settings::storeLocation() const {
    return storeUrl.empty() ? "sqlite:" + databasePath() : storeUrl;
}

Settings Settings::load(const std::string& file,
                        const std::map<std::string, std::string>& environment) {
    Settings settings;
    if (!file.empty()) {
        Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
        try {
            config = new Poco::Util::PropertyFileConfiguration(file);
        } catch (const Poco::Exception& e) {
            throw SettingsException("cannot read the settings file " + file + ": " +
                                    e.displayText());
        }
        std::vector<std::string> roots;
        config->keys(roots);
        for (const std::string& root : roots) {
            std::vector<std::string> leaves;
            config->keys(root, leaves);
            if (leaves.empty()) leaves.push_back("");
            for (const std::string& leaf : leaves) {
                const std::string key = leaf.empty() ? root : root + "." + leaf;
                const Setter* setter = setterFor(key);
                if (!setter) {
                    throw SettingsException(file + ": unknown key \"" + key +
                                            "\" (examples/ehdocs.properties lists every key)");
                }
                (*setter)(settings, config->getString(key), file + ": " + key);
            }
        }
    }
    for (const auto& [key, setter] : keys()) {
        auto found = environment.find(environmentName(key));
        if (found != environment.end()) setter(settings, found->second, found->first);
    }
    return settings;
}

std::map<std::string, std::string> Settings::processEnvironment() {
    std::map<std::string, std::string> variables;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string text = *entry;
        const auto equals = text.find('=');
        if (equals != std::string::npos && text.rfind("EHDOCS_", 0) == 0) {
            variables[text.substr(0, equals)] = text.substr(equals + 1);
        }
    }
    return variables;
}

}  // namespace ehdocs::server
