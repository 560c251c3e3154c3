// `ehdocs render`, `types` and `templates`: arguments, outputs and exit codes.
#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include "Fixtures.h"
#include "Processes.h"

using namespace ehdocs::test;

namespace {
const std::string kRoot = EHDOCS_SOURCE_DIR;
const std::string kOkafor = kRoot + "/examples/okafor-ready-to-close.json";
const std::string kBennett = kRoot + "/examples/bennett-disengaged.json";
const std::string kFixtures = kRoot + "/tests/render/fixtures/";

// `ehdocs ARGS`: its exit status, with what it printed kept in `out` and `err` when given.
int ehdocsStatus(const std::vector<std::string>& args, std::string* out = nullptr,
                 std::string* err = nullptr) {
    const Run done = runEhdocs(args);
    if (out) *out = done.out;
    if (err) *err = done.err;
    return done.status;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(one_document_goes_to_standard_output) {
    std::string out, err;
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "eha", "--date", "2026-06-26"}, &out,
                            &err) == 0);
    BOOST_TEST(out.find("Early Help Assessment") != std::string::npos);
    BOOST_TEST(out.find("26 June 2026") != std::string::npos);
    BOOST_TEST(err.empty());
}

BOOST_AUTO_TEST_CASE(one_document_to_a_file) {
    std::string dir = tempDir();
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "taf_minutes", "--meeting", "m2", "-o",
                             dir + "/minutes.html", "--date", "2026-06-26"}) == 0);
    BOOST_TEST(readFile(dir + "/minutes.html").find("Attendance 94% since Easter.") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(all_documents_of_a_case_into_a_folder) {
    std::string dir = tempDir() + "/out";
    std::string out, err;
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--all", "--out-dir", dir, "--date", "2026-06-26"},
                            &out, &err) == 0,
               err);
    for (const char* name :
         {"eha", "plan", "taf_minutes-m1", "taf_minutes-m2", "taf_minutes-m3", "chronology",
          "case_notes", "case_summary", "closure_summary", "closure_letter", "referrer_outcome"})
        BOOST_TEST(Poco::File(dir + "/NH-FF-2026-0142-" + name + ".html").exists(), name);
    // Only what the case is owed: no transfer, and no introduction once the work has ended.
    BOOST_TEST(!Poco::File(dir + "/NH-FF-2026-0142-transfer_summary.html").exists());
    BOOST_TEST(!Poco::File(dir + "/NH-FF-2026-0142-introduction_letter.html").exists());
}

// Case files in the version 2 format: a step-up to a named duty worker, one where the family is
// not to be told, and a young person who receives letters in a family needing an interpreter.
BOOST_AUTO_TEST_CASE(all_writes_only_the_letters_each_family_is_owed) {
    std::string dir = tempDir() + "/owed";
    for (const char* file :
         {"hughes-duty-worker.json", "hughes-not-told.json", "okafor-young-person-withdrew.json"})
        BOOST_TEST(ehdocsStatus({"render", kFixtures + file, "--all", "--out-dir", dir, "--date",
                                 "2026-06-26"}) == 0,
                   file);
    auto exists = [&](const std::string& name) {
        return Poco::File(dir + "/" + name + ".html").exists();
    };
    BOOST_TEST(exists("BAR-EH-2026-0311-DUTY-ending_letter"));
    BOOST_TEST(!exists("BAR-EH-2026-0311-DUTY-closure_letter"));
    BOOST_TEST(readFile(dir + "/BAR-EH-2026-0311-DUTY-ending_letter.html")
                   .find("Your new worker: Duty social worker, Children&apos;s Social Care") !=
               std::string::npos);
    for (const char* letter : {"ending_letter", "closure_letter", "introduction_letter"})
        BOOST_TEST(!exists(std::string("BAR-EH-2026-0311-NOT-TOLD-") + letter), letter);
    BOOST_TEST(!exists("NH-FF-2026-0142-YOUNG-introduction_letter"));
    std::string letter = readFile(dir + "/NH-FF-2026-0142-YOUNG-closure_letter.html");
    for (const char* text :
         {"Dear Grace and Daniel,", "If you would like this letter in Yoruba",
          "That is your choice, and we respect it.", "We are still worried about",
          "<li>Weekly attendance check-in with Daniel: Lisa Grant at school</li>"})
        BOOST_TEST(letter.find(text) != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(a_batch_of_cases_for_one_type) {
    std::string dir = tempDir();
    BOOST_TEST(ehdocsStatus({"render", kOkafor, kBennett, "--type", "case_summary", "--out-dir",
                             dir, "--date", "2026-10-01"}) == 0);
    BOOST_TEST(Poco::File(dir + "/NH-FF-2026-0142-case_summary.html").exists());
    BOOST_TEST(Poco::File(dir + "/EHFW-2026-0877-case_summary.html").exists());
    // A type that does not apply to one family is skipped, with a note, in a batch.
    std::string err;
    BOOST_TEST(
        ehdocsStatus({"render", kOkafor, kBennett, "--type", "closure_letter", "--out-dir", dir},
                     nullptr, &err) == 0);
    BOOST_TEST(err.find("closure_letter does not apply to case EHFW-2026-0877") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_invalid_case_file_exits_2_listing_every_error) {
    std::string err;
    std::string file = kFixtures + "invalid.json";
    BOOST_TEST(ehdocsStatus({"render", file, "--type", "case_summary"}, nullptr, &err) == 2);
    BOOST_TEST(err.find(file + ": contacts[0].at: ") != std::string::npos, err);
    BOOST_TEST(err.find(file + ": status: ") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_64_with_the_reason) {
    std::string err;
    BOOST_TEST(ehdocsStatus({"render"}, nullptr, &err) == 64);
    BOOST_TEST(err.find("name at least one case file") != std::string::npos);
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "nonsense"}, nullptr, &err) == 64);
    BOOST_TEST(err.find("unknown document type 'nonsense'") != std::string::npos);
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "taf_minutes"}, nullptr, &err) == 64);
    BOOST_TEST(err.find("give its id (--meeting)") != std::string::npos);
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "transfer_summary"}, nullptr, &err) ==
               64);
    BOOST_TEST(err.find("the case has no transfer") != std::string::npos);
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--all"}, nullptr, &err) == 64);
    BOOST_TEST(err.find("several documents need --out-dir DIR") != std::string::npos);
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "eha", "--date", "2026-02-30"}, nullptr,
                            &err) == 64);
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "eha", "--format", "docx"}, nullptr,
                            &err) == 64);
}

BOOST_AUTO_TEST_CASE(a_broken_template_exits_70) {
    std::string err;
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "eha", "--templates",
                             kFixtures + "broken-templates"},
                            nullptr, &err) == 70);
    BOOST_TEST(err.find("plan.mustache' is not valid Mustache") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(pdf_output) {
    std::string dir = tempDir();
    BOOST_TEST(ehdocsStatus({"render", kOkafor, "--type", "closure_letter", "--format", "pdf", "-o",
                             dir + "/letter.pdf"}) == 0);
    BOOST_TEST(readFile(dir + "/letter.pdf").compare(0, 5, "%PDF-") == 0);
}

BOOST_AUTO_TEST_CASE(types_lists_every_type) {
    std::string out;
    BOOST_TEST(ehdocsStatus({"types"}, &out) == 0);
    for (const char* t : {"eha", "plan", "taf_minutes", "chronology", "case_notes", "case_summary",
                          "transfer_summary", "closure_summary", "ending_letter", "closure_letter",
                          "no_contact_letter", "support_call_letter", "referrer_outcome",
                          "taf_invitation", "introduction_letter"})
        BOOST_TEST(out.find(std::string("\n") + t + " ") != std::string::npos, t);
}

BOOST_AUTO_TEST_CASE(templates_lint_exits_non_zero_on_an_unknown_name) {
    std::string out, err;
    BOOST_TEST(ehdocsStatus({"templates", "lint"}, &out, &err) == 0);
    BOOST_TEST(out.empty());
    BOOST_TEST(ehdocsStatus({"templates", "lint", kFixtures + "bad-templates"}, &out, &err) == 1);
    BOOST_TEST(out.find("eha.mustache:2: unknown name 'famly_name' (eha)") != std::string::npos,
               out);
    BOOST_TEST(err.find("5 problems found") != std::string::npos, err);
    BOOST_TEST(ehdocsStatus({"templates", "lint", kFixtures + "authority-templates"}, &out, &err) ==
               0);
}

BOOST_AUTO_TEST_CASE(templates_export_writes_the_built_ins) {
    std::string dir = tempDir() + "/mine";
    BOOST_TEST(ehdocsStatus({"templates", "export", dir}) == 0);
    BOOST_TEST(
        readFile(dir + "/closure_letter_goals_achieved.mustache").find("{{> letter_header}}") ==
        0u);
    BOOST_TEST(Poco::File(dir + "/letter_window.css").exists());
    BOOST_TEST(Poco::File(dir + "/print.css").exists());
}

BOOST_AUTO_TEST_CASE(every_command_has_help) {
    for (const char* command : {"render", "types", "templates"}) {
        std::string out;
        BOOST_TEST(ehdocsStatus({command, "--help"}, &out) == 0, command);
        BOOST_TEST(out.find(std::string("usage: ehdocs ") + command) != std::string::npos, command);
    }
}

BOOST_AUTO_TEST_SUITE_END()
