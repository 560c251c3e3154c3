// A key given twice in one object of a case file is a validation error at its path
// (docs/security.md, "Duplicate keys"), wherever it is: readers disagree on which copy counts.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "case/CaseReader.h"

using ehdocs::CaseReader;
using ehdocs::ReadResult;
namespace bdata = boost::unit_test::data;

namespace {

std::string okafor() {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/examples/okafor-ready-to-close.json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The example with the first `find` replaced by `replace`.
std::string edited(const std::string& find, const std::string& replace) {
    std::string json = okafor();
    const auto at = json.find(find);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "the example has no " + find);
    return json.replace(at, find.size(), replace);
}

struct Duplicate {
    const char* find;
    const char* replace;
    const char* path;
};
std::ostream& operator<<(std::ostream& out, const Duplicate& d) {
    return out << d.path;
}

const Duplicate kDuplicates[] = {
    {"\"team\": \"South\"", "\"team\": \"North\", \"team\": \"South\"", "service.team"},
    {"\"case_id\": \"NH-FF-2026-0142\"",
     "\"case_id\": \"NH-FF-2026-0142\", \"case_id\": \"NH-FF-2026-9999\"", "case_id"},
    {"\"status\": \"open\"", "\"status\": \"open\", \"status\": \"closed\"", "status"},
    {"\"town\": \"London\"", "\"town\": \"London\", \"town\": \"London\"", "family.address.town"},
    {"\"family_name\": \"Okafor\"", "\"family_name\": \"Okafor\", \"family_name\": \"Smith\"",
     "family.family_name"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(duplicate_keys)

BOOST_DATA_TEST_CASE(a_key_given_twice_is_an_error_at_its_path, bdata::make(kDuplicates), d) {
    BOOST_REQUIRE(CaseReader::fromJson(okafor()).ok());
    const ReadResult r = CaseReader::fromJson(edited(d.find, d.replace));
    BOOST_TEST(!r.ok());
    BOOST_TEST(!r.kase);
    BOOST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].path == std::string(d.path));
    BOOST_TEST(r.errors[0].message.find("more than once") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(paths_inside_lists_name_the_element) {
    const ReadResult r = CaseReader::fromJson(
        R"({"a": [1, {"b": 2}, [3, {"c": 4, "c": 5}]], "d": {"e": [{"f": 1, "f": 1}]}})");
    std::vector<std::string> paths;
    for (const auto& e : r.errors) paths.push_back(e.path);
    BOOST_REQUIRE(paths.size() == 2u);
    BOOST_TEST(paths[0] == "a[2][1].c");
    BOOST_TEST(paths[1] == "d.e[0].f");
}

BOOST_AUTO_TEST_CASE(the_same_key_in_different_objects_is_fine) {
    const ReadResult r =
        CaseReader::fromJson(R"({"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]})");
    for (const auto& e : r.errors)
        BOOST_TEST(e.message.find("more than once") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
