// Everything ehdocs writes as JSON is valid UTF-8 (docs/security.md, "Valid UTF-8"): invalid
// bytes sent in a path or a query value are replaced (U+FFFD) before they reach an error
// message or the audit trail, so /api/v1/audit stays readable by strict parsers.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "ApiFixture.h"
#include "Processes.h"
#include "store/ValidUtf8.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;
namespace bdata = boost::unit_test::data;

namespace {

// Python's strict UTF-8 decoder and JSON parser, as an independent judge.
bool strictJson(const std::string& text) {
    return ehdocs::test::run(
               "/usr/bin/python3",
               {"-c", "import json,sys; json.loads(sys.stdin.buffer.read().decode('utf-8'))"},
               {text})
               .status == 0;
}

struct Sample {
    const char* bytes;
    const char* clean;
};
std::ostream& operator<<(std::ostream& out, const Sample& s) {
    return out << ehdocs::store::validUtf8(s.bytes);
}

const Sample kSamples[] = {
    {"plain", "plain"},
    {"caf\xc3\xa9", "caf\xc3\xa9"},
    {"a\xff"
     "b",
     "a\xef\xbf\xbd"
     "b"},
    {"\xc0\x80", "\xef\xbf\xbd"},          // overlong NUL
    {"\xed\xa0\x80", "\xef\xbf\xbd"},      // a UTF-16 surrogate
    {"end\xe2\x82", "end\xef\xbf\xbd"},    // truncated
    {"\xf4\x90\x80\x80", "\xef\xbf\xbd"},  // above U+10FFFF
};

}  // namespace

BOOST_AUTO_TEST_SUITE(valid_utf8)

BOOST_DATA_TEST_CASE(invalid_sequences_are_replaced_and_valid_text_kept, bdata::make(kSamples),
                     sample) {
    BOOST_TEST(ehdocs::store::validUtf8(sample.bytes) == std::string(sample.clean));
}

BOOST_FIXTURE_TEST_CASE(invalid_bytes_in_paths_and_queries_do_not_reach_json_output, ApiFixture) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "coach_south").status == 201);
    const std::vector<std::pair<std::string, std::string>> calls = {
        {"DELETE", "/api/v1/cases/%FF%FE%C0%80"},                               // 405, audited
        {"GET", "/api/v1/cases/NH-FF-2026-0142/readiness?as_of=%FF%ED%A0%80"},  // 400, audited
        {"GET", "/api/v1/nothing/%E2%82"},                                      // 404
        {"GET", "/api/v1/audit?case=%FF&user=%C3"},
    };
    for (const auto& [method, path] : calls) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            const Reply reply = call(method, path, token("admin"));
            BOOST_TEST(strictJson(reply.body), reply.body);
        }
    }
    const Reply audit = call("GET", "/api/v1/audit", token("admin"));
    BOOST_TEST(audit.status == 200);
    const bool replaced = audit.body.find("\\ufffd") != std::string::npos ||
                          audit.body.find("\xef\xbf\xbd") != std::string::npos;
    BOOST_TEST(replaced, "the invalid bytes were replaced, not dropped silently");
    BOOST_TEST(strictJson(audit.body), audit.body);
}

BOOST_AUTO_TEST_SUITE_END()
