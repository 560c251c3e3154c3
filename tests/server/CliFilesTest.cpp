// The command line and the files it is given (docs/security.md, "Files the CLI reads and
// writes"): a FIFO or device given as a case file is refused (exit 2, naming it) instead of
// hanging; template folders hold only regular files, and `templates export` never writes
// through a symbolic link.

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <sstream>

#include "Processes.h"
#include "render/RenderErrors.h"
#include "render/TemplateSet.h"

namespace bdata = boost::unit_test::data;
using ehdocs::test::Run;

namespace {

// Runs build/ehdocs with `args`; one still going after 10 s is killed (status -1: it hung).
Run runEhdocs(const std::vector<std::string>& args) {
    ehdocs::test::RunOptions options;
    options.limit = std::chrono::seconds(10);
    return ehdocs::test::runEhdocs(args, options);
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Folder {
    Poco::TemporaryFile dir;
    Folder() { dir.createDirectories(); }
    std::string at(const std::string& name) const {
        return Poco::Path(dir.path(), name).toString();
    }
};

struct Command {
    std::vector<std::string> args;
};
std::ostream& operator<<(std::ostream& out, const Command& c) {
    for (const std::string& a : c.args) out << a << " ";
    return out;
}

const std::vector<Command> kCommands = {
    {{"validate", "CASE"}},
    {{"check", "CASE"}},
    {{"check", "CASE", "--summary"}},
    {{"render", "CASE", "--type", "closure_letter", "-o", "OUT"}},
    {{"export", "sf", "CASE", "-o", "OUT"}},
    {{"export", "kpi", "CASE", "--from", "2026-01-01", "--to", "2026-03-31", "-o", "OUT"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_files)

BOOST_DATA_TEST_CASE(a_fifo_given_as_a_case_file_is_refused_not_read, bdata::make(kCommands),
                     command) {
    Folder folder;
    const std::string fifo = folder.at("case.json");
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::vector<std::string> args = command.args;
    for (std::string& a : args) {
        if (a == "CASE") a = fifo;
        if (a == "OUT") a = folder.at("out.bin");
    }
    const Run run = runEhdocs(args);
    BOOST_TEST(run.status == 2, run.out + run.err);
    BOOST_TEST((run.err + run.out).find(fifo + " is a FIFO") != std::string::npos,
               run.out + run.err);
}

BOOST_AUTO_TEST_CASE(a_fifo_inside_a_folder_of_cases_is_skipped_not_read) {
    Folder folder;
    const std::string fifo = folder.at("stuck.json");
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const Run check = runEhdocs({"check", folder.dir.path(), "--summary"});
    BOOST_TEST(check.status != -1, "check hung on the FIFO");
    const Run exported = runEhdocs({"export", "sf", folder.dir.path(), "-o", folder.at("sf.xlsx")});
    BOOST_TEST(exported.status == 0, exported.out + exported.err);
    BOOST_TEST(exported.err.find("stuck.json is a FIFO") != std::string::npos, exported.err);
}

BOOST_AUTO_TEST_CASE(a_symlinked_template_is_refused) {
    Folder secret, templates;
    std::ofstream(secret.at("secret.txt")) << "the password is swordfish";
    BOOST_REQUIRE(::symlink(secret.at("secret.txt").c_str(),
                            templates.at("closure_letter.mustache").c_str()) == 0);
    BOOST_CHECK_EXCEPTION(ehdocs::render::TemplateSet::withOverrides(templates.dir.path()),
                          ehdocs::render::TemplateException,
                          [](const ehdocs::render::TemplateException& e) {
                              return e.message().find("is a symbolic link") != std::string::npos;
                          });
    const Run lint = runEhdocs({"templates", "lint", templates.dir.path()});
    BOOST_TEST(lint.status == 64, lint.out + lint.err);
    BOOST_TEST(lint.err.find("closure_letter.mustache' is a symbolic link") != std::string::npos,
               lint.err);
    const Run render = runEhdocs(
        {"render", std::string(EHDOCS_SOURCE_DIR) + "/examples/okafor-ready-to-close.json",
         "--type", "closure_letter", "--templates", templates.dir.path(), "-o",
         templates.at("out.html")});
    BOOST_TEST(render.status != 0);
    BOOST_TEST(slurp(templates.at("out.html")).find("swordfish") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(templates_export_does_not_write_through_a_dangling_symlink) {
    Folder outside, templates;
    const std::string target = outside.at("planted.mustache");
    BOOST_REQUIRE(::symlink(target.c_str(), templates.at("closure_letter.mustache").c_str()) == 0);
    const Run run = runEhdocs({"templates", "export", templates.dir.path()});
    BOOST_TEST(run.status == 0, run.out + run.err);
    BOOST_TEST(!Poco::File(target).exists());
    BOOST_TEST(run.err.find("closure_letter.mustache exists; left as it is") != std::string::npos,
               run.err);
    BOOST_TEST(Poco::File(templates.at("record_header.mustache")).isFile());
}

BOOST_AUTO_TEST_SUITE_END()
