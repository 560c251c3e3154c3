// The whole role x action matrix over HTTP: every pair the roles do not allow is refused with
// 403 and audited (user, role, action, case, outcome, request id); every allowed pair is not.

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;
namespace data = boost::unit_test::data;

namespace {

struct Attempt {
    const char* action;  // as the audit trail records it
    const char* method;
    const char* path;
    const char* body;  // "okafor" = the Okafor case file
    bool ifMatch;
};

const Attempt kAttempts[] = {
    {"create", "POST", "/api/v1/cases", "okafor", false},
    {"read", "GET", "/api/v1/cases/NH-FF-2026-0142", "", false},
    {"read", "GET", "/api/v1/cases/NH-FF-2026-0142/history", "", false},
    {"read", "GET", "/api/v1/cases/NH-FF-2026-0142/readiness", "", false},
    {"update", "PUT", "/api/v1/cases/NH-FF-2026-0142", "okafor", true},
    {"render", "GET", "/api/v1/cases/NH-FF-2026-0142/render/closure_letter", "", false},
    {"issue", "POST", "/api/v1/cases/NH-FF-2026-0142/documents",
     R"({"type": "closure_letter", "format": "html"})", false},
    {"close", "POST", "/api/v1/cases/NH-FF-2026-0142/close", "", false},
    {"reopen", "POST", "/api/v1/cases/NH-FF-2026-0142/reopen", R"({"reason": "new concerns"})",
     false},
    {"subject_access", "GET", "/api/v1/cases/NH-FF-2026-0142/subject-access", "", false},
    {"audit", "GET", "/api/v1/audit", "", false},
    {"export", "GET", "/api/v1/exports/sf.xlsx", "", false},
};

// Who may do what to the Okafor case (team South). The SF coordinator's `read` of the case
// itself is allowed (the SF view); history and readiness are not.
bool allowed(const std::string& user, const Attempt& a) {
    const std::string action = a.action;
    const std::string path = a.path;
    if (user == "admin") return true;
    if (user == "sf") {
        return action == "export" || (action == "read" && path == "/api/v1/cases/NH-FF-2026-0142");
    }
    if (user == "coach_north" || user == "leader_north") return false;
    if (action == "audit" || action == "export") return false;
    if (user == "coach_south") {
        return action != "close" && action != "reopen" && action != "subject_access";
    }
    return true;  // leader_south
}

const char* const kUsers[] = {"coach_south",  "leader_south", "coach_north",
                              "leader_north", "sf",           "admin"};

}  // namespace

BOOST_DATA_TEST_CASE(every_forbidden_pair_is_refused_and_audited,
                     data::make(kUsers) * data::xrange(std::size(kAttempts)), user, index) {
    ApiFixture api;
    const Attempt& attempt = kAttempts[index];
    if (std::string(attempt.action) != "create") api.postExample("okafor-ready-to-close");
    const std::string body = std::string(attempt.body) == "okafor"
                                 ? ApiFixture::example("okafor-ready-to-close")
                                 : attempt.body;
    std::map<std::string, std::string> headers{{"X-Request-Id", "matrix-1"}};
    if (attempt.ifMatch) headers["If-Match"] = "\"1\"";
    const Reply reply = api.call(attempt.method, attempt.path, api.token(user), body, headers);

    BOOST_TEST_CONTEXT(user << " " << attempt.method << " " << attempt.path) {
        if (allowed(user, attempt)) {
            BOOST_TEST(reply.status != 403);
            BOOST_TEST(reply.status != 401);
            BOOST_TEST(reply.status < 500);
        } else {
            BOOST_TEST(reply.status == 403);
            BOOST_TEST(reply.errorCode() == "forbidden");
            ehdocs::store::AuditQuery query;
            query.user = user;
            const auto trail = api.store.audit(query);
            BOOST_TEST_REQUIRE(trail.size() == 1u);
            BOOST_TEST(trail[0].outcome == "forbidden");
            BOOST_TEST(trail[0].action == attempt.action);
            BOOST_TEST(trail[0].requestId == "matrix-1");
            BOOST_TEST(!trail[0].role.empty());
            const bool aboutTheCase = std::string(attempt.path).find("NH-FF") != std::string::npos;
            if (aboutTheCase || (std::string(attempt.action) == "create" && user != "sf")) {
                BOOST_TEST(trail[0].caseId == "NH-FF-2026-0142");
            }
        }
    }
}
