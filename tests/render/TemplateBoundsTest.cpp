// Template loading and lint stay bounded however partials include each other (found by
// fuzzing, docs/security.md "Fuzzing"): a partial that includes itself several times made
// `templates lint` take exponential time; partials included many times over made expansion
// grow without bound.

#include <boost/test/unit_test.hpp>
#include <chrono>

#include "render/DocumentTypes.h"
#include "render/RenderErrors.h"
#include "render/TemplateLint.h"
#include "render/TemplateSet.h"

using namespace ehdocs::render;

BOOST_AUTO_TEST_SUITE(template_bounds)

BOOST_AUTO_TEST_CASE(a_partial_including_itself_many_times_is_one_finding_not_a_hang) {
    const TemplateSet set = TemplateSet::withTexts(
        {{"record_header.mustache", "{{> record_header}}{{> record_header}}{{> record_header}}"}},
        "authority");
    const auto start = std::chrono::steady_clock::now();
    const std::vector<LintFinding> findings = lintTemplates(set, DocumentTypes::builtIn());
    const auto took = std::chrono::steady_clock::now() - start;
    bool cycle = false;
    for (const LintFinding& f : findings) {
        cycle = cycle || f.message == "partials include each other ('record_header.mustache')";
    }
    BOOST_TEST(cycle);
    BOOST_TEST(findings.size() < 100u);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(took).count() < 10);
    BOOST_CHECK_THROW(set.expanded("record_header.mustache"), TemplateException);
}

BOOST_AUTO_TEST_CASE(an_expansion_past_the_limit_is_refused) {
    std::string a, b, c;
    for (int i = 0; i < 64; ++i) {
        a += "{{> b}}";
        b += "{{> c}}";
        c += "{{> d}}";
    }
    const TemplateSet set = TemplateSet::withTexts({{"a.mustache", a},
                                                    {"b.mustache", b},
                                                    {"c.mustache", c},
                                                    {"d.mustache", std::string(100, 'x')}},
                                                   "authority");
    BOOST_CHECK_EXCEPTION(
        set.expanded("a.mustache"), TemplateException, [](const TemplateException& e) {
            return e.message().find("expands to more than 16 MB") != std::string::npos;
        });
    BOOST_TEST(set.expanded("c.mustache").size() == 6400u);
}

BOOST_AUTO_TEST_SUITE_END()
