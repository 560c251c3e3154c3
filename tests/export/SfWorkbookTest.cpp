#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "TestCases.h"
#include "export/ExportException.h"
#include "export/SfWorkbookExport.h"
#include "export/SfWorkbookWriter.h"
#include "export/XlsxText.h"

namespace {

using namespace ehdocs;
using Poco::JSON::Array;
using Poco::JSON::Object;
using test::d;

const std::string kLongText(40000, 'x');

// Case text a spreadsheet might run if it were written as a formula.
Case hostileFamily() {
    Case kase = test::claimableFamily();
    kase.caseId = "SF-EVIL";
    kase.family.familyName = "=HYPERLINK(\"http://evil.example\",\"click\")";
    kase.workers[0].name = "+cmd|' /C calc'!A0";
    auto& sf = *kase.supportingFamilies;
    sf.criteria[0].evidence = "@SUM(1+1)*cmd|' /C calc'!A0";
    sf.criteria[0].source = "-2+3";
    sf.criteria[1].evidence = kLongText;
    sf.criteria[2].evidence = std::string("bell\x07 and <tag> & \"quotes\"");
    sf.criteria[2].date = Date::fromYmd(1850, 1, 1);  // before Excel's dates begin
    sf.claim = SfClaim{"significant_and_sustained_progress", d("2026-02-01"), "=1+1"};
    return kase;
}

Object::Ptr readBack(const std::string& path) {
    const std::string json = test::runCommand(
        "/usr/bin/python3 " EHDOCS_SOURCE_DIR "/tests/export/read_workbook.py " + path);
    return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
}

Array::Ptr sheetRows(const Object::Ptr& book, const std::string& name) {
    auto sheets = book->getArray("sheets");
    for (std::size_t i = 0; i < sheets->size(); ++i)
        if (sheets->getObject(i)->getValue<std::string>("name") == name)
            return sheets->getObject(i)->getArray("rows");
    BOOST_FAIL("no sheet " << name);
    return nullptr;
}

Object::Ptr sheetObject(const Object::Ptr& book, const std::string& name) {
    auto sheets = book->getArray("sheets");
    for (std::size_t i = 0; i < sheets->size(); ++i)
        if (sheets->getObject(i)->getValue<std::string>("name") == name)
            return sheets->getObject(i);
    BOOST_FAIL("no sheet " << name);
    return nullptr;
}

// "t:v" for a cell, "" for an empty one.
std::string cell(const Array::Ptr& rows, std::size_t row, std::size_t col) {
    auto cells = rows->getArray(row);
    if (col >= cells->size() || cells->isNull(col)) return "";
    auto c = cells->getObject(col);
    return c->getValue<std::string>("t") + ":" + c->get("v").convert<std::string>();
}

// The row whose first cell is `caseId`.
std::size_t rowOf(const Array::Ptr& rows, const std::string& caseId) {
    for (std::size_t r = 0; r < rows->size(); ++r)
        if (cell(rows, r, 0) == "s:" + caseId) return r;
    BOOST_FAIL("no row for " << caseId);
    return 0;
}

SfExport sampleExport() {
    SfExport data(ClaimAssessor(), d("2026-07-11"));
    BOOST_TEST(data.add(test::claimableFamily()));
    BOOST_TEST(data.add(test::example("okafor-ready-to-close.json")));
    BOOST_TEST(!data.add(test::example("bennett-disengaged.json")));
    BOOST_TEST(data.add(hostileFamily()));
    data.addInvalid({"broken.json", {"referral.received: missing", "family: missing"}});
    return data;
}

BOOST_DATA_TEST_CASE(sf_workbook_reads_back, boost::unit_test::data::make({false, true}),
                     constantMemory) {
    const SfExport data = sampleExport();
    test::TempPath out(".xlsx");
    SfWorkbookOptions options;
    options.constantMemoryFrom = constantMemory ? 0 : 1000;
    SfWorkbookWriter::write(data, out.path(), options);
    const auto book = readBack(out.path());

    auto sheets = book->getArray("sheets");
    BOOST_REQUIRE(sheets->size() == 3u);
    BOOST_TEST(sheets->getObject(0)->getValue<std::string>("name") == "Families");
    BOOST_TEST(sheets->getObject(1)->getValue<std::string>("name") == "Evidence");
    BOOST_TEST(sheets->getObject(2)->getValue<std::string>("name") == "Summary");
    BOOST_TEST(book->getValue<int>("formula_elements") == 0);

    const auto families = sheetRows(book, "Families");
    const auto& header = SfWorkbookWriter::familiesHeader();
    for (std::size_t c = 0; c < header.size(); ++c)
        BOOST_TEST(cell(families, 0, c) == "s:" + header[c]);
    BOOST_TEST(families->size() == 4u);
    BOOST_TEST(sheetObject(book, "Families")->getValue<std::string>("freeze") == "A2");
    BOOST_TEST(sheetObject(book, "Families")->getValue<std::string>("filter") == "A1:M4");
    BOOST_TEST(sheetObject(book, "Evidence")->getValue<std::string>("freeze") == "A2");

    const std::size_t sf1 = rowOf(families, "SF-1");
    BOOST_TEST(cell(families, sf1, 1) == "s:Test");
    BOOST_TEST(cell(families, sf1, 2) == "s:North");
    BOOST_TEST(cell(families, sf1, 3) == "s:Wendy Worker");
    BOOST_TEST(cell(families, sf1, 4) == "s:sf_2022");
    BOOST_TEST(cell(families, sf1, 5) == "d:2025-09-01");
    BOOST_TEST(cell(families, sf1, 6) == "s:education, health, housing");
    BOOST_TEST(cell(families, sf1, 7) == "s:Yes");
    BOOST_TEST(cell(families, sf1, 8) == "s:Yes");
    BOOST_TEST(cell(families, sf1, 9) == "s:claimable");
    BOOST_TEST(cell(families, sf1, 10) == "s:significant_and_sustained_progress");
    BOOST_TEST(cell(families, sf1, 11) == "d:2026-07-11");

    const std::size_t okafor = rowOf(families, "NH-FF-2026-0142");
    BOOST_TEST(cell(families, okafor, 9) == "s:outcomes_outstanding");
    BOOST_TEST(cell(families, okafor, 11) == "");
    BOOST_TEST(cell(families, okafor, 12) == "s:health: outcome in progress");
    BOOST_TEST(cell(families, okafor, 5) == "d:2026-03-20");

    // Hostile text comes back as the very same text, as text.
    const std::size_t evil = rowOf(families, "SF-EVIL");
    BOOST_TEST(cell(families, evil, 1) == "s:=HYPERLINK(\"http://evil.example\",\"click\")");
    BOOST_TEST(cell(families, evil, 3) == "s:+cmd|' /C calc'!A0");
    BOOST_TEST(cell(families, evil, 9) == "s:claimed");
    BOOST_TEST(cell(families, evil, 12) ==
               "s:claim recorded: significant and sustained progress, submitted 2026-02-01, "
               "reference =1+1");

    const auto evidence = sheetRows(book, "Evidence");
    const auto& evidenceHeader = SfWorkbookWriter::evidenceHeader();
    for (std::size_t c = 0; c < evidenceHeader.size(); ++c)
        BOOST_TEST(cell(evidence, 0, c) == "s:" + evidenceHeader[c]);
    // 3 + 3 (SF-1) + 3 + 3 (Okafor) + 3 + 3 (evil) rows after the header.
    BOOST_TEST(evidence->size() == 19u);
    std::size_t evilRow = 0;
    for (std::size_t r = 1; r < evidence->size(); ++r)
        if (cell(evidence, r, 0) == "s:SF-EVIL") {
            evilRow = r;
            break;
        }
    BOOST_REQUIRE(evilRow > 0);
    BOOST_TEST(cell(evidence, evilRow, 2) == "s:criterion");
    // Cal has no consent recorded, so the sheet does not name him (the consent rule).
    BOOST_TEST(cell(evidence, evilRow, 4) == "s:a child (not named: consent not given)");
    BOOST_TEST(cell(evidence, evilRow, 5) == "s:@SUM(1+1)*cmd|' /C calc'!A0");
    BOOST_TEST(cell(evidence, evilRow, 6) == "s:-2+3");
    BOOST_TEST(cell(evidence, evilRow, 7) == "d:2025-08-20");
    const std::string cut = cell(evidence, evilRow + 1, 5);
    const auto characters =
        std::count_if(cut.begin() + 2, cut.end(), [](char c) { return (c & 0xC0) != 0x80; });
    BOOST_TEST(characters == static_cast<long>(kExcelCellMaxChars));
    BOOST_TEST(cut.substr(cut.size() - std::string(kCutMarker).size()) == kCutMarker);
    BOOST_TEST(cell(evidence, evilRow + 2, 5) == "s:bell\xEF\xBF\xBD and <tag> & \"quotes\"");
    BOOST_TEST(cell(evidence, evilRow + 2, 7) == "s:1850-01-01");
    BOOST_TEST(cell(evidence, evilRow + 3, 2) == "s:outcome");
    BOOST_TEST(cell(evidence, evilRow + 3, 8) == "d:2026-01-01");
    BOOST_TEST(cell(evidence, evilRow + 3, 10) == "s:achieved");

    const auto summary = sheetRows(book, "Summary");
    BOOST_TEST(cell(summary, 1, 1) == "d:2026-07-11");
    BOOST_TEST(cell(summary, 3, 1) == "n:4");  // four valid cases read
    BOOST_TEST(cell(summary, 4, 1) == "n:1");  // one invalid
    std::map<std::string, std::string> counts;
    for (std::size_t r = 0; r < summary->size(); ++r)
        counts[cell(summary, r, 0)] = cell(summary, r, 1);
    BOOST_TEST(counts["s:not_on_programme"] == "n:1");
    BOOST_TEST(counts["s:claimed"] == "n:1");
    BOOST_TEST(counts["s:claimable"] == "n:1");
    BOOST_TEST(counts["s:outcomes_outstanding"] == "n:1");
    BOOST_TEST(counts["s:sustaining"] == "n:0");
    BOOST_TEST(counts["s:education"] == "n:3");
    BOOST_TEST(counts["s:broken.json"] == "n:2");
    BOOST_TEST(sheetObject(book, "Summary")->getValue<int>("charts") == 1);

    auto properties = book->getObject("properties");
    BOOST_TEST(properties->getValue<std::string>("title") ==
               "Supporting Families claim readiness as of 2026-07-11");
    BOOST_TEST(properties->getValue<std::string>("category") == "OFFICIAL-SENSITIVE");
}

BOOST_AUTO_TEST_CASE(team_filter_keeps_only_that_team) {
    SfExport data(ClaimAssessor(), d("2026-07-11"), "  north ");
    BOOST_TEST(data.add(test::claimableFamily()));
    BOOST_TEST(!data.add(test::example("okafor-ready-to-close.json")));
    BOOST_TEST(data.casesRead() == 1u);
}

BOOST_AUTO_TEST_CASE(unwritable_path_is_an_exception_with_the_path) {
    SfExport data(ClaimAssessor(), d("2026-07-11"));
    BOOST_CHECK_EXCEPTION(SfWorkbookWriter::write(data, "/nonexistent-dir/out.xlsx"),
                          ExportException, [](const ExportException& e) {
                              return e.message().find("cannot write /nonexistent-dir/out.xlsx") ==
                                     0;
                          });
}

// The export written as the cases come (constant memory, rows appended, the Summary counted
// as they pass) reads back exactly as the export gathered first and written in memory.
BOOST_AUTO_TEST_CASE(a_streamed_export_reads_back_as_the_gathered_one) {
    const std::vector<Case> cases = {test::claimableFamily(),
                                     test::example("okafor-ready-to-close.json"),
                                     test::example("bennett-disengaged.json"), hostileFamily()};
    const InvalidCaseFile broken{"broken.json", {"referral.received: missing", "family: missing"}};
    for (const std::string team : {"", "North"}) {
        BOOST_TEST_CONTEXT("team \"" << team << "\"") {
            SfExport gathered(ClaimAssessor(), d("2026-07-11"), team);
            test::TempPath inMemory(".xlsx"), streamed(".xlsx");
            SfWorkbookExport stream(streamed.path(), ClaimAssessor(), d("2026-07-11"), team);
            for (const Case& kase : cases) {
                gathered.add(kase);
                stream.add(kase);
            }
            gathered.addInvalid(broken);
            stream.addInvalid(broken);
            SfWorkbookOptions options;
            options.constantMemoryFrom = 1000;  // the old way: every row in memory
            SfWorkbookWriter::write(gathered, inMemory.path(), options);
            stream.finish();
            std::ostringstream a, b;
            readBack(inMemory.path())->stringify(a);
            readBack(streamed.path())->stringify(b);
            BOOST_TEST(a.str() == b.str());
            BOOST_TEST(stream.casesRead() == gathered.casesRead());
            BOOST_TEST(stream.families() == gathered.families().size());
        }
    }
}

BOOST_AUTO_TEST_CASE(an_unfinished_streamed_export_leaves_no_file) {
    test::TempPath out(".xlsx");
    {
        SfWorkbookExport stream(out.path(), ClaimAssessor(), d("2026-07-11"));
        stream.add(test::claimableFamily());
    }
    BOOST_TEST(!std::ifstream(out.path()).good());
}

}  // namespace
