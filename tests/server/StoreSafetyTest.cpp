// The store under an unlucky operator (docs/security.md, "The store vanishing" and "Files on
// disk"): a database deleted under the service makes writes and /health fail instead of
// answering 201 and losing the writes; a store that cannot be written stops `ehdocs serve` at
// start-up; the data folder is 0700 and the database files 0600 whatever the umask.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <optional>

#include "ApiFixture.h"
#include "Processes.h"
#include "server/Tokens.h"
#include "store/DataFolder.h"
#include "store/SqliteStore.h"

using namespace ehdocs;

namespace {

unsigned modeOf(const std::string& path) {
    struct stat info {};
    BOOST_REQUIRE_MESSAGE(::stat(path.c_str(), &info) == 0, "no file " + path);
    return info.st_mode & 0777;
}

struct Umask {
    explicit Umask(mode_t mask) : _old(::umask(mask)) {}
    ~Umask() { ::umask(_old); }
    mode_t _old;
};

// `ehdocs serve --port 0` on `dataDir`, with an admin user added to it first.
struct Served {
    explicit Served(const std::string& dataDir) {
        store::SqliteStore store(Poco::Path(dataDir, "ehdocs.db").toString());
        token = server::Tokens::generate();
        store.addUser({"admin", "admin", "", server::Tokens::sha256Hex(token), ""});
    }
    void start(const std::string& dataDir) {
        process.emplace(std::vector<std::string>{"--data", dataDir});
        port = process->port();
    }
    std::string token;
    std::optional<test::ServeProcess> process;
    Poco::UInt16 port = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(store_safety)

BOOST_AUTO_TEST_CASE(writes_to_a_deleted_database_fail_and_health_says_so) {
    Poco::TemporaryFile dir;
    store::prepareDataFolder(dir.path());
    Served served(dir.path());
    served.start(dir.path());
    BOOST_TEST(test::httpCall(served.port, "GET", "/health").status == 200);
    BOOST_TEST(test::httpCall(served.port, "POST", "/api/v1/cases", served.token,
                              test::ApiFixture::example("okafor-ready-to-close"))
                   .status == 201);

    Poco::File(dir.path()).remove(true);  // the data folder vanishes under the service

    const test::HttpReply health = test::httpCall(served.port, "GET", "/health");
    BOOST_TEST(health.status == 503);
    BOOST_TEST(health.body.find("\"status\":\"unavailable\"") != std::string::npos, health.body);
    BOOST_TEST(health.body.find(dir.path()) == std::string::npos);  // no path for anonymous callers
    const test::HttpReply write = test::httpCall(served.port, "POST", "/api/v1/cases", served.token,
                                                 test::ApiFixture::example("bennett-disengaged"));
    BOOST_TEST(write.status == 503, write.body);
    BOOST_TEST(write.body.find("storage_unavailable") != std::string::npos, write.body);
}

BOOST_AUTO_TEST_CASE(a_store_whose_file_is_gone_refuses_writes_and_probes) {
    Poco::TemporaryFile dir;
    store::prepareDataFolder(dir.path());
    const std::string path = Poco::Path(dir.path(), "ehdocs.db").toString();
    store::SqliteStore store(path);
    store.probeWrite();
    Poco::File(path).remove();
    BOOST_CHECK_THROW(store.probeWrite(), store::StoreException);
    store::CaseRecord first{"A", 1, "{}", "South", "open", "a", "F", "a", "t", "create"};
    BOOST_CHECK_EXCEPTION(store.createCase(first), store::StoreException,
                          [](const store::StoreException& e) {
                              return e.message().find("is gone") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(serve_refuses_to_start_on_a_database_it_cannot_write) {
    Poco::TemporaryFile dir;
    store::prepareDataFolder(dir.path());
    const std::string path = Poco::Path(dir.path(), "ehdocs.db").toString();
    { store::SqliteStore store(path); }
    // A read-only database file and folder. Root may write anything, so as root the server
    // is run as `nobody`, who owns the (read-only) files.
    std::vector<std::string> command = {EHDOCS_BINARY, "serve",  "--port",
                                        "0",           "--data", dir.path()};
    if (::geteuid() == 0) {
        BOOST_REQUIRE(::chown(dir.path().c_str(), 65534, 65534) == 0);
        BOOST_REQUIRE(::chown(path.c_str(), 65534, 65534) == 0);
        command.insert(command.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", "--"});
        command.insert(command.begin(), "/usr/bin/setpriv");
    }
    BOOST_REQUIRE(::chmod(path.c_str(), 0400) == 0);
    BOOST_REQUIRE(::chmod(dir.path().c_str(), 0500) == 0);
    const std::string program = command.front();
    command.erase(command.begin());
    const test::Run serve = test::run(program, command);
    BOOST_TEST(serve.status == 70, serve.out + serve.err);
    BOOST_TEST(serve.out.find("listening") == std::string::npos);
    BOOST_TEST(serve.err.find(path) != std::string::npos, serve.err);
    ::chmod(dir.path().c_str(), 0700);
}

BOOST_AUTO_TEST_CASE(the_data_folder_is_0700_and_the_database_files_0600_whatever_the_umask) {
    const Umask permissive(0);
    Poco::TemporaryFile parent;
    const std::string dir = Poco::Path(parent.path(), "data").toString();
    store::prepareDataFolder(dir);
    BOOST_TEST(modeOf(dir) == 0700u);
    const std::string path = Poco::Path(dir, "ehdocs.db").toString();
    store::SqliteStore store(path);
    store.appendAudit({{0, "t", "u", "admin", "read", "A", "ok", "r", "", "", ""}});
    for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
        BOOST_TEST_CONTEXT(file) {
            BOOST_TEST(modeOf(file) == 0600u);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_existing_open_folder_and_database_are_narrowed) {
    const Umask permissive(0);
    Poco::TemporaryFile dir;
    Poco::File(dir.path()).createDirectories();
    BOOST_REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    const std::string path = Poco::Path(dir.path(), "ehdocs.db").toString();
    { std::ofstream created(path); }
    BOOST_REQUIRE(::chmod(path.c_str(), 0644) == 0);
    store::prepareDataFolder(dir.path());
    store::SqliteStore store(path);
    BOOST_TEST(modeOf(dir.path()) == 0700u);
    BOOST_TEST(modeOf(path) == 0600u);
}

BOOST_AUTO_TEST_CASE(a_shared_folder_is_refused_as_a_data_folder) {
    BOOST_CHECK_EXCEPTION(store::prepareDataFolder("/tmp"), store::StoreException,
                          [](const store::StoreException& e) {
                              return e.message().find("shared with other users") !=
                                     std::string::npos;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
