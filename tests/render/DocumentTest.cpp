// Every document type rendered to HTML, with the content docs/documents.md requires.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <thread>

#include "Fixtures.h"
#include "render/RenderErrors.h"

using namespace ehdocs;
using namespace ehdocs::test;
namespace data = boost::unit_test::data;

namespace {

const char* const kOkafor = "examples/okafor-ready-to-close.json";
const char* const kBennett = "examples/bennett-disengaged.json";
const char* const kHughes = "examples/hughes-stepped-up.json";
const char* const kSample = "service/render/lint-sample.json";

struct Required {
    std::string type, file, meeting, date;
    std::vector<std::string> texts;  // each must appear in the HTML
};

std::ostream& operator<<(std::ostream& out, const Required& r) {
    return out << r.type << " of " << r.file << (r.meeting.empty() ? "" : " " + r.meeting);
}

const std::vector<Required> kRequired = {
    {"eha",
     kOkafor,
     "",
     "2026-06-26",
     {"Early Help Assessment", "<svg", "Genogram", "Ecomap", "Comfort Adeyemi",
      "Grace is warm and wants things to be better", "Shouting most mornings",
      "Calmer mornings so Daniel gets to school on time", "Daniel gets to school on time every day",
      "A routine that works", "I want mornings to be normal and not shouty.",
      "I know the mornings are hard.", "Needs are at level 2", "Wellbeing scale", "4/10",
      "Tom Reid", "20 March 2026", "it helped to see the good things written down"}},
    {"plan",
     kOkafor,
     "",
     "2026-06-26",
     {"Early Help Plan", "Daniel gets to school on time every day",
      "Attendance of 95% or more over a half term", "Weekly attendance check-in with Daniel",
      "Lisa Grant (school)", "30 June 2026", "Done", "Amira visits every two weeks.",
      "Daniel and Ruth are each seen on their own", "18 June 2026",
      "If attendance falls below 85% again", "What has changed since version 1"}},
    {"taf_minutes",
     kOkafor,
     "m2",
     "2026-06-26",
     {"Team Around the Family meeting minutes", "Review Team Around the Family meeting",
      "7 May 2026", "16:00", "Family home", "Lisa Grant", "Good progress",
      "Attendance 94% since Easter.", "Plan version 2 agreed", "6/10", "18 June 2026"}},
    {"taf_minutes",
     kOkafor,
     "m1",
     "2026-06-26",
     {"Dr Patel", "Apologies", "Shared by Amira: Daniel wants mornings to be normal",
      "Plan version 1 was agreed at this meeting"}},
    {"chronology",
     kOkafor,
     "",
     "2026-06-26",
     {"Daniel excluded for one day after a fight at school.", "27 February 2026",
      "Grace started therapy on 20 April", "St Example Primary School"}},
    {"case_notes",
     kOkafor,
     "",
     "2026-06-26",
     {"Case note record", "class=\"voc\"", "The chart is a bit babyish but it works.",
      "Phoned Grace to introduce myself", "3 March 2026, 11:00", "Seen alone"}},
    {"case_summary",
     kOkafor,
     "",
     "2026-06-26",
     {"Case summary", "Reason for involvement", "School attendance", "Family conflict",
      "Scores over time", "+4", "<svg", "Newham Talking Therapies", "Risks and worries"}},
    {"transfer_summary",
     kHughes,
     "",
     "2026-06-26",
     {"Transfer summary", "Step up to children", "Escalating risk of criminal exploitation.",
      "Sam Lee", "14 May 2026", "Who has been told"}},
    {"closure_summary",
     kOkafor,
     "",
     "2026-06-26",
     {"Closure summary", "Goals achieved", "Weekly then fortnightly home visits",
      "Mornings are calmer (Grace scores them 8/10)", "Youth club for Daniel", "4/10", "8/10",
      "26 June 2026", "Reasons for closure", "Ongoing support"}},
    {"closure_summary",
     kBennett,
     "",
     "2026-09-30",
     {"Attempts to engage the family", "Did not attend the school meeting", "Family did not engage",
      "Jayden"}},
    {"ending_letter",
     kHughes,
     "",
     "2026-05-14",
     {"Dear Marie", "Children&apos;s Social Care will work with your family", "Sam Lee",
      "14 May 2026"}},
    {"closure_letter",
     kOkafor,
     "",
     "2026-06-26",
     {"Dear Grace", "Thank you for working with Families First Service", "Daniel and Ruth",
      "Achieved", "call the Families First duty line on 020 7000 0142",
      "familiesfirst.south@example.gov.uk", "Youth club for Daniel", "Tell us how we did",
      "14 Cranberry Lane", "1000 Dockside Road"}},
    {"no_contact_letter",
     kBennett,
     "",
     "2026-09-30",
     {"Dear Kelly", "2 September 2026", "Telephone",
      "we closed our work with your family on 30 September 2026", "01234 000877"}},
    {"support_call_letter",
     kSample,
     "",
     "2026-06-26",
     {"We tried to call you on", "20 June 2026 at 10:00", "3 July 2026"}},
    {"referrer_outcome",
     kOkafor,
     "",
     "2026-06-26",
     {"Dear Lisa Grant", "St Example Primary School", "We offered the family support",
      "Goals achieved", "OFFICIAL-SENSITIVE", "2 March 2026"}},
    {"taf_invitation",
     kOkafor,
     "m3",
     "2026-06-01",
     {"Dear Grace", "18 June 2026 at 16:00", "Family home", "Lisa Grant", "15 June 2026",
      "look back at everything you have achieved"}},
    {"introduction_letter",
     "examples/nowak-open.json",
     "",
     "2026-09-20",
     {"Dear Aga and Piotr", "My name is Becky Hart and I am a", "22 September 2026", "01300 000120",
      "Kuba"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(documents)

BOOST_DATA_TEST_CASE(each_type_has_its_required_content, data::make(kRequired), r) {
    const Case& kase = loadCase(r.file);
    std::string html = renderer().renderHtml(kase, r.type, on(kase, r.date, r.meeting));
    for (const std::string& text : r.texts)
        BOOST_TEST(html.find(text) != std::string::npos, r << " lacks: " << text);
    // Every document names the family, the case reference, the lead worker and the date.
    BOOST_TEST(html.find(kase.family.familyName) != std::string::npos);
    BOOST_TEST(html.find(kase.caseId) != std::string::npos);
    BOOST_TEST(html.find(kase.worker(kase.leadWorker)->name) != std::string::npos);
    BOOST_TEST(html.find(Date::parse(r.date)->uk()) != std::string::npos);
    bool letter = renderer().types().find(r.type)->familyFacing;
    BOOST_TEST((html.find("OFFICIAL-SENSITIVE") != std::string::npos) == !letter, r);
}

BOOST_AUTO_TEST_CASE(the_chronology_is_in_date_order) {
    std::string html = renderer().renderHtml(loadCase(kOkafor), "chronology", on("2026-06-26"));
    std::vector<std::string> order = {
        "Daniel excluded for one day", "Referral from school", "Grace started talking therapy.",
        "Grace started therapy on 20 April", "Ending meeting: all plan goals achieved."};
    size_t last = 0;
    for (const std::string& text : order) {
        size_t pos = html.find(text);
        BOOST_TEST_REQUIRE(pos != std::string::npos, text);
        BOOST_TEST(pos > last, text << " is out of order");
        last = pos;
    }
}

BOOST_AUTO_TEST_CASE(case_notes_are_in_date_order_with_the_childs_voice_in_blue_bold) {
    std::string html = renderer().renderHtml(loadCase(kOkafor), "case_notes", on("2026-06-26"));
    BOOST_TEST(html.find("3 March 2026, 11:00") < html.find("18 June 2026, 16:00"));
    BOOST_TEST(html.find(".voc { color: #0047ab; font-weight: bold; }") != std::string::npos);
    BOOST_TEST(html.find("<p class=\"voc\">Voice of the child, Daniel Okafor") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(render_all_follows_the_documented_rules) {
    auto names = [](const Case& kase, const std::string& date) {
        std::vector<std::string> out;
        // sf_evidence (exports) and closure_readiness (rules) are tested by their areas.
        for (const auto& r : renderer().applicable(kase, *Date::parse(date)))
            if (r.type->id != "sf_evidence" && r.type->id != "closure_readiness")
                out.push_back(r.name());
        return out;
    };
    std::vector<std::string> okafor = names(loadCase(kOkafor), "2026-06-26");
    std::vector<std::string> expected = {"eha",
                                         "plan",
                                         "taf_minutes-m1",
                                         "taf_minutes-m2",
                                         "taf_minutes-m3",
                                         "chronology",
                                         "case_notes",
                                         "case_summary",
                                         "closure_summary",
                                         "closure_letter",
                                         "referrer_outcome"};
    BOOST_TEST(okafor == expected, boost::test_tools::per_element());
    std::vector<std::string> bennett = names(loadCase(kBennett), "2026-09-30");
    expected = {"chronology",      "case_notes",        "case_summary",
                "closure_summary", "no_contact_letter", "referrer_outcome"};
    BOOST_TEST(bennett == expected, boost::test_tools::per_element());
    // An invitation is only for a meeting still to come.
    std::vector<std::string> early = names(loadCase(kOkafor), "2026-05-01");
    BOOST_TEST(std::count(early.begin(), early.end(), "taf_invitation-m2") == 1);
    BOOST_TEST(std::count(early.begin(), early.end(), "taf_invitation-m1") == 0);
}

BOOST_AUTO_TEST_CASE(every_applicable_document_renders_for_every_example) {
    for (const char* file : {kOkafor, kBennett, kHughes, "examples/nowak-open.json", kSample}) {
        auto docs = renderAll(loadCase(file), "2026-06-26");
        BOOST_TEST(!docs.empty(), file);
        for (const auto& [name, html] : docs) {
            BOOST_TEST(html.find("<!DOCTYPE html>") == 0u, file << " " << name);
            BOOST_TEST(html.find("</html>") != std::string::npos, file << " " << name);
        }
    }
}

BOOST_AUTO_TEST_CASE(errors_say_what_was_wrong) {
    const Case& okafor = loadCase(kOkafor);
    BOOST_CHECK_EXCEPTION(renderer().renderHtml(okafor, "nonsense", on("2026-06-26")),
                          render::UnknownTypeException, [](const render::UnknownTypeException& e) {
                              return e.message() ==
                                     "unknown document type 'nonsense'; `ehdocs types` lists them";
                          });
    BOOST_CHECK_EXCEPTION(renderer().renderHtml(okafor, "taf_minutes", on("2026-06-26")),
                          render::MeetingException, [](const render::MeetingException& e) {
                              return e.message() ==
                                     "taf_minutes is for one meeting: give its id (--meeting); "
                                     "case NH-FF-2026-0142 has: m1, m2, m3";
                          });
    BOOST_CHECK_EXCEPTION(renderer().renderHtml(okafor, "taf_minutes", on("2026-06-26", "m9")),
                          render::MeetingException, [](const render::MeetingException& e) {
                              return e.message() ==
                                     "case NH-FF-2026-0142 has no meeting 'm9'; it has: m1, m2, m3";
                          });
    BOOST_CHECK_EXCEPTION(renderer().renderHtml(okafor, "transfer_summary", on("2026-06-26")),
                          render::NotApplicableException,
                          [](const render::NotApplicableException& e) {
                              return e.message() ==
                                     "transfer_summary does not apply to case NH-FF-2026-0142: "
                                     "the case has no transfer";
                          });
}

BOOST_AUTO_TEST_CASE(one_renderer_serves_many_threads_with_the_same_output) {
    const Case& okafor = loadCase(kOkafor);
    const std::string expected = renderer().renderHtml(okafor, "eha", on("2026-06-26"));
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                std::string html = renderer().renderHtml(okafor, "eha", on("2026-06-26"));
                if (html != expected) return;
            }
            results[t] = expected;
        });
    for (std::thread& t : threads) t.join();
    for (const std::string& r : results) BOOST_TEST((r == expected));
}

BOOST_AUTO_TEST_CASE(the_template_version_changes_with_the_template) {
    std::string builtIn = renderer().templateVersion("closure_letter");
    BOOST_TEST(builtIn.size() == 12u);
    render::DocumentRenderer custom(render::TemplateSet::withOverrides(
        std::string(EHDOCS_SOURCE_DIR) + "/tests/render/fixtures/authority-templates"));
    BOOST_TEST(custom.templateVersion("closure_letter") != builtIn);
    BOOST_TEST(custom.templateVersion("eha") == renderer().templateVersion("eha"));
}

BOOST_AUTO_TEST_SUITE_END()
