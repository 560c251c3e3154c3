// The `closure_readiness` document: the same findings as `ehdocs check`, printable, escaped.

#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

#include "CaseFixture.h"
#include "Processes.h"

namespace {

std::string render(const std::string& file, const std::string& date, int* status) {
    const ehdocs::test::Run rendered =
        ehdocs::test::runEhdocs({"render", file, "--type", "closure_readiness", "--date", date});
    *status = rendered.status;
    return rendered.out + rendered.err;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_open_case_lists_what_blocks_and_what_is_late) {
    int status = 0;
    std::string html =
        render(std::string(EHDOCS_SOURCE_DIR) + "/examples/nowak-open.json", "2026-11-23", &status);
    BOOST_TEST(status == 0, html);
    BOOST_TEST(html.find("Not ready to close") != std::string::npos);
    BOOST_TEST(html.find("12 blocking, 3 late, 3 other warnings") != std::string::npos);
    BOOST_TEST(html.find("<code>closure.reason</code>") != std::string::npos);
    BOOST_TEST(html.find("Dorset Locality Early Help (dorset-locality)") != std::string::npos);
    // Blocking findings come before late ones.
    BOOST_TEST(html.find("closure.reason") < html.find("time.assessment"));
}

BOOST_AUTO_TEST_CASE(a_ready_case_is_measured_to_its_closure_date) {
    int status = 0;
    std::string html =
        render(std::string(EHDOCS_SOURCE_DIR) + "/examples/okafor-ready-to-close.json",
               "2026-11-23", &status);
    BOOST_TEST(status == 0, html);
    BOOST_TEST(html.find("Ready to close") != std::string::npos);
    BOOST_TEST(
        html.find("23 November 2026; timescales measured to the closure date, 26 June 2026") !=
        std::string::npos);
    BOOST_TEST(html.find("Nothing blocks closure and every timescale was met.") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(case_text_in_findings_is_escaped) {
    Poco::JSON::Object::Ptr json = ehdocs::test::loadExample("okafor-ready-to-close.json");
    ehdocs::test::mutate(json, "closure.ongoing_support[+]",
                         R"({"agency": "<script>alert('x')</script>", "support": "x"})");
    Poco::TemporaryFile file;
    {
        Poco::FileOutputStream out(file.path());
        json->stringify(out);
    }
    int status = 0;
    std::string html = render(file.path(), "2026-11-23", &status);
    BOOST_TEST(status == 0, html);
    BOOST_TEST(html.find("<script>alert") == std::string::npos);
    BOOST_TEST(html.find("&lt;script&gt;alert") != std::string::npos, html);
}
