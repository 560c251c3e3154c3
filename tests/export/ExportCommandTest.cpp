#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "Processes.h"
#include "TestCases.h"

namespace {

struct Run {
    int status;
    std::string output;  // stdout and stderr together
};

// `ehdocs export ARGUMENTS` (words split at spaces).
Run run(const std::string& arguments) {
    std::vector<std::string> args = {"export"};
    std::istringstream words(arguments);
    for (std::string word; words >> word;) args.push_back(word);
    const ehdocs::test::Run done = ehdocs::test::runEhdocs(args);
    return {done.status, done.out + done.err};
}

const std::string kExamples = EHDOCS_SOURCE_DIR "/examples";

BOOST_AUTO_TEST_CASE(usage_errors_exit_64_with_a_message) {
    BOOST_TEST(run("").status == 64);
    BOOST_TEST(run("").output.find("say what to export: sf or kpi") != std::string::npos);
    const Run unknown = run("csv " + kExamples + " -o x.xlsx");
    BOOST_TEST(unknown.status == 64);
    BOOST_TEST(unknown.output.find("unknown export \"csv\" (sf or kpi)") != std::string::npos);
    const Run badDate = run("sf " + kExamples + " --as-of 2026-02-30 -o x.xlsx");
    BOOST_TEST(badDate.status == 64);
    BOOST_TEST(badDate.output.find("--as-of \"2026-02-30\" is not a date (YYYY-MM-DD)") !=
               std::string::npos);
    const Run noPeriod = run("kpi " + kExamples + " -o x.xlsx");
    BOOST_TEST(noPeriod.output.find("kpi needs --from and --to") != std::string::npos);
    const Run missing = run("sf /no/such/dir -o x.xlsx");
    BOOST_TEST(missing.output.find("no such case file or directory: /no/such/dir") !=
               std::string::npos);
    BOOST_TEST(run("--help").status == 0);
}

BOOST_AUTO_TEST_CASE(invalid_files_are_listed_and_the_rest_exported) {
    ehdocs::test::TempPath dir("");
    std::filesystem::create_directories(dir.path());
    std::ofstream(dir.path() + "/broken.json") << "{\"format\": \"ehdocs.case/1\"";
    std::filesystem::copy_file(kExamples + "/okafor-ready-to-close.json",
                               dir.path() + "/okafor.json");
    const std::string out = dir.path() + "/sf.xlsx";
    const Run sf = run("sf " + dir.path() + " --as-of 2026-06-26 -o " + out);
    BOOST_TEST(sf.status == 0);
    BOOST_TEST(sf.output.find("ehdocs export: skipped " + dir.path() + "/broken.json: ") !=
               std::string::npos);
    BOOST_TEST(sf.output.find("1 families on the programme (1 case files read, 1 invalid)") !=
               std::string::npos);
    const std::string cells = ehdocs::test::runCommand(
        "/usr/bin/python3 " EHDOCS_SOURCE_DIR "/tests/export/read_workbook.py " + out);
    BOOST_TEST(cells.find("broken.json") != std::string::npos);
    BOOST_TEST(cells.find("health: outcome in progress") != std::string::npos);

    const Run kpi = run("kpi " + dir.path() + " --from 2026-03-01 --to 2026-06-30 -o " +
                        dir.path() + "/k.xlsx");
    BOOST_TEST(kpi.status == 0);
    BOOST_TEST(std::filesystem::exists(dir.path() + "/k.xlsx"));

    const Run unwritable = run("sf " + dir.path() + " -o /no/such/dir/sf.xlsx");
    BOOST_TEST(unwritable.status == 70);
    BOOST_TEST(unwritable.output.find("cannot write /no/such/dir/sf.xlsx") != std::string::npos);
}

}  // namespace
