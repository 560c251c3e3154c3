#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "export/ExportException.h"
#include "export/XlsxText.h"

namespace {

using namespace ehdocs;

BOOST_AUTO_TEST_CASE(short_text_is_kept) {
    BOOST_TEST(cellText("=SUM(A1)") == "=SUM(A1)");
    BOOST_TEST(cellText("tab\tnew\nline\r") == "tab\tnew\nline\r");
    BOOST_TEST(cellText("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(clean_text_is_recognised_without_copying) {
    BOOST_TEST(isCleanCellText("=SUM(A1)\tok\n"));
    BOOST_TEST(!isCleanCellText("caf\xC3\xA9"));  // non-ASCII goes through cellText
    BOOST_TEST(!isCleanCellText("bell\x07"));
    BOOST_TEST(!isCleanCellText(std::string(61, 'a'), 60));
    BOOST_TEST(isCleanCellText(std::string(60, 'a'), 60));
}

BOOST_AUTO_TEST_CASE(controls_and_bad_utf8_are_replaced) {
    BOOST_TEST(cellText(std::string("a\x01"
                                    "b\x1F",
                                    4)) ==
               "a\xEF\xBF\xBD"
               "b\xEF\xBF\xBD");
    BOOST_TEST(cellText("bad \xC3 end") == "bad \xEF\xBF\xBD end");
    BOOST_TEST(cellText("\xED\xA0\x80") ==
               "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate: one per byte
}

BOOST_AUTO_TEST_CASE(long_text_is_cut_with_the_marker) {
    const std::string marker = kCutMarker;
    const std::string cut = cellText(std::string(100, 'a'), 60);
    BOOST_TEST(cut.substr(cut.size() - marker.size()) == marker);
    BOOST_TEST(cellText(std::string(60, 'a'), 60) == std::string(60, 'a'));
    // Four-byte characters count as two units and are never split.
    std::string emoji;
    for (int i = 0; i < 40; ++i) emoji += "\xF0\x9F\x98\x80";
    const std::string cutEmoji = cellText(emoji, 60);
    const std::string kept = cutEmoji.substr(0, cutEmoji.size() - marker.size());
    BOOST_TEST(kept.size() % 4 == 0u);
    BOOST_TEST(cellText(std::string(40000, 'z')).size() - marker.size() + 36 <= 32767u + 36);
}

struct BadName {
    const char* name;
    const char* message;
};
std::ostream& operator<<(std::ostream& out, const BadName& b) {
    return out << b.name;
}

const std::vector<BadName> kBadSheetNames = {
    {"", "sheet name \"\" is empty"},
    {"A name that is much too long to fit", "is longer than Excel's 31 characters"},
    {"Q1/Q2", "contains one of the characters"},
    {"a[1]", "contains one of the characters"},
    {"'quoted'", "starts or ends with an apostrophe"},
    {"History", "is reserved by Excel"},
    {"families", "is already used in this workbook"},
};

BOOST_DATA_TEST_CASE(bad_sheet_names_are_refused, boost::unit_test::data::make(kBadSheetNames),
                     bad) {
    BOOST_CHECK_EXCEPTION(checkSheetName(bad.name, {"Families"}), ExportException,
                          [&](const ExportException& e) {
                              return e.message().find(bad.message) != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(good_names_pass) {
    BOOST_CHECK_NO_THROW(checkSheetName("Summary", {"Families"}));
    BOOST_CHECK_NO_THROW(checkSheetName("It's fine", {}));
    BOOST_CHECK_NO_THROW(checkDefinedName("Families_2026.total"));
}

BOOST_AUTO_TEST_CASE(bad_defined_names_are_refused) {
    for (const char* name : {"", "1abc", "has space", "A1", "XFD1048576", "R1C1", "r"})
        BOOST_CHECK_THROW(checkDefinedName(name), ExportException);
}

}  // namespace
