// `ehdocs check` end to end: the binary, its exit statuses and what it prints.

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "Processes.h"

using Poco::JSON::Object;

namespace {

using ehdocs::test::Run;

// `ehdocs check ARGS`.
Run run(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"check"};
    full.insert(full.end(), args.begin(), args.end());
    return ehdocs::test::runEhdocs(full);
}

const std::string kSrc = EHDOCS_SOURCE_DIR;
const std::string kOkafor = kSrc + "/examples/okafor-ready-to-close.json";
const std::string kBennett = kSrc + "/examples/bennett-disengaged.json";
const std::string kFixtures = kSrc + "/tests/rules/fixtures";

Object::Ptr json(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

}  // namespace

BOOST_AUTO_TEST_CASE(ready_case_exits_0_with_the_spec_object) {
    Run r = run({kBennett, "--json", "--as-of", "2027-01-01"});
    BOOST_TEST(r.status == 0);
    Object::Ptr o = json(r.out);
    BOOST_TEST(o->getValue<std::string>("case_id") == "EHFW-2026-0877");
    BOOST_TEST(o->getValue<std::string>("as_of") == "2027-01-01");
    BOOST_TEST(o->getValue<std::string>("measured_to") == "2026-09-30");
    BOOST_TEST(o->getValue<bool>("ready_to_close"));
    BOOST_TEST(o->getArray("blocking")->size() == 0u);
    BOOST_TEST(o->getArray("warnings")->getObject(0)->getValue<std::string>("rule") ==
               "time.first_visit");
}

BOOST_AUTO_TEST_CASE(text_report_gives_both_dates_when_they_differ) {
    Run r = run({kOkafor, "--as-of", "2026-12-01"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out.find("profile newham-ffs, checked on 1 December 2026; timescales measured to "
                          "the closure date, 26 June 2026\n") != std::string::npos,
               r.out);
    r = run({kOkafor, "--as-of", "2026-06-26"});
    BOOST_TEST(
        r.out.find("profile newham-ffs, as of 26 June 2026 (closure date)\n") != std::string::npos,
        r.out);
}

BOOST_AUTO_TEST_CASE(text_report_lists_blocking_then_late_then_passed) {
    Run r = run({kSrc + "/examples/nowak-open.json", "--as-of", "2026-11-23"});
    BOOST_TEST(r.status == 1);
    size_t blocking = r.out.find("Blocking: put right before closing");
    size_t late = r.out.find("\nLate (");
    size_t passed = r.out.find("\nPassed: ");
    BOOST_TEST(r.out.find("NOT READY TO CLOSE") != std::string::npos, r.out);
    BOOST_TEST(blocking != std::string::npos);
    BOOST_TEST((blocking < late && late < passed), r.out);
    BOOST_TEST(r.out.find("  - closure.reason: The case is still open") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(profile_option_overrides_the_cases_own) {
    Run r = run({kOkafor, "--json", "--profile", "dorset-locality"});
    Object::Ptr o = json(r.out);
    BOOST_TEST(o->getValue<std::string>("profile") == "dorset-locality");
    // dorset-locality blocks on distance travelled, which Okafor records: still ready.
    BOOST_TEST(r.status == 0, r.out);
}

BOOST_AUTO_TEST_CASE(a_profiles_directory_adds_profiles) {
    Run r = run(
        {kOkafor, "--json", "--profiles", kFixtures + "/strict-profiles", "--profile", "strict"});
    BOOST_TEST(r.status == 0, r.err);
    Object::Ptr o = json(r.out);
    BOOST_TEST(o->getValue<std::string>("profile") == "strict");
    // The first visit on 6 March was 4 working days after allocation on 2 March.
    Object::Ptr w = o->getArray("warnings")->getObject(0);
    BOOST_TEST(w->getValue<std::string>("rule") == "time.first_visit");
    BOOST_TEST(w->getValue<std::string>("source") == "Strict: 1.1");
}

BOOST_AUTO_TEST_CASE(an_invalid_case_exits_2_listing_errors_with_paths) {
    Run r = run({kFixtures + "/invalid-case.json", "--json"});
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("family.members[0].dob") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("referral.route") != std::string::npos, r.err);
    BOOST_TEST(json(r.out)->getValue<bool>("valid") == false);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_64) {
    BOOST_TEST(run({}).status == 64);
    BOOST_TEST(run({kOkafor, kBennett}).status == 64);
    Run badDate = run({kOkafor, "--as-of", "30/06/2026"});
    BOOST_TEST(badDate.status == 64);
    BOOST_TEST(badDate.err.find("--as-of \"30/06/2026\" is not a date; write YYYY-MM-DD") !=
               std::string::npos);
    Run unknown = run({kOkafor, "--profile", "hackney"});
    BOOST_TEST(unknown.status == 64);
    BOOST_TEST(unknown.err.find("unknown profile `hackney`; known profiles: barnet-0-19") !=
               std::string::npos);
    Run broken = run({kOkafor, "--profiles", kFixtures + "/broken-profiles"});
    BOOST_TEST(broken.status == 64);
    BOOST_TEST(broken.err.find("mine.properties:3: `consent.recordd`: is not a rule id or a "
                               "setting (did you mean `consent.recorded`?)") != std::string::npos,
               broken.err);
    Run help = run({"--help"});
    BOOST_TEST(help.status == 0);
    BOOST_TEST(help.out.find("usage: ehdocs check FILE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(summary_puts_cases_needing_action_first) {
    Run r = run({kFixtures + "/team", "--summary", "--as-of", "2026-11-23"});
    BOOST_TEST(r.status == 1);
    size_t nowak = r.out.find("DOR-LEH-2026-1207"), bennett = r.out.find("EHFW-2026-0877"),
           okafor = r.out.find("NH-FF-2026-0142");
    BOOST_TEST((nowak < bennett && bennett < okafor), r.out);
    BOOST_TEST(r.out.find("Bennett         Chris Morgan        ready") != std::string::npos, r.out);

    Run j = run({kFixtures + "/team", kFixtures + "/invalid-case.json", "--summary", "--json",
                 "--as-of", "2026-11-23"});
    BOOST_TEST(j.status == 2);
    Object::Ptr o = json(j.out);
    BOOST_TEST(o->getArray("cases")->size() == 3u);
    Object::Ptr first = o->getArray("cases")->getObject(0);
    BOOST_TEST(first->getValue<std::string>("case_id") == "DOR-LEH-2026-1207");
    BOOST_TEST(first->getValue<bool>("ready_to_close") == false);
    BOOST_TEST(first->getValue<int>("blocking") == 12);
    Object::Ptr last = o->getArray("cases")->getObject(2);
    BOOST_TEST(last->getValue<std::string>("family") == "Okafor");
    BOOST_TEST(last->getValue<std::string>("lead_worker") == "Amira Khan");
    BOOST_TEST(last->getValue<int>("late") == 0);
    BOOST_TEST(o->getArray("invalid")->size() == 1u);
}

BOOST_AUTO_TEST_CASE(docs_cli_md_quotes_the_real_report) {
    std::ifstream in(kSrc + "/docs/cli.md");
    std::stringstream doc;
    doc << in.rdbuf();
    Run r = run({kBennett, "--as-of", "2026-12-01"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(doc.str().find(r.out) != std::string::npos,
               "docs/cli.md does not quote this output:\n"
                   << r.out);
}
