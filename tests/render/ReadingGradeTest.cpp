// Plain English stays plain: every family letter rendered for the examples reads at
// Flesch-Kincaid grade 6 or below, measured by scripts/reading_grade.py (docs/templates.md).
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "Fixtures.h"
#include "Processes.h"

using namespace ehdocs;
using namespace ehdocs::test;

namespace {

const std::string kScript = std::string(EHDOCS_SOURCE_DIR) + "/scripts/reading_grade.py";

// Runs the measure over `files`; returns its exit status and what it printed.
int grade(const std::vector<std::string>& files, std::string& out) {
    std::vector<std::string> args = {kScript, "--max", "6"};
    args.insert(args.end(), files.begin(), files.end());
    const Run measured = run("/usr/bin/python3", args);
    out = measured.out + measured.err;
    return measured.status;
}

std::string write(const std::string& dir, const std::string& name, const std::string& html) {
    std::string path = dir + "/" + name + ".html";
    std::ofstream(path, std::ios::binary) << html;
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reading_grade)

BOOST_AUTO_TEST_CASE(every_family_letter_for_the_examples_is_at_grade_6_or_below) {
    const std::string dir = tempDir();
    std::vector<std::string> files;
    struct Example {
        const char* file;
        const char* date;
    };
    for (Example e : {Example{"examples/okafor-ready-to-close.json", "2026-06-26"},
                      Example{"examples/bennett-disengaged.json", "2026-09-30"},
                      Example{"examples/hughes-stepped-up.json", "2026-05-14"},
                      Example{"examples/nowak-open.json", "2026-09-20"},
                      Example{"examples/okafor-ready-to-close.json", "2026-03-03"}}) {
        const Case& kase = loadCase(e.file);
        for (const render::DocumentRequest& r : renderer().applicable(kase, *Date::parse(e.date)))
            if (r.type->familyFacing)
                files.push_back(
                    write(dir, kase.caseId + "-" + r.name() + "-" + e.date,
                          renderer().renderHtml(kase, r.type->id, on(e.date, r.meeting))));
    }
    // The closure letter for every way of ending, from the Okafors' file.
    for (const char* reason :
         {"work_complete_universal_support", "moved_away", "consent_withdrawn", "other"}) {
        Case kase = loadCase("examples/okafor-ready-to-close.json");
        kase.closure->reason = reason;
        files.push_back(write(dir, std::string("closure_letter-") + reason,
                              renderer().renderHtml(kase, "closure_letter", on("2026-06-26"))));
    }
    BOOST_TEST_REQUIRE(files.size() >= 10u);
    std::string out;
    BOOST_TEST(grade(files, out) == 0, out);
    BOOST_TEST_MESSAGE(out);
}

BOOST_AUTO_TEST_CASE(the_measure_fails_a_letter_written_in_officialese) {
    const std::string dir = tempDir();
    std::string dense =
        "<div class=\"letter-body\"><p>Following consideration of the multi-agency information "
        "available, the professional network determined that intervention at a statutory level "
        "was proportionate, necessitating immediate transition of responsibilities to the "
        "locality safeguarding arrangements.</p></div>";
    std::string out;
    BOOST_TEST(grade({write(dir, "dense", dense)}, out) == 1, out);
    BOOST_TEST(out.find("ABOVE GRADE 6") != std::string::npos, out);
    BOOST_TEST(grade({write(dir, "nobody", "<p>No body here.</p>")}, out) == 2, out);
    BOOST_TEST(out.find("no letter body") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
