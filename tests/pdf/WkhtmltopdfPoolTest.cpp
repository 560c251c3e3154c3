#include <signal.h>
#include <sys/stat.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <future>
#include <vector>

#include "PdfTestSupport.h"
#include "pdf/WkhtmltopdfPool.h"

using namespace ehdocs;
using namespace ehdocs::pdftest;
namespace data = boost::unit_test::data;

namespace {

const std::string kLetter = letterHtml(
    "<p>Dear Ms Okafor,</p><p>Your family's Early Help support is now closing.</p>"
    "<p>Yours sincerely,<br>Priya Shah</p>");

std::string messageOf(PdfRenderer& renderer, const PdfJob& job) {
    try {
        renderer.render(job);
    } catch (const PdfError& e) {
        return e.message();
    }
    BOOST_FAIL("expected PdfError for " + job.name);
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wkhtmltopdf_pool)

BOOST_DATA_TEST_CASE(renders_a_one_page_letter_without_stamps, data::make({true, false}), sandbox) {
    WkhtmltopdfPool pool(testSettings(sandbox));
    const std::string pdf = pool.render({"NH-FF-2026-0142 closure_letter", kLetter, "", true});
    BOOST_TEST(pdf.rfind("%PDF-", 0) == 0);
    BOOST_TEST(pageCount(pdf) == 1);
    const std::string text = pdfText(pdf);
    BOOST_TEST(text.find("Dear Ms Okafor,") != std::string::npos);
    BOOST_TEST(text.find("Page 1 of") == std::string::npos);
    BOOST_TEST(pool.stats().rendered == 1u);
}

BOOST_AUTO_TEST_CASE(one_page_with_a_marking_has_the_marking_but_no_page_number) {
    WkhtmltopdfPool pool(testSettings(true));
    const std::string pdf = pool.render({"record", kLetter, "OFFICIAL-SENSITIVE", true});
    const std::string text = pdfText(pdf);
    BOOST_TEST(occurrences(text, "OFFICIAL-SENSITIVE") == 2);  // top and bottom
    BOOST_TEST(text.find("Page 1 of 1") == std::string::npos);
}

BOOST_DATA_TEST_CASE(every_page_of_a_long_record_is_numbered_and_marked, data::make({true, false}),
                     sandbox) {
    WkhtmltopdfPool pool(testSettings(sandbox));
    const std::string pdf =
        pool.render({"NH-FF-2026-0142 case_record", longHtml(4), "OFFICIAL-SENSITIVE", true});
    const int pages = pageCount(pdf);
    BOOST_TEST_REQUIRE(pages >= 4);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = pdfText(pdf, page);
        BOOST_TEST(
            occurrences(text, "Page " + std::to_string(page) + " of " + std::to_string(pages)) == 1,
            "page " << page);
        BOOST_TEST(occurrences(text, "OFFICIAL-SENSITIVE") == 2, "page " << page);
    }
}

BOOST_AUTO_TEST_CASE(page_numbers_can_be_turned_off) {
    WkhtmltopdfPool pool(testSettings(true));
    const std::string pdf = pool.render({"letter", longHtml(2), "", false});
    BOOST_TEST_REQUIRE(pageCount(pdf) >= 2);
    BOOST_TEST(pdfText(pdf).find("Page 1 of") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_threads_share_the_pool_and_get_their_own_documents) {
    WkhtmltopdfPool pool(testSettings(true, 2));
    std::vector<std::future<std::string>> results;
    for (int i = 0; i < 8; ++i) {
        results.push_back(std::async(std::launch::async, [&pool, i] {
            const std::string name = "family " + std::to_string(i);
            return pool.render(
                {name, letterHtml("<p>Letter for family " + std::to_string(i) + " only.</p>"), "",
                 true});
        }));
    }
    for (int i = 0; i < 8; ++i) {
        const std::string text = pdfText(results[i].get());
        BOOST_TEST(text.find("Letter for family " + std::to_string(i) + " only.") !=
                   std::string::npos);
    }
    const PdfPoolStats stats = pool.stats();
    BOOST_TEST(stats.size == 2u);
    BOOST_TEST(stats.rendered == 8u);
    BOOST_TEST(stats.failed == 0u);
    BOOST_TEST(stats.busy == 0u);
    BOOST_TEST(stats.queued == 0u);
    BOOST_TEST(pool.processIds().size() <= 2u);
}

BOOST_AUTO_TEST_CASE(jobs_queue_while_every_process_is_busy) {
    WkhtmltopdfPool pool(testSettings(true, 1));
    auto first = std::async(std::launch::async, [&pool] {
        return pool.render({"long", longHtml(40), "", true});
    });
    waitFor([&] { return pool.stats().busy == 1; }, std::chrono::seconds(30), "the first job");
    auto second = std::async(std::launch::async, [&pool] {
        return pool.render({"queued", kLetter, "", true});
    });
    // The first job takes seconds; the second must wait for it.
    waitFor(
        [&] {
            return pool.stats().queued == 1 ||
                   second.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
        },
        std::chrono::seconds(30), "the second job to queue");
    const PdfPoolStats waiting = pool.stats();
    BOOST_TEST(waiting.queued == 1u);
    BOOST_TEST(waiting.busy == 1u);
    BOOST_TEST(pageCount(first.get()) >= 40);
    BOOST_TEST(pdfText(second.get()).find("Dear Ms Okafor,") != std::string::npos);
    const PdfPoolStats done = pool.stats();
    BOOST_TEST(done.queued == 0u);
    BOOST_TEST(done.busy == 0u);
    BOOST_TEST(done.rendered == 2u);
}

BOOST_DATA_TEST_CASE(a_missed_deadline_fails_that_job_only, data::make({true, false}), sandbox) {
    WkhtmltopdfPool pool(testSettings(sandbox, 1));
    PdfJob slow{"NH-FF-2026-0142 case_record", longHtml(20), "", true};
    slow.deadline = std::chrono::milliseconds(1);
    const std::string message = messageOf(pool, slow);
    BOOST_TEST(message.find("NH-FF-2026-0142 case_record: wkhtmltopdf did not finish within 1 ms "
                            "and was killed") == 0,
               message);
    const std::string pdf = pool.render({"next", kLetter, "", true});
    BOOST_TEST(pdfText(pdf).find("Dear Ms Okafor,") != std::string::npos);
    const PdfPoolStats stats = pool.stats();
    BOOST_TEST(stats.failed == 1u);
    BOOST_TEST(stats.restarts == 1u);
    BOOST_TEST(stats.rendered == 1u);
}

BOOST_DATA_TEST_CASE(a_crashed_process_fails_its_job_only, data::make({true, false}), sandbox) {
    WkhtmltopdfPool pool(testSettings(sandbox, 1));
    pool.render({"warm-up", kLetter, "", true});
    BOOST_TEST_REQUIRE(pool.processIds().size() == 1u);
    const int pid = pool.processIds().front();
    const long idle = treeCpuTicks(pid);

    auto victim = std::async(std::launch::async, [&pool] {
        return messageOf(pool, {"NH-FF-2026-0142 case_record", longHtml(60), "", true});
    });
    // The engine is idle (blocked reading stdin) until it takes the job; once it has used a
    // clearly measurable amount of CPU (50 ms) it is converting, and is killed mid-document.
    waitFor([&] { return treeCpuTicks(pid) >= idle + 5; }, std::chrono::seconds(60),
            "the engine to start converting");
    BOOST_TEST_REQUIRE(::kill(pid, SIGKILL) == 0);
    const std::string message = victim.get();
    BOOST_TEST(message.find("NH-FF-2026-0142 case_record: wkhtmltopdf stopped without finishing "
                            "the document: it was killed by signal 9") == 0,
               message);

    const std::string pdf = pool.render({"next", kLetter, "", true});
    BOOST_TEST(pdfText(pdf).find("Dear Ms Okafor,") != std::string::npos);
    BOOST_TEST(pool.processIds().front() != pid);
    BOOST_TEST(pool.stats().restarts == 1u);
    BOOST_TEST(pool.stats().failed == 1u);
}

BOOST_AUTO_TEST_CASE(a_process_that_died_while_idle_is_replaced_without_failing_a_job) {
    WkhtmltopdfPool pool(testSettings(true, 1));
    pool.render({"first", kLetter, "", true});
    const int pid = pool.processIds().front();
    BOOST_TEST_REQUIRE(::kill(pid, SIGKILL) == 0);
    waitFor([pid] { return hasExited(pid); }, std::chrono::seconds(30), "the process to die");
    const std::string pdf = pool.render({"second", kLetter, "", true});
    BOOST_TEST(pdfText(pdf).find("Dear Ms Okafor,") != std::string::npos);
    BOOST_TEST(pool.stats().failed == 0u);
    BOOST_TEST(pool.stats().restarts == 1u);
}

BOOST_AUTO_TEST_CASE(processes_are_recycled_after_the_configured_number_of_jobs) {
    PdfSettings settings = testSettings(false, 1);
    settings.recycleAfter = 2;
    WkhtmltopdfPool pool(settings);
    pool.render({"1", kLetter, "", true});
    const int first = pool.processIds().front();
    pool.render({"2", kLetter, "", true});
    BOOST_TEST(pool.processIds().front() == first);
    pool.render({"3", kLetter, "", true});
    BOOST_TEST(pool.processIds().front() != first);
    BOOST_TEST(pool.stats().restarts == 0u);  // recycling is not a failure
}

BOOST_AUTO_TEST_CASE(a_missing_engine_is_named_in_the_error) {
    PdfSettings settings = testSettings(true, 1);
    settings.engine = "no-such-wkhtmltopdf";
    WkhtmltopdfPool pool(settings);
    BOOST_TEST(messageOf(pool, {"NH-FF-2026-0142 closure_letter", kLetter, "", true}) ==
               "NH-FF-2026-0142 closure_letter: the PDF engine \"no-such-wkhtmltopdf\" was not "
               "found (install wkhtmltopdf or set pdf.engine)");
}

BOOST_AUTO_TEST_CASE(the_engines_own_error_is_quoted) {
    // A stand-in engine that fails the way wkhtmltopdf does when a page cannot be loaded.
    ScratchDir dir;
    const std::string engine =
        dir.write("fake-engine",
                  "#!/bin/sh\nread line\n"
                  "printf 'Loading page (1/2)\\n[>   ] 0%%\\rError: Failed loading page "
                  "file:///x.html (sometimes it will work)\\n' >&2\nexit 1\n");
    ::chmod(engine.c_str(), 0700);
    PdfSettings settings = testSettings(false, 1);
    settings.engine = engine;
    WkhtmltopdfPool pool(settings);
    BOOST_TEST(
        messageOf(pool, {"NH-FF-2026-0142 closure_letter", kLetter, "", true}) ==
        "NH-FF-2026-0142 closure_letter: fake-engine failed (it exited with status 1): Error: "
        "Failed loading page "
        "file:///x.html (sometimes it will work)");
}

BOOST_AUTO_TEST_SUITE_END()
