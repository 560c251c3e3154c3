// Hostile text in every field renders escaped in every document type; children without
// consent appear in no document.
#include <boost/test/unit_test.hpp>

#include "Fixtures.h"

using namespace ehdocs;
using namespace ehdocs::test;

namespace {

// Renders every registered type from `kase` (per-meeting types for each meeting); a type
// that does not apply is rendered from a copy closed as disengaged, or from one still open,
// else skipped unless `requireAll`.
std::vector<std::pair<std::string, std::string>> everyType(const Case& kase,
                                                           const std::string& date,
                                                           bool requireAll) {
    std::vector<std::pair<std::string, std::string>> out;
    Case disengaged = kase;
    if (disengaged.closure) disengaged.closure->reason = "disengaged";
    Case open = kase;
    open.closure.reset();
    open.status = "open";
    for (const render::DocumentType& t : renderer().types().all()) {
        const Case& source = t.notApplicable(kase).empty()         ? kase
                             : t.notApplicable(disengaged).empty() ? disengaged
                                                                   : open;
        if (!t.notApplicable(source).empty()) {
            BOOST_TEST(!requireAll, t.id << ": " << t.notApplicable(source));
            continue;
        }
        if (t.needsMeeting) {
            for (const Meeting& m : source.meetings)
                out.emplace_back(t.id + "-" + m.id,
                                 renderer().renderHtml(source, t.id, on(source, date, m.id)));
        } else {
            out.emplace_back(t.id, renderer().renderHtml(source, t.id, on(source, date)));
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(escaping)

BOOST_AUTO_TEST_CASE(hostile_text_renders_escaped_in_every_document_type) {
    const Case& kase = loadCase("tests/render/fixtures/hostile.json");
    auto docs = everyType(kase, "2026-06-26", true);
    BOOST_TEST(docs.size() >= renderer().types().all().size());
    for (const auto& [name, html] : docs) {
        BOOST_TEST(html.find("<script") == std::string::npos, name);
        BOOST_TEST(html.find("<iframe") == std::string::npos, name);
        BOOST_TEST(html.find("src=\"javascript") == std::string::npos, name);
        BOOST_TEST(
            html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos,
            name);
        // `{{` in data is text, never a tag: it comes out as it went in.
        BOOST_TEST(html.find("{{family_name}}{{{case_ref}}}{{#members}}LEAK{{/members}}") !=
                       std::string::npos,
                   name);
        BOOST_TEST(html.find("&apos;q&apos; &amp;") != std::string::npos, name);
        for (char c : {'\x01', '\x1b', '\x7f'})
            BOOST_TEST(html.find(c) == std::string::npos,
                       name << " keeps control character " << int(c));
    }
}

BOOST_AUTO_TEST_CASE(hostile_names_are_escaped_inside_the_diagrams) {
    const Case& kase = loadCase("tests/render/fixtures/hostile.json");
    render::View v = renderer().view(kase, "eha", on("2026-06-26"));
    for (const char* svg : {"genogram_svg", "ecomap_svg"}) {
        std::string text = textAt(v, svg);
        BOOST_TEST(text.find("<svg") == 0u);
        BOOST_TEST(text.find("<script") == std::string::npos);
        BOOST_TEST(text.find("&lt;script&gt;") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_child_without_consent_appears_in_no_document) {
    // Ruth Okafor's consent is refused: neither her name nor her words may appear, even where
    // a worker's free text mentions her.
    const Case& okafor = loadCase("tests/render/fixtures/okafor-ruth-refused.json");
    for (const auto& [name, html] : everyType(okafor, "2026-06-26", false)) {
        for (const char* text : {"Ruth", "Mummy is sad sometimes", "I want Mummy to be happy",
                                 "Mornings are happy now", "I get a sticker", "2019"})
            BOOST_TEST(html.find(text) == std::string::npos, name << " shows " << text);
        if (html.find("OFFICIAL-SENSITIVE") != std::string::npos)  // records name the children
            BOOST_TEST(html.find("Daniel") != std::string::npos, name);
    }
    // The Nowaks' Zofia (17) refused; her brother and the unborn baby are shown.
    const Case& nowak = loadCase("examples/nowak-open.json");
    for (const auto& [name, html] : renderAll(nowak, "2026-10-01"))
        BOOST_TEST(html.find("Zofia") == std::string::npos, name);
    std::string eha = renderer().renderHtml(nowak, "eha", on("2026-10-01"));
    BOOST_TEST(eha.find("Kuba Nowak") != std::string::npos);
    BOOST_TEST(eha.find("Baby Nowak") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
