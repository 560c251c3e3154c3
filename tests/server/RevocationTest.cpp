// Revocation (docs/security.md, "Revoked tokens and disabled users"): a replaced token or a
// disabled user is refused on the very next request, by this server and by a second server on
// the same database; `ehdocs user disable` / `enable` are audited.

#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <memory>

#include "ApiFixture.h"
#include "Processes.h"
#include "http/HttpService.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/RulesReadiness.h"
#include "store/DataFolder.h"
#include "store/SqliteStore.h"

using namespace ehdocs;
using test::Run;
using test::runEhdocs;

namespace {

// One records service (its own store connection, service and HTTP server) on `path`.
struct Server {
    explicit Server(const std::string& path)
        : store(path),
          audit(store),
          readiness(rules::ProfileRegistry::builtIn(), "standard"),
          service(
              store, audit, readiness, nullptr, [] { return Poco::Timestamp(); },
              server::Settings{}.cacheBytes),
          http(service, test::ApiFixture::testSettings(),
               Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0))) {
        http.start();
    }
    ~Server() { http.stop(5); }

    int status(const std::string& token) {
        return test::httpCall(http.port(), "GET", "/api/v1/cases", token).status;
    }

    store::SqliteStore store;
    server::AuditLog audit;
    server::RulesReadiness readiness;
    server::CaseService service;
    http::HttpService http;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(revocation)

BOOST_AUTO_TEST_CASE(a_replaced_token_and_a_disabled_user_are_refused_at_once_by_every_server) {
    Poco::TemporaryFile dir;
    const std::string data = dir.path();
    const Run added = runEhdocs({"user", "add", "amira", "--role", "admin", "--data", data});
    BOOST_REQUIRE_EQUAL(added.status, 0);
    const std::string first = added.lastLine();
    const std::string path = Poco::Path(data, "ehdocs.db").toString();
    Server a(path), b(path);
    // Both servers have seen the token work (any cache would now hold it).
    BOOST_TEST(a.status(first) == 200);
    BOOST_TEST(b.status(first) == 200);

    const Run replaced = runEhdocs({"user", "token", "amira", "--data", data});
    BOOST_REQUIRE_EQUAL(replaced.status, 0);
    const std::string second = replaced.lastLine();
    BOOST_TEST(a.status(first) == 401);
    BOOST_TEST(b.status(first) == 401);
    BOOST_TEST(a.status(second) == 200);
    BOOST_TEST(b.status(second) == 200);

    const Run disabled = runEhdocs({"user", "disable", "amira", "--data", data});
    BOOST_TEST(disabled.status == 0, disabled.out);
    BOOST_TEST(a.status(second) == 401);
    BOOST_TEST(b.status(second) == 401);

    const Run enabled = runEhdocs({"user", "enable", "amira", "--data", data});
    BOOST_TEST(enabled.status == 0, enabled.out);
    BOOST_TEST(a.status(second) == 200);
    BOOST_TEST(b.status(second) == 200);

    std::vector<std::string> actions;
    std::string listed;
    for (const store::AuditEntry& e : a.store.audit({})) {
        if (e.action.rfind("user_", 0) == 0) actions.push_back(e.action + " " + e.detail);
        listed += std::to_string(e.seq) + " " + e.action + " " + e.outcome + "; ";
    }
    BOOST_REQUIRE_MESSAGE(actions.size() == 4u, listed);
    BOOST_TEST(actions[0].rfind("user_add amira", 0) == 0);
    BOOST_TEST(actions[1].rfind("user_token amira", 0) == 0);
    BOOST_TEST(actions[2].rfind("user_disable amira", 0) == 0);
    BOOST_TEST(actions[3].rfind("user_enable amira", 0) == 0);
    BOOST_TEST(runEhdocs({"user", "disable", "nobody", "--data", data}).status == 64);
}

BOOST_AUTO_TEST_SUITE_END()
