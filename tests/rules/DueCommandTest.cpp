// `ehdocs due` and the next due date of `ehdocs check --summary`, end to end through the binary.

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "CaseFixture.h"
#include "Processes.h"

using Poco::JSON::Object;

namespace {

using ehdocs::test::Run;
using ehdocs::test::runEhdocs;

// A caseload: Okafor still open (Amira Khan), Bennett closed (Chris Morgan).
struct Caseload {
    Poco::TemporaryFile dir;
    Caseload() {
        dir.createDirectories();
        Object::Ptr okafor = ehdocs::test::loadExample("okafor-ready-to-close.json");
        ehdocs::test::mutate(okafor, "closure", "-");
        ehdocs::test::mutate(okafor, "status", "\"open\"");
        write("okafor-open.json", okafor);
        write("bennett.json", ehdocs::test::loadExample("bennett-disengaged.json"));
    }
    void write(const std::string& name, Object::Ptr json) {
        Poco::FileOutputStream out(Poco::Path(dir.path(), name).toString());
        json->stringify(out);
    }
    std::string path() const { return dir.path(); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(due_lists_the_window_by_lead_worker) {
    Caseload load;
    Run r = runEhdocs({"due", load.path(), "--as-of", "2026-06-20", "--within", "14", "--json"});
    BOOST_TEST(r.status == 0, r.err);
    Object::Ptr o = Poco::JSON::Parser().parse(r.out).extract<Object::Ptr>();
    BOOST_TEST(o->getValue<std::string>("until") == "2026-07-04");
    Poco::JSON::Array::Ptr workers = o->getArray("workers");
    BOOST_REQUIRE_EQUAL(workers->size(), 1u);  // Bennett is closed: nothing due
    Object::Ptr amira = workers->getObject(0);
    BOOST_TEST(amira->getValue<std::string>("lead_worker") == "Amira Khan");
    Poco::JSON::Array::Ptr due = amira->getArray("due");
    BOOST_REQUIRE_EQUAL(due->size(), 1u);  // supervision (7 July) is outside the 14 days
    BOOST_TEST(due->getObject(0)->getValue<std::string>("rule") == "time.visit_interval");
    BOOST_TEST(due->getObject(0)->getValue<std::string>("due") == "2026-07-02");
    BOOST_TEST(due->getObject(0)->getValue<std::string>("case_id") == "NH-FF-2026-0142");

    Run text = runEhdocs({"due", load.path(), "--as-of", "2026-06-20", "--within", "30"});
    BOOST_TEST(text.out.find("Due on open cases by 20 July 2026 (within 30 days of 20 June 2026), "
                             "by lead worker.\n\nAmira Khan (2)\n"
                             "  2026-07-02  NH-FF-2026-0142 (Okafor): next visit "
                             "[time.visit_interval]\n"
                             "  2026-07-07  NH-FF-2026-0142 (Okafor): supervision "
                             "[time.supervision_interval]\n") != std::string::npos,
               text.out);
}

BOOST_AUTO_TEST_CASE(due_refuses_bad_options_and_reports_invalid_files) {
    Caseload load;
    BOOST_TEST(runEhdocs({"due", load.path(), "--within", "-3"}).status == 64);
    BOOST_TEST(runEhdocs({"due", load.path(), "--as-of", "20/06/2026"}).status == 64);
    BOOST_TEST(runEhdocs({"due"}).status == 64);
    Run invalid = runEhdocs(
        {"due", std::string(EHDOCS_SOURCE_DIR) + "/tests/rules/fixtures/invalid-case.json",
         "--as-of", "2026-06-20"});
    BOOST_TEST(invalid.status == 2);
    BOOST_TEST(invalid.out.find("not a valid case") != std::string::npos, invalid.out);
}

BOOST_AUTO_TEST_CASE(summary_shows_the_next_due_date_and_sorts_by_it) {
    Caseload load;
    Run r = runEhdocs({"check", load.path(), "--summary", "--json", "--as-of", "2026-06-20"});
    Object::Ptr o = Poco::JSON::Parser().parse(r.out).extract<Object::Ptr>();
    Poco::JSON::Array::Ptr cases = o->getArray("cases");
    BOOST_REQUIRE_EQUAL(cases->size(), 2u);
    // Nothing is late on 20 June; Okafor has something due, Bennett (not yet referred) nothing.
    BOOST_TEST(cases->getObject(0)->getValue<std::string>("case_id") == "NH-FF-2026-0142");
    BOOST_TEST(cases->getObject(1)->getValue<std::string>("case_id") == "EHFW-2026-0877");
    BOOST_TEST(cases->getObject(1)->isNull("next_due"));
    Object::Ptr next = cases->getObject(0)->getObject("next_due");
    BOOST_REQUIRE(next);
    BOOST_TEST(next->getValue<std::string>("due") == "2026-07-02");
    BOOST_TEST(next->getValue<std::string>("what") == "next visit");
    Run text = runEhdocs({"check", load.path(), "--summary", "--as-of", "2026-06-20"});
    BOOST_TEST(text.out.find("  2026-07-02 next visit\n") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(docs_cli_md_quotes_the_real_due_list_and_summary) {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/docs/cli.md");
    std::stringstream doc;
    doc << in.rdbuf();
    const std::string examples = std::string(EHDOCS_SOURCE_DIR) + "/examples";
    Run due = runEhdocs({"due", examples, "--as-of", "2026-10-01", "--within", "14"});
    BOOST_TEST(doc.str().find(due.out) != std::string::npos, "docs/cli.md lacks:\n" << due.out);
    Run summary = runEhdocs({"check", examples, "--summary", "--as-of", "2026-10-01"});
    BOOST_TEST(doc.str().find(summary.out) != std::string::npos, "docs/cli.md lacks:\n"
                                                                     << summary.out);
}
