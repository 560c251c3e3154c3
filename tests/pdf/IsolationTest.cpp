// Hostile HTML (a template or case text that escaped escaping) must not make the engine
// reach the network or read local files. Each guard is tested with the sandbox on and off (the
// dead proxy alone), and a control run of the bare engine shows that the same HTML does reach
// the listener and the file when nothing stops it, so a zero here means something.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include "PdfTestSupport.h"
#include "Processes.h"
#include "pdf/WkhtmltopdfPool.h"
#include "pdf/WkhtmltopdfProcess.h"

using namespace ehdocs;
using namespace ehdocs::pdftest;
namespace data = boost::unit_test::data;

namespace {

const char* const kMarker = "MARKER-7f3c1e-SECRET";

// Replaces every "$" in `pattern` with `value`.
std::string fill(const std::string& pattern, const std::string& value) {
    std::string out;
    for (char c : pattern) out += c == '$' ? value : std::string(1, c);
    return out;
}

// What hostile HTML asks the engine to fetch, each from 127.0.0.1:port ("$").
enum Fetches {
    kResources = 1,  // stylesheets, fonts, images, objects: their failure is ignored
    kFrames = 2,     // iframes and a redirect: their failure may abort the document
    kFtp = 4,        // an ftp:// iframe; the bare engine hangs on it, so the control leaves it out
};

std::string networkHostileHtml(int port, int fetches) {
    const char* const head[] = {
        R"(<link rel="stylesheet" href="http://$/link.css">)",
        R"(<link rel="prefetch" href="http://$/prefetch">)",
        R"(<script src="http://$/script.js"></script>)",
        R"(<style>@import url("http://$/import.css");)"
        R"(@font-face{font-family:x;src:url(http://$/font.ttf)})"
        R"(body{background:url(http://$/background.png);font-family:x}</style>)"};
    const char* const body[] = {
        R"(<img src="http://$/img.png">)",
        R"(<object data="http://$/object"></object>)",
        R"(<embed src="http://$/embed">)",
        R"(<video poster="http://$/poster.png"></video>)",
        R"(<svg width="10" height="10"><image href="http://$/svg.png" width="10" height="10"/></svg>)",
        R"(<a href="http://$/link">a link is fine</a>)"};
    const std::string at = "127.0.0.1:" + std::to_string(port);
    std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">";
    if (fetches & kResources) {
        for (const char* element : head) html += fill(element, at);
    }
    if (fetches & kFrames) {
        html += fill(R"(<meta http-equiv="refresh" content="0; url=http://$/refresh">)", at);
    }
    html += "</head><body><h1>Hostile document</h1>";
    if (fetches & kResources) {
        for (const char* element : body) html += fill(element, at);
    }
    if (fetches & kFrames) {
        html += fill(R"(<iframe src="http://$/iframe"></iframe>)", at);
        html += fill(R"(<iframe src="https://$/iframe-tls"></iframe>)", at);
    }
    if (fetches & kFtp) html += fill(R"(<iframe src="ftp://$/ftp"></iframe>)", at);
    return html + "</body></html>";
}

// `text` holds the marker as plain text, `css` a stylesheet that would print it.
std::string fileHostileHtml(const std::string& text, const std::string& css) {
    const std::string url = "file://" + text;
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
           "<link rel=\"stylesheet\" href=\"file://" +
           css +
           "\">"
           "<style>@import url(\"file://" +
           css +
           "\");</style></head>"
           "<body><h1>Hostile document</h1>"
           "<iframe src=\"" +
           url +
           "\" width=\"600\" height=\"100\"></iframe>"
           "<iframe src=\"" +
           text +
           "\" width=\"600\" height=\"100\"></iframe>"
           "<object data=\"" +
           url +
           "\" type=\"text/plain\" width=\"600\" height=\"100\">"
           "</object><embed src=\"" +
           url +
           "\" width=\"600\" height=\"100\">"
           "<img src=\"" +
           url + "\"></body></html>";
}

struct Secrets {
    ScratchDir dir;
    std::string text = dir.write("secret.txt", std::string(kMarker) + "\n");
    std::string css =
        dir.write("secret.css", "h1::after{content:\"" + std::string(kMarker) + "\"}");
    std::string html() const { return fileHostileHtml(text, css); }
};

// The bare engine with none of our guards, for the control runs.
// (wkhtmltopdf 0.12.6 blocks local files by default, so the control allows them.)
std::string renderUnguarded(const ScratchDir& dir, const std::string& html) {
    const std::string in = dir.write("control.html", html);
    const std::string out = dir.path() + "/control.pdf";
    test::RunOptions options;
    options.environment = {{"QT_QPA_PLATFORM", "offscreen"}, {"XDG_RUNTIME_DIR", dir.path()}};
    test::run("/usr/bin/wkhtmltopdf",
              {"-q", "--disable-javascript", "--enable-local-file-access", in, out}, options);
    std::ifstream file(out, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(isolation)

BOOST_AUTO_TEST_CASE(control_the_bare_engine_does_fetch_and_read) {
    ConnectionCounter listener;
    ScratchDir dir;
    renderUnguarded(dir, networkHostileHtml(listener.port(), kResources | kFrames));
    BOOST_TEST(listener.count() > 0);

    Secrets secrets;
    const std::string text = pdfText(renderUnguarded(dir, secrets.html()));
    BOOST_TEST(occurrences(text, kMarker) >= 3, text);  // the stylesheet, iframe and object
}

BOOST_DATA_TEST_CASE(the_pool_fetches_no_resources, data::make({true, false}), sandbox) {
    ConnectionCounter listener;
    WkhtmltopdfPool pool(testSettings(sandbox, 1));
    BOOST_TEST_MESSAGE("sandboxed: " << pool.sandboxed());
    if (sandbox) BOOST_TEST(pool.sandboxed());  // bubblewrap works on this machine
    const std::string pdf = pool.render(
        {"hostile", networkHostileHtml(listener.port(), kResources), "OFFICIAL-SENSITIVE", true});
    BOOST_TEST(pdfText(pdf).find("Hostile document") != std::string::npos);
    BOOST_TEST(listener.count() == 0);
}

BOOST_DATA_TEST_CASE(the_one_process_renderer_fetches_no_resources, data::make({true, false}),
                     sandbox) {
    ConnectionCounter listener;
    WkhtmltopdfProcess renderer(testSettings(sandbox));
    const std::string pdf =
        renderer.render({"hostile", networkHostileHtml(listener.port(), kResources), "", true});
    BOOST_TEST(pdfText(pdf).find("Hostile document") != std::string::npos);
    BOOST_TEST(listener.count() == 0);
}

// A frame or redirect that cannot load may abort the document (--load-error-handling abort;
// whether it does depends on timing inside the engine): then the job fails, naming the document
// and quoting the engine. Either way nothing reaches the listener.
BOOST_DATA_TEST_CASE(frames_and_redirects_connect_nowhere, data::make({true, false}), sandbox) {
    ConnectionCounter listener;
    WkhtmltopdfPool pool(testSettings(sandbox, 1));
    WkhtmltopdfProcess process(testSettings(sandbox));
    const std::string html = networkHostileHtml(listener.port(), kResources | kFrames | kFtp);
    for (PdfRenderer* renderer : std::vector<PdfRenderer*>{&pool, &process}) {
        try {
            const std::string pdf = renderer->render({"hostile", html, "", true});
            BOOST_TEST(pdfText(pdf).find("Hostile document") != std::string::npos);
        } catch (const PdfError& e) {
            BOOST_TEST(e.message().find("hostile: wkhtmltopdf failed (it exited with status 1): "
                                        "Error: Failed to load ") == 0,
                       e.message());
        }
    }
    BOOST_TEST(listener.count() == 0);
}

BOOST_DATA_TEST_CASE(local_files_cannot_be_read, data::make({true, false}), sandbox) {
    Secrets secrets;
    WkhtmltopdfPool pool(testSettings(sandbox, 1));
    const std::string pdf = pool.render({"hostile", secrets.html(), "", true});
    const std::string text = pdfText(pdf);
    BOOST_TEST(text.find("Hostile document") != std::string::npos);
    BOOST_TEST(text.find(kMarker) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
