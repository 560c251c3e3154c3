// The view model: dates, ages, names, addressees, goals, scores and the consent rule.
#include <boost/test/unit_test.hpp>

#include "Fixtures.h"
#include "render/CaseView.h"
#include "render/ViewModel.h"

using namespace ehdocs;
using namespace ehdocs::test;

namespace {
const char* const kOkafor = "examples/okafor-ready-to-close.json";
const char* const kNowak = "examples/nowak-open.json";
const char* const kRuthRefused = "tests/render/fixtures/okafor-ruth-refused.json";
}  // namespace

BOOST_AUTO_TEST_SUITE(view_model)

BOOST_AUTO_TEST_CASE(every_document_names_family_case_worker_and_date) {
    render::View v = renderer().view(loadCase(kOkafor), "closure_summary", on("2026-06-26"));
    BOOST_TEST(textAt(v, "produced_on") == "26 June 2026");
    BOOST_TEST(textAt(v, "family_heading") == "The Okafor family");
    BOOST_TEST(textAt(v, "case_ref") == "NH-FF-2026-0142");
    BOOST_TEST(textAt(v, "lead_worker_name") == "Amira Khan");
    BOOST_TEST(textAt(v, "lead_worker_role") == "Family Coach");
    BOOST_TEST(textAt(v, "lead_worker_phone") == "020 7000 0143");
    BOOST_TEST(textAt(v, "lead_worker_email") == "amira.khan@example.gov.uk");
    BOOST_TEST(textAt(v, "marking") == "OFFICIAL-SENSITIVE");
    BOOST_TEST(textAt(v, "service_address.3.line") == "London E16 2QU");
}

BOOST_AUTO_TEST_CASE(ages_are_on_the_produced_on_date) {
    const Case& kase = loadCase(kOkafor);
    // Daniel was born on 3 September 2014: 11 the day before his birthday, 12 on it.
    BOOST_TEST(textAt(renderer().view(kase, "eha", on("2026-09-02")), "children.0.age") == "11");
    BOOST_TEST(textAt(renderer().view(kase, "eha", on("2026-09-03")), "children.0.age") == "12");
    render::View v = renderer().view(kase, "eha", on("2026-06-26"));
    BOOST_TEST(textAt(v, "children.0.name") == "Daniel Okafor");
    BOOST_TEST(textAt(v, "children.0.dob") == "3 September 2014");
    BOOST_TEST(textAt(v, "children.1.age") == "7");
    BOOST_TEST(textAt(v, "adults.0.name") == "Grace Okafor");
    BOOST_TEST(textAt(v, "adults.0.parental_responsibility") == "Yes");
}

BOOST_AUTO_TEST_CASE(unborn_children_show_their_expected_date) {
    render::View v = renderer().view(loadCase(kNowak), "eha", on("2026-10-01"));
    bool found = false;
    for (const render::View& m : at(v, "members").items())
        if (m.get("name")->text() == "Baby Nowak") {
            found = true;
            BOOST_TEST(m.get("age")->text() == "expected 20 January 2027");
        }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(letters_go_to_adults_who_receive_letters_by_the_name_they_use) {
    render::View okafor = renderer().view(loadCase(kOkafor), "closure_letter", on("2026-06-26"));
    BOOST_TEST(textAt(okafor, "salutation") == "Dear Grace");
    BOOST_TEST(textAt(okafor, "addressee_names") == "Grace Okafor");
    BOOST_TEST(textAt(okafor, "address_block.0.line") == "Grace Okafor");
    BOOST_TEST(textAt(okafor, "address_block.1.line") == "14 Cranberry Lane");
    BOOST_TEST(textAt(okafor, "address_block.3.line") == "E6 2AB");
    BOOST_TEST(textAt(okafor, "marking").empty());
    // Samuel does not receive letters.
    BOOST_TEST(at(okafor, "addressees").items().size() == 1u);

    render::View nowak = renderer().view(loadCase(kNowak), "introduction_letter", on("2026-10-01"));
    BOOST_TEST(textAt(nowak, "salutation") == "Dear Aga and Piotr");
    BOOST_TEST(textAt(nowak, "address_block.0.line") == "Aga Nowak and Piotr Nowak");
}

BOOST_AUTO_TEST_CASE(goals_carry_their_actions_and_latest_progress) {
    render::View v = renderer().view(loadCase(kOkafor), "plan", on("2026-06-26"));
    BOOST_TEST(textAt(v, "plan_version") == "2");
    BOOST_TEST(textAt(v, "goals.0.outcome") == "Daniel gets to school on time every day");
    BOOST_TEST(textAt(v, "goals.0.members") == "Daniel Okafor");
    BOOST_TEST(textAt(v, "goals.0.actions.0.action") == "Weekly attendance check-in with Daniel");
    BOOST_TEST(textAt(v, "goals.0.actions.0.by") == "30 June 2026");
    BOOST_TEST(textAt(v, "goals.0.actions.0.status") == "Done");
    BOOST_TEST(textAt(v, "goals.0.progress") == "Achieved");  // the ending meeting's rating
    BOOST_TEST(at(v, "has_previous_plan").flag());
    bool sawStatusChange = false;
    for (const render::View& c : at(v, "changes").items())
        if (c.get("text")->text() ==
            "Make a morning routine chart with Daniel and Ruth: now Done (was In progress)")
            sawStatusChange = true;
    BOOST_TEST(sawStatusChange);
}

BOOST_AUTO_TEST_CASE(scores_at_the_start_and_the_end) {
    render::View v = renderer().view(loadCase(kOkafor), "closure_summary", on("2026-06-26"));
    BOOST_TEST(textAt(v, "score_history.0.who") == "Daniel Okafor");
    BOOST_TEST(textAt(v, "score_history.0.start") == "4/10");
    BOOST_TEST(textAt(v, "score_history.0.start_date") == "18 March 2026");
    BOOST_TEST(textAt(v, "score_history.0.end") == "8/10");
    BOOST_TEST(textAt(v, "score_history.0.change") == "+4");
    // Grace: 3 at the start, 6 at the review, 7 at the end.
    BOOST_TEST(textAt(v, "score_history.2.who") == "Grace Okafor");
    BOOST_TEST(at(v, "score_history.2.points").items().size() == 3u);
    BOOST_TEST(textAt(v, "score_history.2.end") == "7/10");
}

BOOST_AUTO_TEST_CASE(a_child_without_consent_is_left_out_of_the_view) {
    const Case& kase = loadCase(kRuthRefused);
    render::View eha = renderer().view(kase, "eha", on("2026-06-26"));
    BOOST_TEST(at(eha, "children").items().size() == 1u);
    BOOST_TEST(textAt(eha, "children.0.name") == "Daniel Okafor");
    BOOST_TEST(at(eha, "child_views").items().size() == 1u);  // Ruth's view is gone
    BOOST_TEST(at(eha, "baseline_scores").items().size() == 2u);
    BOOST_TEST(textAt(eha, "genogram_svg").find("Ruth") == std::string::npos);
    render::View notes = renderer().view(kase, "case_notes", on("2026-06-26"));
    for (const render::View& c : at(notes, "contacts").items()) {
        BOOST_TEST(c.get("with")->text().find("Ruth") == std::string::npos);
        BOOST_TEST(c.get("children_seen")->text().find("Ruth") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(withheld_names_are_replaced_as_whole_words) {
    std::vector<std::string> names = render::withheldNames(loadCase(kRuthRefused));
    BOOST_TEST(render::withholdNames("Ruth drew her family; Ruthless is a word.", names) ==
               "[name withheld] drew her family; Ruthless is a word.");
    BOOST_TEST(render::withholdNames("Ruth Okafor's drawing", names) ==
               "[name withheld]'s drawing");
}

BOOST_AUTO_TEST_SUITE_END()
