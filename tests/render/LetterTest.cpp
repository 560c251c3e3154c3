// Family letters fit the family's situation: the referrer's letter per decision, the
// introduction letter, young people as addressees, the language offer, the closure letter
// for each way of ending, and the view model withholding names.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "Fixtures.h"
#include "pdf/WkhtmltopdfPool.h"
#include "render/RenderErrors.h"
#include "rules/ProfileRegistry.h"

using namespace ehdocs;
using namespace ehdocs::test;
namespace data = boost::unit_test::data;

namespace {

const char* const kOkafor = "examples/okafor-ready-to-close.json";
const char* const kNowak = "examples/nowak-open.json";
const char* const kHughes = "examples/hughes-stepped-up.json";

bool has(const std::string& html, const std::string& text) {
    return html.find(text) != std::string::npos;
}

// The Okafors as an open case, before any closure, with the referral decided as `decision`.
Case okaforDecided(const std::string& decision) {
    Case kase = loadCase(kOkafor);
    kase.closure.reset();
    kase.status = "open";
    kase.referral.decision->outcome = decision;
    return kase;
}

struct Decision {
    std::string outcome;
    std::vector<std::string> says, neverSays;
};

std::ostream& operator<<(std::ostream& out, const Decision& d) {
    return out << d.outcome;
}

const std::string kOngoing = "Our work with the family is ongoing";

const std::vector<Decision> kDecisions = {
    {"allocated",
     {"We offered the family support from Families First Service", "Amira Khan, Family Coach",
      kOngoing + ". Amira Khan will keep you involved through the Team Around the Family."},
     {"is not working with the family"}},
    {"nam",
     {"Neighbourhood Action Meeting (NAM)", "local services agree which of them is best placed",
      "Families First Service is not working with the family."},
     {"No further action", kOngoing}},
    {"signpost",
     {"We gave the family details of other services",
      "Families First Service is not working with the family."},
     {kOngoing, "Team Around the Family"}},
    {"redirect_to_csc",
     {"We passed the referral to Children's Social Care",
      "Families First Service is not working with the family."},
     {kOngoing}},
    {"advice",
     {"We gave advice and information", "Families First Service is not working with the family."},
     {kOngoing}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(referrer_letter)

BOOST_DATA_TEST_CASE(each_decision_has_its_own_words, data::make(kDecisions), d) {
    Case kase = okaforDecided(d.outcome);
    std::string html = renderer().renderHtml(kase, "referrer_outcome", on("2026-03-03"));
    for (const std::string& text : d.says) BOOST_TEST(has(html, text), d << " lacks: " << text);
    for (const std::string& text : d.neverSays)
        BOOST_TEST(!has(html, text), d << " says: " << text);
}

BOOST_AUTO_TEST_CASE(a_closed_case_gives_the_plain_reason_never_the_workers_notes) {
    const Case& okafor = loadCase(kOkafor);
    std::string html = renderer().renderHtml(okafor, "referrer_outcome", on("2026-06-26"));
    BOOST_TEST(
        has(html, "We closed our work with the family on 26 June 2026. Reason: Goals achieved."));
    BOOST_TEST(!has(html, "Grace feels able to manage without the service"));  // reason_detail
    BOOST_TEST(!has(html, "therapy continues"));                               // ongoing support
    BOOST_TEST(!has(html, kOngoing));
    Case other = okafor;
    other.closure->reason = "other";
    html = renderer().renderHtml(other, "referrer_outcome", on("2026-06-26"));
    BOOST_TEST(has(html, "Reason: Closed for another reason."));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(introduction_letter)

BOOST_AUTO_TEST_CASE(it_says_why_that_it_is_voluntary_how_long_consent_and_privacy) {
    const Case& nowak = loadCase(kNowak);
    render::DocumentRenderer withProfiles(
        render::TemplateSet::builtIn(),
        render::LetterSettings::withProfiles(rules::ProfileRegistry::builtIn()));
    std::string html = withProfiles.renderHtml(nowak, "introduction_letter", on("2026-09-20"));
    for (const char* text :
         {"Dear Aga and Piotr", "Your family was referred to us on 14 September 2026.",
          "<li>money worries</li>", "<li>your home</li>", "<li>how a child is feeling</li>",
          "Working with us is up to you.", "We usually work with a family for 3 to 6 months.",
          "I will ask you to sign a form to say you agree to work with us",
          "You can change your mind at any time. Just tell me, or call the team on 01300 000120.",
          "we must tell Children's Social Care",
          "When we meet, I will give you a copy of our privacy notice.", "by 22 September 2026"})
        BOOST_TEST(has(html, text), text);
    BOOST_TEST(!has(html, "Nothing is decided without you"));
    BOOST_TEST(!has(html, "Financial"));  // the reasons are in the family's words

    // The profile decides how long; the service decides the privacy sentence.
    Case tower = nowak;
    tower.profile = "tower-hamlets";
    render::LetterSettings settings =
        render::LetterSettings::withProfiles(rules::ProfileRegistry::builtIn());
    settings.privacyNotice = "Read our privacy notice at example.gov.uk/privacy.";
    render::DocumentRenderer custom(render::TemplateSet::builtIn(), settings);
    html = custom.renderHtml(tower, "introduction_letter", on("2026-09-20"));
    BOOST_TEST(has(html, "We usually work with a family for 6 to 12 weeks."));
    BOOST_TEST(has(html, "Read our privacy notice at example.gov.uk/privacy."));
    // Without profiles the letter leaves the sentence out rather than leave a gap.
    html = renderer().renderHtml(nowak, "introduction_letter", on("2026-09-20"));
    BOOST_TEST(!has(html, "We usually work with a family"));
}

BOOST_AUTO_TEST_CASE(a_family_who_asked_for_help_is_told_so) {
    Case kase = loadCase(kNowak);
    kase.referral.source = "self";
    std::string html = renderer().renderHtml(kase, "introduction_letter", on("2026-09-20"));
    BOOST_TEST(has(html, "You asked us for help on 14 September 2026."));
}

BOOST_AUTO_TEST_CASE(there_is_none_once_the_work_has_ended) {
    BOOST_CHECK_EXCEPTION(
        renderer().renderHtml(loadCase(kHughes), "introduction_letter", on("2026-05-14")),
        render::NotApplicableException, [](const render::NotApplicableException& e) {
            return e.message() ==
                   "introduction_letter does not apply to case BAR-EH-2026-0311: the work with "
                   "the family has ended: an introduction letter is for the start";
        });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(addressees)

// Daniel Okafor, born `dob`, asks for letters himself.
Case danielReceivesLetters(const std::string& dob) {
    Case kase = loadCase(kOkafor);
    for (Member& m : kase.family.members)
        if (m.id == "c1") {
            m.dob = Date::parse(dob);
            m.receivesLetters = true;
        }
    return kase;
}

BOOST_AUTO_TEST_CASE(a_young_person_of_16_is_written_to) {
    Case kase = danielReceivesLetters("2010-06-26");  // 16 on the letter's date
    render::View v = renderer().view(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(textAt(v, "salutation") == "Dear Grace and Daniel");
    BOOST_TEST(textAt(v, "address_block.0.line") == "Grace Okafor and Daniel Okafor");
    BOOST_TEST(at(v, "addressees.1.is_young_person").flag());
    BOOST_TEST(textAt(v, "children_called") == "Ruth");  // written to Daniel, not about him
    std::string html = renderer().renderHtml(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(has(html, "Dear Grace and Daniel,"));
    BOOST_TEST(has(html, "getting to know you and Ruth."));
    // Records still name every child.
    render::View summary = renderer().view(kase, "referrer_outcome", on("2026-06-26"));
    BOOST_TEST(textAt(summary, "children_called") == "Daniel and Ruth");
}

BOOST_AUTO_TEST_CASE(a_child_of_15_never_is_whatever_the_flag_says) {
    Case kase = danielReceivesLetters("2010-06-27");  // 16 tomorrow
    render::View v = renderer().view(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(textAt(v, "salutation") == "Dear Grace");
    BOOST_TEST(at(v, "addressees").items().size() == 1u);
    BOOST_TEST(textAt(v, "children_called") == "Daniel and Ruth");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(language_offer)

BOOST_AUTO_TEST_CASE(a_family_whose_language_is_not_english_is_offered_it) {
    std::string html =
        renderer().renderHtml(loadCase(kNowak), "introduction_letter", on("2026-09-20"));
    BOOST_TEST(has(html,
                   "If you would like this letter in Polish, or would like an interpreter, "
                   "please call us on 01300 000120."));
}

BOOST_AUTO_TEST_CASE(an_interpreter_is_offered_when_one_is_needed) {
    Case kase = loadCase(kOkafor);
    kase.family.interpreterNeeded = true;
    std::string html = renderer().renderHtml(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(has(html,
                   "If you would like an interpreter to help with this letter, please call "
                   "us on 020 7000 0142."));
    BOOST_TEST(!has(html, "this letter in English"));
}

BOOST_AUTO_TEST_CASE(no_offer_for_an_english_speaking_family_or_a_professional) {
    const Case& okafor = loadCase(kOkafor);
    for (const auto& [name, html] : renderAll(okafor, "2026-06-26"))
        BOOST_TEST(!has(html, "language-offer\">"), name);
    std::string referrer =
        renderer().renderHtml(loadCase(kNowak), "referrer_outcome", on("2026-09-20"));
    BOOST_TEST(!has(referrer, "If you would like this letter in Polish"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(withheld_names)

BOOST_AUTO_TEST_CASE(the_view_model_itself_withholds_the_names) {
    const Case& kase = loadCase("tests/render/fixtures/okafor-ruth-refused.json");
    render::View notes = renderer().view(kase, "case_notes", on("2026-06-26"));
    bool replaced = false;
    for (const render::View& c : at(notes, "contacts").items()) {
        BOOST_TEST(c.get("summary")->text().find("Ruth") == std::string::npos);
        if (c.get("summary")->text() ==
            "Continued the assessment with Grace. [name withheld] "
            "drew her family.")
            replaced = true;
    }
    BOOST_TEST(replaced);
    render::View plan = renderer().view(kase, "plan", on("2026-06-26"));
    BOOST_TEST(textAt(plan, "seen_alone_plan") ==
               "Daniel and [name withheld] are each seen on their own at least once a month.");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(closure_letter)

struct Ending {
    std::string reason;
    std::vector<std::string> says, neverSays;
};

std::ostream& operator<<(std::ostream& out, const Ending& e) {
    return out << e.reason;
}

// What every closure letter carries: the final plan and who to contact.
const std::vector<std::string> kFinalPlan = {
    "Your plan at the end", "Daniel gets to school on time every day: <strong>Achieved</strong>",
    "call the Families First duty line on 020 7000 0142", "Tell us how we did"};

const std::vector<Ending> kEndings = {
    {"goals_achieved",
     {"I have really enjoyed getting to know you and Daniel and Ruth", "you should be proud",
      "What we agreed to do if things get worse", "If attendance falls below 85% again"},
     {"door stays open"}},
    {"work_complete_universal_support",
     {"the help you still need can come from people you already know",
      "Help from other services that carries on",
      "St Example Community Centre: Youth club for Daniel"},
     {"you should be proud", "door stays open"}},
    {"moved_away",
     {"As you have moved away, our work with your family ended on 26 June 2026",
      "Where to get help now", "Ask for their Early Help team"},
     {"you should be proud", "enjoyed getting to know you"}},
    {"consent_withdrawn",
     {"You told us that you do not want to work with Families First Service any more.",
      "That is your choice, and we respect it.", "The door stays open", "If you change your mind"},
     {"you should be proud", "enjoyed getting to know you", "We are still worried"}},
    {"other",
     {"our work with your family ended on 26 June 2026", "The door stays open"},
     {"you should be proud", "enjoyed getting to know you", "We are still worried"}},
};

Case okaforClosedAs(const std::string& reason) {
    Case kase = loadCase(kOkafor);
    kase.closure->reason = reason;
    return kase;
}

BOOST_DATA_TEST_CASE(each_way_of_ending_has_its_own_letter, data::make(kEndings), e) {
    std::string html =
        renderer().renderHtml(okaforClosedAs(e.reason), "closure_letter", on("2026-06-26"));
    for (const std::string& text : e.says) BOOST_TEST(has(html, text), e << " lacks: " << text);
    for (const std::string& text : kFinalPlan) BOOST_TEST(has(html, text), e << " lacks: " << text);
    for (const std::string& text : e.neverSays)
        BOOST_TEST(!has(html, text), e << " says: " << text);
}

BOOST_AUTO_TEST_CASE(each_letter_reads_the_same_in_its_pdf) {
    WkhtmltopdfPool pool(PdfSettings{});
    for (const Ending& e : kEndings) {
        std::string text = pdfText(renderer().renderPdf(okaforClosedAs(e.reason), "closure_letter",
                                                        on("2026-06-26"), pool));
        // pdftotext breaks lines where the page does: compare the first words of each phrase.
        std::string first = e.says.front().substr(0, 30);
        BOOST_TEST(has(text, first), e << " PDF lacks: " << first);
        BOOST_TEST(has(text, "Your plan at the end"), e);
        for (const std::string& never : e.neverSays) BOOST_TEST(!has(text, never), e << never);
    }
}

BOOST_AUTO_TEST_CASE(a_family_who_did_not_engage_gets_the_no_contact_letter_instead) {
    BOOST_CHECK_EXCEPTION(
        renderer().renderHtml(okaforClosedAs("disengaged"), "closure_letter", on("2026-06-26")),
        render::NotApplicableException, [](const render::NotApplicableException& e) {
            return e.message() ==
                   "closure_letter does not apply to case NH-FF-2026-0142: the family did not "
                   "engage: send no_contact_letter instead";
        });
}

BOOST_AUTO_TEST_CASE(a_stepped_up_family_gets_no_closure_letter) {
    BOOST_CHECK_EXCEPTION(
        renderer().renderHtml(loadCase(kHughes), "closure_letter", on("2026-05-14")),
        render::NotApplicableException, [](const render::NotApplicableException& e) {
            return e.message() ==
                   "closure_letter does not apply to case BAR-EH-2026-0311: the case was stepped "
                   "up to Children's Social Care: the family gets an ending_letter, not a "
                   "closure letter";
        });
    std::vector<std::string> letters;
    for (const auto& r : renderer().applicable(loadCase(kHughes), *Date::parse("2026-05-14")))
        if (r.type->familyFacing) letters.push_back(r.name());
    BOOST_TEST(letters == std::vector<std::string>{"ending_letter"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_final_plan_names_what_carries_on_and_who_does_it) {
    Case kase = loadCase(kOkafor);
    Plan& plan = kase.plans.back();
    for (Action& a : plan.actions)
        if (a.action == "Weekly attendance check-in with Daniel") {
            a.status = "handed_over";
            a.note = "Lisa Grant at school";
        }
    std::string html = renderer().renderHtml(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(has(html, "These parts of your plan carry on after we finish:"));
    BOOST_TEST(has(html, "<li>Weekly attendance check-in with Daniel: Lisa Grant at school</li>"));
    // Done and dropped actions are not carried on.
    BOOST_TEST(!has(html, "A family activity every weekend"));
    // Without a handed-over action there is no such list.
    html = renderer().renderHtml(loadCase(kOkafor), "closure_letter", on("2026-06-26"));
    BOOST_TEST(!has(html, "These parts of your plan carry on"));
}

BOOST_AUTO_TEST_CASE(a_continuing_concern_is_named_when_a_manager_referred_the_family_on) {
    Case kase = okaforClosedAs("consent_withdrawn");
    SafeguardingDecision decision;
    decision.by = "w2";
    decision.referred = true;
    kase.closure->safeguardingDecision = decision;
    std::string html = renderer().renderHtml(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(has(html,
                   "We are still worried about getting to school every day, arguments or "
                   "stress at home and how a parent is feeling. So we have asked "
                   "Children's Social Care to help."));
    decision.referred = false;
    kase.closure->safeguardingDecision = decision;
    html = renderer().renderHtml(kase, "closure_letter", on("2026-06-26"));
    BOOST_TEST(!has(html, "We are still worried"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ending_letter)

BOOST_AUTO_TEST_CASE(a_step_up_says_what_happens_next_and_names_the_new_worker) {
    const Case& hughes = loadCase(kHughes);
    std::string html = renderer().renderHtml(hughes, "ending_letter", on("2026-05-14"));
    for (const char* text :
         {"From 14 May 2026, Children&apos;s Social Care will work with your family instead of us.",
          "What happens next", "Your new worker: Sam Lee, Children&apos;s Social Care",
          "They will get in touch soon to meet you.", "so you will not have to start again"})
        BOOST_TEST(has(html, text), text);
    WkhtmltopdfPool pool(PdfSettings{});
    std::string text =
        pdfText(renderer().renderPdf(hughes, "ending_letter", on("2026-05-14"), pool));
    BOOST_TEST(has(text, "Your new worker: Sam Lee"), text);
}

BOOST_AUTO_TEST_CASE(a_receiving_worker_who_is_not_on_the_case_is_named) {
    Case kase = loadCase(kHughes);
    kase.transfers.back().to.worker.clear();
    kase.transfers.back().to.name = "Ruth Cole";
    std::string html = renderer().renderHtml(kase, "ending_letter", on("2026-05-14"));
    BOOST_TEST(has(html, "Your new worker: Ruth Cole, Children&apos;s Social Care"));
    kase.transfers.back().to.name.clear();
    html = renderer().renderHtml(kase, "ending_letter", on("2026-05-14"));
    BOOST_TEST(has(html, "A worker from Children&apos;s Social Care will be your new worker."));
}

BOOST_AUTO_TEST_CASE(a_step_down_and_a_change_of_lead_each_say_what_changes) {
    Case kase = loadCase(kHughes);
    Transfer& t = kase.transfers.back();
    t.kind = "to_universal";
    t.to.service = "St Example Children's Centre";
    std::string html = renderer().renderHtml(kase, "ending_letter", on("2026-05-14"));
    BOOST_TEST(has(html,
                   "From 14 May 2026, we will stop working with your family. Things have "
                   "improved, and St Example Children&apos;s Centre will carry on"));
    BOOST_TEST(!has(html, "needs more help than we can give"));
    t.kind = "lead_change";
    t.to.service = "0-19 Early Help";
    html = renderer().renderHtml(kase, "ending_letter", on("2026-05-14"));
    BOOST_TEST(has(html,
                   "your family will have a new lead worker, Sam Lee, from 0-19 Early Help. "
                   "Your plan stays the same."));
}

BOOST_AUTO_TEST_CASE(no_ending_letter_when_the_family_is_not_to_be_told) {
    Case kase = loadCase(kHughes);
    kase.transfers.back().familyInformed = false;
    kase.transfers.back().notInformedReason = "Telling the family now would put Tyler at risk.";
    BOOST_CHECK_EXCEPTION(
        renderer().renderHtml(kase, "ending_letter", on("2026-05-14")),
        render::NotApplicableException, [](const render::NotApplicableException& e) {
            return e.message() ==
                   "ending_letter does not apply to case BAR-EH-2026-0311: the transfer records "
                   "that the family is not to be told (family_informed: false), so no ending "
                   "letter is sent";
        });
    for (const auto& r : renderer().applicable(kase, *Date::parse("2026-05-14")))
        BOOST_TEST(!r.type->familyFacing, r.name() << " is written for a family not to be told");
}

BOOST_AUTO_TEST_SUITE_END()
