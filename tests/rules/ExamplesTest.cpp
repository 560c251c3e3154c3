// The two shared examples, as the spec states them.

#include <boost/test/unit_test.hpp>

#include "CaseFixture.h"
#include "case/CaseReader.h"
#include "rules/ClosureCheck.h"
#include "rules/ProfileRegistry.h"
#include "rules/ReportJson.h"

using namespace ehdocs;

namespace {

std::string ids(const std::vector<rules::Finding>& findings) {
    std::string out;
    for (const auto& f : findings) out += f.rule + ": " + f.message + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(okafor_is_ready_with_no_warnings_whenever_it_is_checked_after_closure) {
    for (const char* checked : {"2026-06-26", "2026-06-30", "2026-12-01"}) {
        rules::CheckReport report = test::runRow({"", "okafor", "", {}, checked, "", "", ""});
        BOOST_TEST(report.asOf.iso() == checked);
        BOOST_TEST(report.measuredTo.iso() == "2026-06-26");
        BOOST_TEST(report.blocking.empty(), checked << "\n" << ids(report.blocking));
        BOOST_TEST(report.warnings.empty(), checked << "\n" << ids(report.warnings));
        BOOST_TEST(report.due.empty());  // a closed case's clocks have stopped
    }
    rules::CheckReport report = test::runRow({"", "okafor", "", {}, "2026-06-30", "", "", ""});
    BOOST_TEST(report.profile == "newham-ffs");
    BOOST_TEST(report.caseId == "NH-FF-2026-0142");
    BOOST_TEST(report.blocking.empty(), ids(report.blocking));
    BOOST_TEST(report.warnings.empty(), ids(report.warnings));
    BOOST_TEST(report.readyToClose);
}

BOOST_AUTO_TEST_CASE(bennett_is_ready_with_exactly_one_warning_first_visit) {
    rules::CheckReport report = test::runRow({"", "bennett", "", {}, "", "", "", ""});
    BOOST_TEST(report.asOf.iso() == "2026-12-31");
    BOOST_TEST(report.measuredTo.iso() == "2026-09-30");
    BOOST_TEST(report.blocking.empty(), ids(report.blocking));
    BOOST_REQUIRE_EQUAL(report.warnings.size(), 1u);
    BOOST_TEST(report.warnings[0].rule == "time.first_visit");
    BOOST_TEST(report.warnings[0].message ==
               "No visit where a child was seen by 30 September 2026, 20 working days after "
               "allocation on 2 September 2026 (due by 16 September 2026); the standard is 10 "
               "working days.");
    BOOST_TEST(report.warnings[0].source == "004: Allocated work");
    BOOST_TEST(report.readyToClose);
}

BOOST_AUTO_TEST_CASE(report_json_has_the_spec_keys_in_order) {
    rules::CheckReport report = test::runRow({"", "bennett", "", {}, "", "", "", ""});
    std::string json = rules::reportToJsonText(report);
    BOOST_TEST(json.rfind("{\"case_id\":\"EHFW-2026-0877\",\"profile\":\"family-work-sop\","
                          "\"as_of\":\"2026-12-31\",\"measured_to\":\"2026-09-30\","
                          "\"ready_to_close\":true,\"blocking\":[],"
                          "\"warnings\":[{\"rule\":\"time.first_visit\",",
                          0) == 0,
               json);
}
