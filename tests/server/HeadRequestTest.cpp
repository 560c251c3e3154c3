// HEAD on every GET route (docs/api.md): the GET's status and headers, no body.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;

BOOST_FIXTURE_TEST_SUITE(head_requests, ApiFixture)

BOOST_AUTO_TEST_CASE(head_answers_like_get_without_a_body) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "coach_south").status == 201);
    for (const std::string path :
         {"/health", "/metrics", "/api/v1/cases", "/api/v1/cases/NH-FF-2026-0142",
          "/api/v1/cases/NH-FF-2026-0142/history", "/api/v1/cases/NH-FF-2026-0142/readiness"}) {
        BOOST_TEST_CONTEXT(path) {
            const Reply get = call("GET", path, token("admin"));
            const Reply head = call("HEAD", path, token("admin"));
            BOOST_TEST(get.status == 200);
            BOOST_TEST(head.status == get.status);
            BOOST_TEST(head.body.empty());
            BOOST_TEST(head.header("Content-Type") == get.header("Content-Type"));
        }
    }
    BOOST_TEST(call("HEAD", "/api/v1/cases/NH-FF-2026-0142").status == 401);
    const Reply wrong = call("DELETE", "/api/v1/cases/NH-FF-2026-0142", token("admin"));
    BOOST_TEST(wrong.status == 405);
    BOOST_TEST(wrong.header("Allow").find("HEAD") != std::string::npos, wrong.header("Allow"));
}

BOOST_AUTO_TEST_SUITE_END()
