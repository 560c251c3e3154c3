// Every answer to an /api request gets exactly one audit entry with its true outcome
// (docs/security.md, "Every answer audited"): here the ones that never reach an endpoint, an
// unknown sub-route and a malformed target.

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;

BOOST_FIXTURE_TEST_SUITE(audit_completeness, ApiFixture)

BOOST_AUTO_TEST_CASE(unknown_routes_and_malformed_targets_are_audited_once) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const struct {
        const char* path;
        int status;
        const char* outcome;
    } calls[] = {
        {"/api/v1/cases/NH-FF-2026-0142/nothing", 404, "not_found"},
        {"/api/v1/nothing", 404, "not_found"},
        {"/api/v1/cases/%zz", 400, "bad_request"},
    };
    for (const auto& c : calls) {
        BOOST_TEST_CONTEXT(c.path) {
            const std::size_t before = store.audit({}).size();
            const Reply reply = call("GET", c.path, token("admin"));
            BOOST_TEST(reply.status == c.status);
            const std::vector<ehdocs::store::AuditEntry> after = store.audit({});
            BOOST_REQUIRE(after.size() == before + 1);
            BOOST_TEST(after.back().outcome == c.outcome);
            BOOST_TEST(after.back().user == "admin");
        }
    }
    const std::size_t before = store.audit({}).size();
    BOOST_TEST(call("GET", "/health").status == 200);  // not the API: not audited
    BOOST_TEST(store.audit({}).size() == before);
}

BOOST_AUTO_TEST_CASE(a_download_is_audited_as_download) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const Reply issued = call("POST", "/api/v1/cases/NH-FF-2026-0142/documents",
                              token("leader_south"), R"({"type": "closure_letter"})");
    BOOST_REQUIRE(issued.status == 201);
    const std::string href = issued.header("Location");
    BOOST_TEST(call("GET", href, token("leader_south")).status == 200);
    BOOST_TEST(call("GET", href, token("sf")).status == 403);
    const std::vector<ehdocs::store::AuditEntry> all = store.audit({});
    BOOST_REQUIRE(all.size() >= 3u);
    BOOST_TEST(all[all.size() - 3].action == "issue");
    BOOST_TEST(all[all.size() - 2].action == "download");
    BOOST_TEST(all[all.size() - 2].outcome == "ok");
    BOOST_TEST(all.back().action == "download");
    BOOST_TEST(all.back().outcome == "forbidden");
}

BOOST_AUTO_TEST_SUITE_END()
