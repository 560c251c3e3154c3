#include <boost/test/unit_test.hpp>

#include "PdfTestSupport.h"
#include "pdf/PdfError.h"
#include "pdf/PdfStamper.h"
#include "pdf/WkhtmltopdfPool.h"

using namespace ehdocs;
using namespace ehdocs::pdftest;

BOOST_AUTO_TEST_SUITE(pdf_stamper)

BOOST_AUTO_TEST_CASE(unreadable_pdf_is_an_error_naming_the_document) {
    try {
        PdfStamper::stamp("NH-FF-2026-0142 closure_letter", "not a pdf", "OFFICIAL-SENSITIVE",
                          true);
        BOOST_FAIL("expected PdfError");
    } catch (const PdfError& e) {
        BOOST_TEST(e.message().find("NH-FF-2026-0142 closure_letter: the engine's PDF cannot be "
                                    "read") == 0);
    }
}

BOOST_AUTO_TEST_CASE(stamps_added_to_an_engine_pdf_page_by_page) {
    WkhtmltopdfPool pool(testSettings(false, 1));
    PdfJob job{"plain", longHtml(3), "", false};
    const std::string plain = pool.render(job);  // neither numbers nor marking: untouched
    const int pages = pageCount(plain);
    BOOST_TEST_REQUIRE(pages >= 3);
    BOOST_TEST(pdfText(plain).find("Page 1 of") == std::string::npos);
    BOOST_TEST(PdfStamper::stamp("plain", plain, "", false) == plain);
    BOOST_TEST(PdfStamper::stamp("plain", plain, "", true) != plain);

    const std::string stamped = PdfStamper::stamp("plain", plain, "OFFICIAL (Test)", true);
    BOOST_TEST(pageCount(stamped) == pages);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = pdfText(stamped, page);
        BOOST_TEST(occurrences(text, "OFFICIAL (Test)") == 2, "page " << page);
        BOOST_TEST(
            occurrences(text, "Page " + std::to_string(page) + " of " + std::to_string(pages)) == 1,
            "page " << page);
    }
}

BOOST_AUTO_TEST_CASE(non_ascii_marking_characters_become_question_marks) {
    WkhtmltopdfPool pool(testSettings(false, 1));
    const std::string plain = pool.render({"plain", letterHtml("<p>Hello</p>"), "", false});
    const std::string stamped = PdfStamper::stamp("plain", plain, "OFFICIAL\xe2\x80\x94X", false);
    BOOST_TEST(occurrences(pdfText(stamped), "OFFICIAL???X") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
