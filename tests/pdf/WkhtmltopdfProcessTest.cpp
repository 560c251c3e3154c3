#include <boost/test/unit_test.hpp>

#include "PdfTestSupport.h"
#include "pdf/WkhtmltopdfProcess.h"

using namespace ehdocs;
using namespace ehdocs::pdftest;

BOOST_AUTO_TEST_SUITE(wkhtmltopdf_process)

BOOST_AUTO_TEST_CASE(renders_and_stamps_like_the_pool) {
    WkhtmltopdfProcess renderer(testSettings(true));
    const std::string pdf =
        renderer.render({"NH-FF-2026-0142 case_record", longHtml(2), "OFFICIAL-SENSITIVE", true});
    const int pages = pageCount(pdf);
    BOOST_TEST_REQUIRE(pages >= 2);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = pdfText(pdf, page);
        BOOST_TEST(text.find("Page " + std::to_string(page) + " of " + std::to_string(pages)) !=
                   std::string::npos);
        BOOST_TEST(occurrences(text, "OFFICIAL-SENSITIVE") == 2);
    }
}

BOOST_AUTO_TEST_CASE(a_missed_deadline_names_the_document) {
    WkhtmltopdfProcess renderer(testSettings(true));
    PdfJob job{"NH-FF-2026-0142 case_record", longHtml(20), "", true};
    job.deadline = std::chrono::milliseconds(1);
    try {
        renderer.render(job);
        BOOST_FAIL("expected PdfError");
    } catch (const PdfError& e) {
        BOOST_TEST(e.message().find("NH-FF-2026-0142 case_record: wkhtmltopdf did not finish "
                                    "within 1 ms and was killed") == 0,
                   e.message());
    }
    const std::string pdf = renderer.render({"next", letterHtml("<p>Fine</p>"), "", true});
    BOOST_TEST(pdfText(pdf).find("Fine") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
