// Every document type as PDF (through the PDF library's pool), read back with pdftotext.
#include <Poco/File.h>

#include <boost/test/unit_test.hpp>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "Fixtures.h"
#include "Processes.h"
#include "pdf/WkhtmltopdfPool.h"

using namespace ehdocs;
using namespace ehdocs::test;

namespace {

struct PdfCase {
    const char* file;
    const char* date;
};

// A word pdftotext -bbox found: its text and box, in points from the page's top-left corner.
struct PlacedWord {
    std::string text;
    double xMin, yMin, xMax, yMax;
    int page;
};

std::vector<PlacedWord> pdfWords(const std::string& pdf) {
    std::string dir = tempDir();
    std::string path = dir + "/doc.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    const Run bbox = run("/usr/bin/pdftotext", {"-bbox", "-enc", "UTF-8", path, "-"});
    BOOST_TEST_REQUIRE(bbox.status == 0, "pdftotext -bbox: " << bbox.err);
    std::vector<PlacedWord> words;
    int page = 0;
    std::istringstream lines(bbox.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("<page ") != std::string::npos) ++page;
        size_t at = line.find("<word ");
        if (at == std::string::npos) continue;
        PlacedWord w{};
        w.page = page;
        auto number = [&](const char* name) {
            size_t p = line.find(std::string(name) + "=\"", at);
            return std::stod(line.substr(p + std::strlen(name) + 2));
        };
        w.xMin = number("xMin"), w.yMin = number("yMin");
        w.xMax = number("xMax"), w.yMax = number("yMax");
        size_t open = line.find('>', at) + 1;
        w.text = line.substr(open, line.find("</word>") - open);
        words.push_back(w);
    }
    return words;
}

constexpr double kPointsPerMm = 72.0 / 25.4;

// The window of a UK DL/C5 left-window envelope on the A4 sheet (templates/letter_window.css).
struct Window {
    double left = 20, top = 50, width = 90, height = 35;  // mm
    bool holds(const PlacedWord& w) const {
        return w.page == 1 && w.xMin >= left * kPointsPerMm &&
               w.xMax <= (left + width) * kPointsPerMm && w.yMin >= top * kPointsPerMm &&
               w.yMax <= (top + height) * kPointsPerMm;
    }
};

// True when the words of `line`, one after another, are found wholly inside `window`.
bool lineInWindow(const std::vector<PlacedWord>& words, const std::string& line,
                  const Window& window) {
    std::vector<std::string> want;
    std::istringstream split(line);
    for (std::string w; split >> w;) want.push_back(w);
    for (size_t i = 0; i + want.size() <= words.size(); ++i) {
        bool all = true;
        for (size_t k = 0; k < want.size() && all; ++k)
            all = words[i + k].text == want[k] && window.holds(words[i + k]);
        if (all) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_documents)

BOOST_AUTO_TEST_CASE(every_document_type_renders_to_a_pdf_with_its_content) {
    WkhtmltopdfPool pool(PdfSettings{});
    std::set<std::string> typesSeen;
    for (PdfCase c : {PdfCase{"examples/okafor-ready-to-close.json", "2026-06-26"},
                      PdfCase{"examples/hughes-stepped-up.json", "2026-05-14"},
                      PdfCase{"examples/bennett-disengaged.json", "2026-09-30"},
                      PdfCase{"examples/nowak-open.json", "2026-09-20"},
                      PdfCase{"service/render/lint-sample.json", "2026-06-01"}}) {
        const Case& kase = loadCase(c.file);
        for (const render::DocumentRequest& r : renderer().applicable(kase, *Date::parse(c.date))) {
            if (!typesSeen.insert(r.type->id).second) continue;  // one PDF per type is enough
            std::string pdf =
                renderer().renderPdf(kase, r.type->id, on(kase, c.date, r.meeting), pool);
            BOOST_TEST_REQUIRE(pdf.compare(0, 5, "%PDF-") == 0, r.name());
            std::string text = pdfText(pdf);
            BOOST_TEST(text.find(kase.family.familyName) != std::string::npos, r.name());
            BOOST_TEST(text.find(kase.caseId) != std::string::npos, r.name());
            BOOST_TEST(text.find(kase.worker(kase.leadWorker)->name) != std::string::npos,
                       r.name());
            BOOST_TEST(text.find(Date::parse(c.date)->uk()) != std::string::npos, r.name());
            BOOST_TEST(
                (text.find("OFFICIAL-SENSITIVE") != std::string::npos) == !r.type->familyFacing,
                r.name() << " marking");
        }
    }
    // Every registered type was rendered to PDF at least once.
    BOOST_TEST(typesSeen.size() == renderer().types().all().size());
}

BOOST_AUTO_TEST_CASE(the_eha_pdf_holds_the_diagrams_and_the_childs_words) {
    WkhtmltopdfPool pool(PdfSettings{});
    const Case& okafor = loadCase("examples/okafor-ready-to-close.json");
    std::string text = pdfText(renderer().renderPdf(okafor, "eha", on("2026-06-26"), pool));
    for (const char* expected :
         {"Genogram", "Ecomap", "Comfort Adeyemi", "stressful",
          "I want mornings to be normal and not shouty.", "lives in the household"})
        BOOST_TEST(text.find(expected) != std::string::npos, expected);
}

BOOST_AUTO_TEST_CASE(hostile_text_prints_as_text_in_the_pdf) {
    WkhtmltopdfPool pool(PdfSettings{});
    const Case& hostile = loadCase("tests/render/fixtures/hostile.json");
    for (const char* type : {"eha", "closure_letter"}) {
        std::string text = pdfText(renderer().renderPdf(hostile, type, on("2026-06-26"), pool));
        BOOST_TEST(text.find("<script>alert(\"x\")</script>") != std::string::npos, type);
        BOOST_TEST(text.find("{{family_name}}") != std::string::npos, type);
    }
}

BOOST_AUTO_TEST_CASE(the_address_shows_in_the_envelope_window_on_every_family_letter) {
    WkhtmltopdfPool pool(PdfSettings{});
    std::set<std::string> typesSeen;
    for (PdfCase c : {PdfCase{"examples/okafor-ready-to-close.json", "2026-06-26"},
                      PdfCase{"examples/hughes-stepped-up.json", "2026-05-14"},
                      PdfCase{"examples/bennett-disengaged.json", "2026-09-30"},
                      PdfCase{"examples/nowak-open.json", "2026-09-20"},
                      PdfCase{"service/render/lint-sample.json", "2026-06-01"}}) {
        const Case& kase = loadCase(c.file);
        for (const render::DocumentRequest& r : renderer().applicable(kase, *Date::parse(c.date))) {
            if (!r.type->familyFacing || !typesSeen.insert(r.type->id).second) continue;
            render::RenderOptions options = on(c.date, r.meeting);
            std::vector<PlacedWord> words =
                pdfWords(renderer().renderPdf(kase, r.type->id, options, pool));
            render::View view = renderer().view(kase, r.type->id, options);
            for (const render::View& line : at(view, "address_block").items())
                BOOST_TEST(lineInWindow(words, line.get("line")->text(), Window{}),
                           r.name() << ": \"" << line.get("line")->text()
                                    << "\" is not in the envelope window");
        }
    }
    BOOST_TEST(typesSeen.size() >= 6u);
}

BOOST_AUTO_TEST_CASE(an_authority_moves_the_window_with_its_own_stylesheet) {
    std::string dir = tempDir();
    std::ofstream(dir + "/letter_window.css")
        << readFile(std::string(EHDOCS_SOURCE_DIR) + "/templates/letter_window.css") +
               "\n.letter-top .window { left: 100mm; top: 55mm; }\n";
    render::DocumentRenderer moved(render::TemplateSet::withOverrides(dir));
    WkhtmltopdfPool pool(PdfSettings{});
    const Case& okafor = loadCase("examples/okafor-ready-to-close.json");
    std::vector<PlacedWord> words =
        pdfWords(moved.renderPdf(okafor, "closure_letter", on("2026-06-26"), pool));
    // Further right and lower: (100 x 0.768) + 18 = 95 mm from the left, (55 x 0.768) + 18 =
    // 60 mm from the top of the sheet.
    Window right;
    right.left = 93, right.top = 58;
    BOOST_TEST(lineInWindow(words, "14 Cranberry Lane", right));
    BOOST_TEST(!lineInWindow(words, "14 Cranberry Lane", Window{}));
}

BOOST_AUTO_TEST_SUITE_END()
