// Unauthenticated floods (docs/security.md): failed authentications are limited per client
// address (429 with Retry-After), the first refusals are audited one by one and the rest as a
// count; a valid token from the same address is never throttled.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"
#include "http/AuthThrottle.h"

using ehdocs::http::AuthThrottle;
using ehdocs::test::ApiFixture;
using namespace std::chrono_literals;

namespace {

struct Answer {
    int status;
    std::string retryAfter;
};

// GET `path` from the local address `from` (any 127.x.y.z is this machine).
Answer getFrom(const std::string& from, Poco::UInt16 port, const std::string& path,
               const std::string& token) {
    Poco::Net::StreamSocket socket;
    socket.impl()->bind(Poco::Net::SocketAddress(from, 0));
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
    Poco::Net::HTTPClientSession session(socket);
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    return {response.getStatus(), response.get("Retry-After", "")};
}

ehdocs::server::Settings throttled(int limit) {
    ehdocs::server::Settings settings = ApiFixture::testSettings();
    settings.authFailureLimit = limit;
    settings.authBlockSeconds = 60;
    return settings;
}

std::size_t audited(ApiFixture& api, const std::string& outcome) {
    std::size_t n = 0;
    for (const auto& e : api.store.audit({})) n += e.outcome == outcome;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_throttle)

BOOST_AUTO_TEST_CASE(counts_failures_per_address_and_reports_the_refused_when_a_block_ends) {
    auto now = std::chrono::steady_clock::time_point{} + 1000s;
    AuthThrottle throttle(2, 60s, [&] { return now; });
    BOOST_TEST(!throttle.failed("a").refuse);
    BOOST_TEST(!throttle.failed("a").refuse);
    const AuthThrottle::Verdict third = throttle.failed("a");
    BOOST_TEST(third.refuse);
    BOOST_TEST(third.blockStarts);
    BOOST_TEST(third.retryAfter == 60);
    now += 10s;
    const AuthThrottle::Verdict fourth = throttle.failed("a");
    BOOST_TEST(fourth.refuse);
    BOOST_TEST(!fourth.blockStarts);
    BOOST_TEST(fourth.retryAfter == 50);
    BOOST_TEST(!throttle.failed("b").refuse);  // another address is not affected
    BOOST_TEST(throttle.ended().empty());
    now += 51s;
    const auto ended = throttle.ended();
    BOOST_REQUIRE(ended.size() == 1u);
    BOOST_TEST(ended[0].address == "a");
    BOOST_TEST(ended[0].refused == 2);
    BOOST_TEST(!throttle.failed("a").refuse);  // a fresh period
}

BOOST_AUTO_TEST_CASE(a_flood_without_valid_tokens_gets_429_and_few_audit_entries) {
    ApiFixture api(throttled(3));
    BOOST_REQUIRE(api.postExample("okafor-ready-to-close", "coach_south").status == 201);
    const std::string path = "/api/v1/cases/NH-FF-2026-0142";
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(getFrom("127.0.0.2", api.port, path, "ehd_wrong").status == 401);
    }
    for (int i = 0; i < 50; ++i) {
        const Answer answer = getFrom("127.0.0.2", api.port, path, i % 2 ? "" : "ehd_wrong");
        BOOST_TEST(answer.status == 429);
        BOOST_TEST(!answer.retryAfter.empty());
        BOOST_TEST(std::stoi(answer.retryAfter) <= 60);
    }
    BOOST_TEST(audited(api, "unauthorized") == 3u);
    BOOST_TEST(audited(api, "too_many_requests") == 1u);  // the block's start, not 50 rows

    // A colleague behind the same address with a valid token, and another address.
    BOOST_TEST(getFrom("127.0.0.2", api.port, path, api.token("coach_south")).status == 200);
    BOOST_TEST(getFrom("127.0.0.3", api.port, path, "ehd_wrong").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
