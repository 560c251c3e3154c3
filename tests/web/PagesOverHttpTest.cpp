// The web app behind the real HTTP server (port 0): paths outside the API reach the pages,
// the API's own paths and its JSON 404 are unchanged.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>

#include "WebFixture.h"
#include "http/HttpService.h"

namespace {

struct Reply {
    int status;
    std::string contentType, csp, body;
};

Reply fetch(Poco::UInt16 port, const std::string& path) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply reply{static_cast<int>(response.getStatus()), response.getContentType(),
                response.get("Content-Security-Policy", ""), ""};
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PagesOverHttpTest)

BOOST_FIXTURE_TEST_CASE(non_api_paths_reach_the_pages_and_the_api_is_unchanged,
                        ehdocs::test::WebFixture) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    ehdocs::http::HttpService http(service(), settings, socket);
    http.setPages([this](const ehdocs::http::ApiRequest& r) { return app->handle(r); });
    http.start();

    const Reply signIn = fetch(http.port(), "/sign-in");
    BOOST_TEST(signIn.status == 200);
    BOOST_TEST(signIn.contentType == "text/html; charset=utf-8");
    BOOST_TEST(signIn.csp.find("script-src 'self'") != std::string::npos);
    BOOST_TEST(signIn.body.find("<h1 class=\"govuk-heading-l\">Sign in</h1>") != std::string::npos);

    const Reply page = fetch(http.port(), "/cases");
    BOOST_TEST(page.status == 303);

    const Reply api = fetch(http.port(), "/api/v1/no-such-thing");
    BOOST_TEST(api.status == 404);
    BOOST_TEST(api.contentType == "application/json; charset=utf-8");
    BOOST_TEST(api.body.find("\"code\":\"not_found\"") != std::string::npos);
    BOOST_TEST(fetch(http.port(), "/health").body == "{\"status\":\"ok\"}");
    http.stop(1);
}

BOOST_AUTO_TEST_SUITE_END()
