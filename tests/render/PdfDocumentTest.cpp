// Every document type as PDF (through the PDF library's pool), read back with pdftotext.
#include <Poco/File.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>

#include "Fixtures.h"
#include "pdf/WkhtmltopdfPool.h"

using namespace ehdocs;
using namespace ehdocs::test;

namespace {

struct PdfCase {
    const char* file;
    const char* date;
};

std::string pdfText(const std::string& pdf) {
    std::string dir = tempDir();
    std::string path = dir + "/doc.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    std::string text, err;
    int status = run("/usr/bin/pdftotext", {"-enc", "UTF-8", path, "-"}, &text, &err);
    BOOST_TEST_REQUIRE(status == 0, "pdftotext: " << err);
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_documents)

BOOST_AUTO_TEST_CASE(every_document_type_renders_to_a_pdf_with_its_content) {
    WkhtmltopdfPool pool(PdfSettings{});
    std::set<std::string> typesSeen;
    for (PdfCase c : {PdfCase{"examples/okafor-ready-to-close.json", "2026-06-26"},
                      PdfCase{"examples/hughes-stepped-up.json", "2026-05-14"},
                      PdfCase{"examples/bennett-disengaged.json", "2026-09-30"},
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

BOOST_AUTO_TEST_SUITE_END()
