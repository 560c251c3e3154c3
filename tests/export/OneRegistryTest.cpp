// One profile registry (issue 8, item 6): a profile edited in a `--profiles` directory changes
// the closure check, the closure_readiness document and the KPI workbook alike.

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "TestCases.h"

namespace {

const std::string kSource = EHDOCS_SOURCE_DIR;
const std::string kOkafor = kSource + "/examples/okafor-ready-to-close.json";

std::string runEhdocs(const std::string& arguments) {
    // Exit statuses 0 and 1 (ready or not) are both answers here: keep the output either way.
    return ehdocs::test::runCommand(std::string(EHDOCS_BINARY) + " " + arguments + " 2>&1; true");
}

// A copy of the built-in newham-ffs profile whose allocation timescale is 2 hours: Okafor
// (referred 09:15, allocated 16:30 the same day) becomes late.
std::string editedProfiles(const ehdocs::test::TempPath& dir) {
    std::filesystem::create_directories(dir.path());
    std::ifstream in(kSource + "/profiles/newham-ffs.properties");
    std::stringstream text;
    text << in.rdbuf();
    std::string profile = text.str();
    const std::string from = "time.allocation.limit = 24 hours";
    const auto at = profile.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    profile.replace(at, from.size(), "time.allocation.limit = 2 hours");
    std::ofstream(dir.path() + "/newham-ffs.properties") << profile;
    return dir.path();
}

std::string kpiAllocationRow(const std::string& workbook) {
    const std::string cells = ehdocs::test::runCommand(
        "/usr/bin/python3 " + kSource + "/tests/export/read_workbook.py " + workbook);
    const auto at = cells.find("Allocations in the period made within the profile's time");
    BOOST_REQUIRE(at != std::string::npos);
    return cells.substr(at, 400);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_edited_profile_changes_check_document_and_kpi_workbook_alike) {
    ehdocs::test::TempPath dir("");
    const std::string profiles = editedProfiles(dir);
    const std::string edited = " --profiles " + profiles;

    // The check.
    const std::string builtIn = runEhdocs("check " + kOkafor + " --json --as-of 2026-06-30");
    const std::string changed =
        runEhdocs("check " + kOkafor + " --json --as-of 2026-06-30" + edited);
    BOOST_TEST(builtIn.find("\"rule\":\"time.allocation\"") == std::string::npos, builtIn);
    BOOST_TEST(changed.find("\"rule\":\"time.allocation\"") != std::string::npos, changed);
    BOOST_TEST(changed.find("the standard is 2 hours") != std::string::npos, changed);

    // The closure_readiness document.
    const std::string render = "render " + kOkafor + " --type closure_readiness --date 2026-06-30";
    const std::string page = runEhdocs(render);
    const std::string editedPage = runEhdocs(render + edited);
    BOOST_TEST(page.find("Nothing blocks closure and every timescale was met.") !=
               std::string::npos);
    BOOST_TEST(page.find("the standard is 2 hours") == std::string::npos);
    BOOST_TEST(editedPage.find("the standard is 2 hours") != std::string::npos, editedPage);
    BOOST_TEST(editedPage.find("0 blocking, 1 late") != std::string::npos);

    // The KPI workbook.
    const std::string kpi = "export kpi " + kOkafor + " --from 2026-03-01 --to 2026-03-31 -o ";
    runEhdocs(kpi + dir.path() + "/built-in.xlsx");
    runEhdocs(kpi + dir.path() + "/edited.xlsx" + edited);
    const std::string before = kpiAllocationRow(dir.path() + "/built-in.xlsx");
    const std::string after = kpiAllocationRow(dir.path() + "/edited.xlsx");
    BOOST_TEST(before.find("within 24 hours of the referral") != std::string::npos, before);
    BOOST_TEST(after.find("within 2 hours of the referral") != std::string::npos, after);
}
