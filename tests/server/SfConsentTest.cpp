// The consent rule in the Supporting Families views (docs/security.md, "Consent"): the SF
// coordinator's case view and the SF workbook's Evidence sheet, over the API and from the
// command line, never name a child whose consent is not `given` (Ruth, `refused`, here),
// while children who consented (Daniel) are still named.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/Decompress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "ApiFixture.h"
#include "Processes.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;

namespace {

const std::string kFixture =
    std::string(EHDOCS_SOURCE_DIR) + "/tests/render/fixtures/okafor-ruth-refused.json";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every XML part of a workbook (.xlsx is a ZIP), concatenated: its text is in there.
std::string workbookText(const std::string& bytes) {
    std::istringstream in(bytes);
    Poco::Zip::ZipArchive archive(in);
    std::string all;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        if (it->second.isDirectory()) continue;
        std::istringstream again(bytes);
        Poco::Zip::ZipInputStream entry(again, it->second);
        std::stringstream text;
        text << entry.rdbuf();
        all += text.str();
    }
    return all;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sf_consent, ApiFixture)

BOOST_AUTO_TEST_CASE(the_sf_case_view_leaves_out_a_child_without_consent) {
    BOOST_REQUIRE(call("POST", "/api/v1/cases", token("admin"), slurp(kFixture)).status == 201);
    const Reply view = call("GET", "/api/v1/cases/NH-FF-2026-0142-CONSENT", token("sf"));
    BOOST_TEST(view.status == 200);
    BOOST_TEST(contains(view.body, "Daniel"));
    BOOST_TEST(!contains(view.body, "Ruth"), view.body);
}

BOOST_AUTO_TEST_CASE(the_sf_workbook_over_the_api_does_not_name_her) {
    BOOST_REQUIRE(call("POST", "/api/v1/cases", token("admin"), slurp(kFixture)).status == 201);
    const Reply workbook = call("GET", "/api/v1/exports/sf.xlsx?as_of=2026-07-01", token("sf"));
    BOOST_TEST(workbook.status == 200);
    const std::string text = workbookText(workbook.body);
    BOOST_TEST(contains(text, "Daniel"));
    BOOST_TEST(!contains(text, "Ruth"));
}

BOOST_AUTO_TEST_CASE(the_sf_workbook_from_the_command_line_does_not_name_her) {
    Poco::TemporaryFile out;
    const ehdocs::test::Run exported = ehdocs::test::runEhdocs(
        {"export", "sf", kFixture, "--as-of", "2026-07-01", "-o", out.path()});
    BOOST_REQUIRE_MESSAGE(exported.status == 0, exported.err);
    const std::string text = workbookText(slurp(out.path()));
    BOOST_TEST(contains(text, "Daniel"));
    BOOST_TEST(!contains(text, "Ruth"));
}

BOOST_AUTO_TEST_SUITE_END()
