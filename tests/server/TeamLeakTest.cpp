// A 403 for another team's case does not name that team (docs/security.md, "Smaller").

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;

BOOST_FIXTURE_TEST_SUITE(team_leak, ApiFixture)

BOOST_AUTO_TEST_CASE(a_refusal_for_another_teams_case_names_only_the_callers_team) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const std::string kase = "/api/v1/cases/NH-FF-2026-0142";
    const std::vector<std::pair<std::string, std::string>> calls = {
        {"GET", kase},
        {"GET", kase + "/history"},
        {"GET", kase + "/readiness"},
        {"GET", kase + "/render/closure_letter"},
        {"POST", kase + "/close"},
    };
    for (const auto& [method, path] : calls) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            const Reply reply = call(method, path, token("leader_north"));
            BOOST_TEST(reply.status == 403);
            BOOST_TEST(reply.body.find("South") == std::string::npos, reply.body);
            BOOST_TEST(reply.body.find("North Locality") != std::string::npos, reply.body);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
