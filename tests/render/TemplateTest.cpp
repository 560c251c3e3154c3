// Authority overrides, partials and `templates lint`.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "Fixtures.h"
#include "render/RenderErrors.h"
#include "render/TemplateLint.h"

using namespace ehdocs;
using namespace ehdocs::test;

namespace {
const std::string kFixtures = std::string(EHDOCS_SOURCE_DIR) + "/tests/render/fixtures/";
}

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(an_authority_file_replaces_the_built_in_template_of_the_same_name) {
    render::TemplateSet set = render::TemplateSet::withOverrides(kFixtures + "authority-templates");
    BOOST_TEST(set.overridden() == std::vector<std::string>{"closure_letter.mustache"});
    render::DocumentRenderer custom(set);
    const Case& okafor = loadCase("examples/okafor-ready-to-close.json");
    std::string letter = custom.renderHtml(okafor, "closure_letter", on("2026-06-26"));
    BOOST_TEST(letter.find("Our work together ended on 26 June 2026.") != std::string::npos);
    BOOST_TEST(letter.find("Daniel gets to school on time every day: Achieved") !=
               std::string::npos);
    BOOST_TEST(letter.find("call our Families Helpline on 020 7000 0142") != std::string::npos);
    BOOST_TEST(letter.find("Dear Grace") != std::string::npos);  // the built-in header partial
    // Other types keep the built-in templates.
    BOOST_TEST(custom.renderHtml(okafor, "eha", on("2026-06-26")) ==
               renderer().renderHtml(okafor, "eha", on("2026-06-26")));
}

BOOST_AUTO_TEST_CASE(docs_quote_the_override_example_that_this_test_runs) {
    std::string docs = readFile(std::string(EHDOCS_SOURCE_DIR) + "/docs/templates.md");
    std::string example = readFile(kFixtures + "authority-templates/closure_letter.mustache");
    BOOST_TEST(docs.find(example) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_override_folder_is_a_clear_error) {
    BOOST_CHECK_EXCEPTION(
        render::TemplateSet::withOverrides(kFixtures + "no-such-folder"), render::TemplateException,
        [](const render::TemplateException& e) {
            return e.message().find("no-such-folder' does not exist or is not a folder") !=
                   std::string::npos;
        });
}

BOOST_AUTO_TEST_CASE(a_missing_partial_stops_the_renderer_being_built) {
    std::string dir = tempDir();
    std::ofstream(dir + "/plan.mustache") << "{{> no_such_part}}";
    BOOST_CHECK_EXCEPTION(
        render::DocumentRenderer(render::TemplateSet::withOverrides(dir)),
        render::TemplateException, [](const render::TemplateException& e) {
            return e.message() ==
                   "'plan.mustache' includes the partial 'no_such_part.mustache', "
                   "which does not exist";
        });
}

BOOST_AUTO_TEST_CASE(the_built_in_templates_lint_clean) {
    auto findings =
        render::lintTemplates(render::TemplateSet::builtIn(), render::DocumentTypes::builtIn());
    for (const auto& f : findings) BOOST_TEST_MESSAGE(f.text());
    BOOST_TEST(findings.empty());
    auto custom =
        render::lintTemplates(render::TemplateSet::withOverrides(kFixtures + "authority-templates"),
                              render::DocumentTypes::builtIn());
    BOOST_TEST(custom.empty());
}

BOOST_AUTO_TEST_CASE(lint_reports_each_unknown_name_with_file_and_line) {
    auto findings =
        render::lintTemplates(render::TemplateSet::withOverrides(kFixtures + "bad-templates"),
                              render::DocumentTypes::builtIn());
    std::vector<std::string> texts;
    for (const auto& f : findings) texts.push_back(f.text());
    const std::string dir = kFixtures + "bad-templates/";
    std::vector<std::string> expected = {
        dir + "eha.mustache:2: unknown name 'famly_name' (eha)",
        dir + "eha.mustache:3: unknown name 'goals' (eha)",
        dir + "eha.mustache:3: unknown name 'outcome' (eha)",
        dir + "eha.mustache:4: unknown name 'nonsense' (eha)",
        dir + "letter_footer.mustache:1: unknown name 'lead_worker_nmae' (ending_letter)",
    };
    BOOST_TEST(texts == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(templates_docs)

// docs/templates.md lists view-model names in tables; each must be one the view model gives.
BOOST_AUTO_TEST_CASE(every_name_the_docs_list_exists) {
    std::set<std::string> known;
    const render::DocumentTypes types = render::DocumentTypes::builtIn();
    for (const render::DocumentType& t : types.all())
        for (const std::string& name : render::viewModelNames(t)) known.insert(name);
    std::istringstream docs(readFile(std::string(EHDOCS_SOURCE_DIR) + "/docs/templates.md"));
    std::string line;
    int checked = 0;
    while (std::getline(docs, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        std::string first = line.substr(1, line.find('|', 1) - 1);
        for (size_t pos = first.find('`'); pos != std::string::npos; pos = first.find('`', pos)) {
            size_t end = first.find('`', pos + 1);
            if (end == std::string::npos) break;
            std::string name = first.substr(pos + 1, end - pos - 1);
            pos = end + 1;
            if (name.find('/') != std::string::npos || name.find('.') != std::string::npos)
                continue;
            ++checked;
            BOOST_TEST(known.count(name) == 1u, name);
        }
    }
    BOOST_TEST(checked > 50);
}

BOOST_AUTO_TEST_SUITE_END()
