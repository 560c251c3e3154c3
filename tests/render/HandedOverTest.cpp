// Plan actions handed over to another service (closure-rules.md version 2, item 5) are resolved
// in every document that lists actions: shown with their own status and who carries them on,
// and never as outstanding.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "Fixtures.h"

using namespace ehdocs;
using test::loadCase;
using test::on;
using test::renderer;
namespace data = boost::unit_test::data;

namespace {

const std::string kHandedOverRow =
    "<tr><td>Weekly attendance check-in with Daniel<br><span class=\"muted\">Lisa Grant at "
    "school</span></td>";
const std::string kStatus = "<td>Handed over to another service</td></tr>";

bool has(const std::string& html, const std::string& text) {
    return html.find(text) != std::string::npos;
}

// Okafor with its weekly check-in (done in the file) handed over to the school instead.
Case okaforHandingOver(const std::string& status = "handed_over") {
    Case kase = loadCase("examples/okafor-ready-to-close.json");
    for (Action& a : kase.plans.back().actions)
        if (a.action == "Weekly attendance check-in with Daniel") {
            a.status = status;
            a.note = "Lisa Grant at school";
        }
    return kase;
}

// Hughes (stepped up, with a transfer) with its one action handed over.
Case hughesHandingOver() {
    Case kase = loadCase("examples/hughes-stepped-up.json");
    Action& a = kase.plans.back().actions.at(0);
    a.status = "handed_over";
    a.note = "Duty social worker";
    return kase;
}

const char* const kOkaforTypes[] = {"plan", "case_summary", "closure_summary"};

}  // namespace

BOOST_AUTO_TEST_SUITE(HandedOver)

BOOST_DATA_TEST_CASE(the_plan_table_shows_the_action_handed_over_and_to_whom,
                     data::make(kOkaforTypes), type) {
    const std::string html = renderer().renderHtml(okaforHandingOver(), type, on("2026-06-26"));
    BOOST_TEST(has(html, kHandedOverRow));
    BOOST_TEST(has(html, kStatus));
}

BOOST_AUTO_TEST_CASE(the_case_summary_does_not_list_a_handed_over_action_as_outstanding) {
    const std::string handed =
        renderer().renderHtml(okaforHandingOver(), "case_summary", on("2026-06-26"));
    BOOST_TEST(!has(handed, "Outstanding action"));
    // The same action still in progress is outstanding: the table is there when it should be.
    const std::string open =
        renderer().renderHtml(okaforHandingOver("in_progress"), "case_summary", on("2026-06-26"));
    BOOST_TEST(has(open, "Outstanding action"));
    BOOST_TEST(has(open, "<td>Weekly attendance check-in with Daniel</td>"));
}

BOOST_AUTO_TEST_CASE(the_transfer_summary_shows_the_action_handed_over) {
    const std::string html =
        renderer().renderHtml(hughesHandingOver(), "transfer_summary", on("2026-06-26"));
    BOOST_TEST(has(html,
                   "<tr><td>Safety plan with Tyler and Marie<br><span class=\"muted\">Duty "
                   "social worker</span></td>"));
    BOOST_TEST(has(html, kStatus));
    BOOST_TEST(!has(html, "In progress"));
}

BOOST_AUTO_TEST_SUITE_END()
