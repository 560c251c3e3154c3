#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "server/Settings.h"

using ehdocs::server::Settings;
using ehdocs::server::SettingsException;

namespace {

std::string writeFile(Poco::TemporaryFile& file, const std::string& text) {
    std::ofstream(file.path()) << text;
    return file.path();
}

bool says(const SettingsException& e, const std::string& part) {
    return e.message().find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(defaults_listen_on_loopback_8080_with_a_5_mb_limit) {
    const Settings s = Settings::load("", {});
    BOOST_TEST(s.host == "127.0.0.1");
    BOOST_TEST(s.port == 8080);
    BOOST_TEST(s.maxBodyBytes == 5u * 1024 * 1024);
    BOOST_TEST(s.databasePath() == "data/ehdocs.db");
}

BOOST_AUTO_TEST_CASE(the_example_file_loads_and_holds_every_default) {
    const Settings s = Settings::load(EHDOCS_SOURCE_DIR "/examples/ehdocs.properties", {});
    const Settings d = Settings::load("", {});
    BOOST_TEST(s.port == d.port);
    BOOST_TEST(s.host == d.host);
    BOOST_TEST(s.maxBodyBytes == d.maxBodyBytes);
    BOOST_TEST(s.dataDir == d.dataDir);
    BOOST_TEST(s.defaultProfile == d.defaultProfile);
    BOOST_TEST(s.cacheBytes == d.cacheBytes);
    BOOST_TEST(s.exports.workers == d.exports.workers);
    BOOST_TEST(s.exports.maxQueued == d.exports.maxQueued);
    BOOST_TEST(s.exports.keepMinutes == d.exports.keepMinutes);
    BOOST_TEST(s.exports.maxKept == d.exports.maxKept);
}

BOOST_AUTO_TEST_CASE(export_jobs_have_settings_with_defaults) {
    const Settings d = Settings::load("", {});
    BOOST_TEST(d.exports.workers == 1);
    BOOST_TEST(d.exports.maxQueued == 8);
    BOOST_TEST(d.exports.keepMinutes == 60);
    BOOST_TEST(d.exports.maxKept == 100);
    BOOST_TEST(d.exportsDir() == "data/exports/");
    const Settings s = Settings::load("", {{"EHDOCS_EXPORTS_WORKERS", "2"},
                                           {"EHDOCS_EXPORTS_MAX_QUEUED", "3"},
                                           {"EHDOCS_EXPORTS_KEEP_MINUTES", "5"},
                                           {"EHDOCS_EXPORTS_MAX_KEPT", "7"}});
    BOOST_TEST(s.exports.workers == 2);
    BOOST_TEST(s.exports.maxQueued == 3);
    BOOST_TEST(s.exports.keepMinutes == 5);
    BOOST_TEST(s.exports.maxKept == 7);
    BOOST_CHECK_EXCEPTION(Settings::load("", {{"EHDOCS_EXPORTS_WORKERS", "0"}}), SettingsException,
                          [](auto& e) { return says(e, "EHDOCS_EXPORTS_WORKERS: \"0\""); });
}

BOOST_AUTO_TEST_CASE(the_case_cache_is_bounded_in_bytes_by_a_setting) {
    BOOST_TEST(Settings::load("", {}).cacheBytes == 64u * 1024 * 1024);
    BOOST_TEST(Settings::load("", {{"EHDOCS_CACHE_MAX_BYTES", "1048576"}}).cacheBytes == 1048576u);
    BOOST_TEST(Settings::load("", {{"EHDOCS_CACHE_MAX_BYTES", "0"}}).cacheBytes == 0u);
    BOOST_CHECK_EXCEPTION(Settings::load("", {{"EHDOCS_CACHE_MAX_BYTES", "lots"}}),
                          SettingsException,
                          [](auto& e) { return says(e, "EHDOCS_CACHE_MAX_BYTES: \"lots\""); });
}

BOOST_AUTO_TEST_CASE(environment_overrides_the_file) {
    Poco::TemporaryFile file;
    const std::string path = writeFile(file, "server.port = 9000\nserver.maxBodyBytes = 2048\n");
    const Settings s = Settings::load(
        path, {{"EHDOCS_SERVER_PORT", "9100"}, {"EHDOCS_DATA_DIR", "/var/lib/ehdocs"}});
    BOOST_TEST(s.port == 9100);
    BOOST_TEST(s.maxBodyBytes == 2048u);
    BOOST_TEST(s.dataDir == "/var/lib/ehdocs");
}

BOOST_AUTO_TEST_CASE(bad_values_and_unknown_keys_are_refused_by_name) {
    Poco::TemporaryFile a, b;
    BOOST_CHECK_EXCEPTION(Settings::load(writeFile(a, "server.prot = 80\n"), {}), SettingsException,
                          [](auto& e) { return says(e, "unknown key \"server.prot\""); });
    BOOST_CHECK_EXCEPTION(
        Settings::load(writeFile(b, "server.port = eighty\n"), {}), SettingsException,
        [](auto& e) { return says(e, "server.port: \"eighty\" is not a whole number"); });
    BOOST_CHECK_EXCEPTION(Settings::load("", {{"EHDOCS_PDF_SANDBOX", "maybe"}}), SettingsException,
                          [](auto& e) { return says(e, "EHDOCS_PDF_SANDBOX: \"maybe\""); });
    BOOST_CHECK_EXCEPTION(Settings::load("/nonexistent/ehdocs.properties", {}), SettingsException,
                          [](auto& e) { return says(e, "cannot read the settings file"); });
}
