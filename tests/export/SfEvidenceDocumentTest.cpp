#include <boost/test/unit_test.hpp>

#include "TestCases.h"
#include "render/DocumentRenderer.h"
#include "render/RenderErrors.h"

namespace {

using namespace ehdocs;
using test::d;

std::string names(const render::View& list, const char* field) {
    std::string out;
    for (const auto& item : list.items()) out += item.get(field)->text() + "|";
    return out;
}

render::RenderOptions on(const char* iso) {
    render::RenderOptions options;
    options.producedOn = d(iso);
    return options;
}

BOOST_AUTO_TEST_CASE(okafor_evidence_pack_shows_health_outstanding) {
    const render::DocumentRenderer renderer(render::TemplateSet::builtIn());
    const Case okafor = test::example("okafor-ready-to-close.json");
    const render::View view = renderer.view(okafor, "sf_evidence", on("2026-06-26"));
    BOOST_TEST(view.get("claim_status")->text() == "outcomes_outstanding");
    BOOST_TEST(names(*view.get("claim_reasons"), "text") == "health: outcome in progress|");
    BOOST_TEST(names(*view.get("criteria"), "headline") ==
               "Education|Family relationships|Health|");
    BOOST_TEST(names(*view.get("outcomes"), "status") == "Achieved|Achieved|In progress|");
    BOOST_TEST(view.get("conditions_met")->flag());
    BOOST_TEST(!view.get("has_claimable_from")->flag());

    const std::string html = renderer.renderHtml(okafor, "sf_evidence", on("2026-06-26"));
    BOOST_TEST(html.find("Outcomes outstanding</strong> (outcomes_outstanding)") !=
               std::string::npos);
    BOOST_TEST(html.find("health: outcome in progress") != std::string::npos);
    BOOST_TEST(html.find("OFFICIAL-SENSITIVE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sustaining_family_shows_claimable_from_and_escapes_text) {
    const render::DocumentRenderer renderer(render::TemplateSet::builtIn());
    Case kase = test::example("okafor-ready-to-close.json");
    auto& sf = *kase.supportingFamilies;
    sf.outcomes[2].status = "achieved";
    sf.outcomes[2].achieved = d("2026-06-20");
    sf.criteria[0].evidence = "<script>alert(1)</script> {{family_name}}";
    const std::string html = renderer.renderHtml(kase, "sf_evidence", on("2026-07-01"));
    BOOST_TEST(html.find("Outcomes achieved, being sustained</strong> (sustaining)") !=
               std::string::npos);
    BOOST_TEST(html.find("19 December 2026") != std::string::npos);  // 2026-06-20 + 182 days
    BOOST_TEST(html.find("<script>alert") == std::string::npos);
    BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;/script&gt; {{family_name}}") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(family_not_on_the_programme_is_refused_with_the_reason) {
    const render::DocumentRenderer renderer(render::TemplateSet::builtIn());
    const Case bennett = test::example("bennett-disengaged.json");
    BOOST_CHECK_EXCEPTION(renderer.renderHtml(bennett, "sf_evidence", on("2026-06-26")),
                          render::NotApplicableException,
                          [](const render::NotApplicableException& e) {
                              return e.message() ==
                                     "sf_evidence does not apply to case EHFW-2026-0877: the case "
                                     "has no Supporting Families data";
                          });
}

}  // namespace
