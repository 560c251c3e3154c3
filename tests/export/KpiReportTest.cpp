#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include "TestCases.h"
#include "export/KpiReport.h"
#include "export/KpiWorkbookWriter.h"
#include "rules/ProfileRegistry.h"

namespace {

using namespace ehdocs;
using test::d;

DateTime at(const char* iso) {
    return *DateTime::parse(iso);
}

Case baseCase(const char* id, const char* received) {
    Case kase;
    kase.caseId = id;
    kase.service.name = "Families First";
    kase.service.team = "North";
    Member child;
    child.id = "c1";
    child.kind = "child";
    child.firstName = "Cal";
    child.lastName = id;
    child.dob = d("2015-06-01");
    child.gender = "male";
    child.ethnicity = "White British";
    kase.family.members = {child};
    Worker w;
    w.id = "w1";
    w.name = "Wendy Worker";
    w.role = "family_worker";
    w.agency = "Families First";
    kase.workers = {w};
    kase.referral.received = at(received);
    kase.referral.route = "new";
    kase.referral.reasons = {"housing"};
    return kase;
}

void allocate(Case& kase, const char* when) {
    Allocation a;
    a.allocatedAt = at(when);
    a.worker = "w1";
    kase.allocation = a;
    kase.leadWorker = "w1";
    kase.referral.decision = ReferralDecision{"allocated", std::nullopt, ""};
}

Contact visit(const char* when) {
    Contact c;
    c.at = at(when);
    c.kind = "home_visit";
    c.with = {"c1"};
    return c;
}

Score score(double value) {
    Score s;
    s.tool = "wellbeing_scale";
    s.score = value;
    return s;
}

// Four cases whose KPIs for April 2026 are worked out by hand in the comments.
KpiReport april() {
    KpiReport report({d("2026-04-01"), d("2026-04-30")});

    Case a = baseCase("A", "2026-04-01T09:00");  // request in April, open at the end
    a.referral.source = "school";
    allocate(a, "2026-04-01T15:00");                                      // 6 hours: within 24
    a.contacts = {visit("2026-04-03T10:00"), visit("2026-04-20T10:00")};  // 2 days: in time
    a.assessment = Assessment{};
    a.assessment->completed = d("2026-04-25");  // 24 days: late
    Meeting taf;
    taf.kind = "initial_taf";
    taf.at = at("2026-04-28T10:00");  // 27 days from referral, 3 after assessment
    Attendee school;
    school.agency = "Hill School";
    school.attended = true;
    Attendee us;
    us.worker = "w1";
    us.attended = true;
    taf.attendees = {us, school};
    a.meetings = {taf};
    Supervision sup;
    sup.at = at("2026-04-10T10:00");
    a.supervision = {sup};
    report.add(a);

    Case b = baseCase("B", "2026-01-10T09:00");  // a January request, closed in April
    b.referral.route = "re_referral";
    b.referral.source = "health";
    allocate(b, "2026-01-11T09:00");
    b.assessment = Assessment{};
    b.assessment->scores = {score(3), score(5)};
    Closure closure;
    closure.date = d("2026-04-15");
    closure.finalScores = {score(6), score(8)};
    b.closure = closure;
    report.add(b);

    Case c = baseCase("C", "2026-04-20T09:00");  // to NAM, never allocated
    c.referral.source = "police";
    c.referral.decision = ReferralDecision{"nam", std::nullopt, ""};
    Meeting nam;
    nam.kind = "nam";
    nam.at = at("2026-04-27T14:00");
    c.meetings = {nam};
    report.add(c);

    Case e = baseCase("B", "2026-04-25T09:00");  // the child of B again: a repeat
    e.caseId = "E";
    e.referral.source = "self";
    e.referral.decision = ReferralDecision{"advice", std::nullopt, ""};
    report.add(e);
    return report;
}

const KpiRow& find(const std::vector<KpiRow>& rows, const std::string& measure) {
    for (const auto& r : rows)
        if (r.measure == measure) return r;
    BOOST_FAIL("no KPI row " << measure);
    return rows.front();
}

std::string fraction(const KpiRow& r) {
    const auto text = [](const std::optional<double>& v) {
        return v ? std::to_string(static_cast<long>(*v)) : std::string("-");
    };
    return text(r.numerator) + "/" + text(r.denominator);
}

BOOST_AUTO_TEST_CASE(april_counts_match_the_hand_count) {
    const auto rows = april().rows();
    BOOST_TEST(fraction(find(rows, "Requests received")) == "3/-");
    BOOST_TEST(fraction(find(rows, "Source: school")) == "1/3");
    BOOST_TEST(fraction(find(rows, "Source: health")) == "0/3");
    BOOST_TEST(fraction(find(rows, "Decision: nam")) == "1/3");
    BOOST_TEST(fraction(find(rows, "Reason: housing")) == "3/3");
    BOOST_TEST(fraction(find(rows, "Repeat requests")) == "1/3");
    BOOST_TEST(fraction(find(rows, "Allocations in the period made within the profile's time")) ==
               "1/1");
    BOOST_TEST(fraction(find(rows, "First visits in the period made within the standard")) ==
               "1/1");
    BOOST_TEST(fraction(find(rows, "Assessments completed in the period within the standard")) ==
               "0/1");
    BOOST_TEST(fraction(find(
                   rows, "Initial TAF meetings held in the period within the standard")) == "1/1");
    BOOST_TEST(
        fraction(
            find(rows, "Open episodes whose last visit is within the standard of the last day")) ==
        "1/1");
    BOOST_TEST(fraction(find(rows, "Episodes closed in the period within the standard")) == "1/1");
    BOOST_TEST(fraction(find(rows, "TAF meetings in the period attended by another agency")) ==
               "1/1");
    BOOST_TEST(fraction(find(rows, "Episodes opened (allocated) in the period")) == "1/-");
    BOOST_TEST(fraction(find(rows, "Episodes closed in the period")) == "1/-");
    BOOST_TEST(fraction(find(rows, "Episodes open on the last day")) == "1/-");
    // A was allocated 29 days before the last day (the default standard is 4 weeks), and was
    // supervised on 10 April, 20 days before it.
    BOOST_TEST(fraction(find(
                   rows, "Open episodes with a supervision record within the standard")) == "1/1");
    BOOST_TEST(fraction(find(rows,
                             "Episodes closed in the period whose scores rose from "
                             "assessment to closure")) == "1/1");
    BOOST_TEST(fraction(find(rows, "Families with a NAM meeting in the period")) == "1/-");
    BOOST_TEST(fraction(find(rows, "Average days from referral to the first NAM meeting")) ==
               "7/1");
    int unanswerable = 0;
    for (const auto& r : rows) unanswerable += !r.answerable;
    BOOST_TEST(unanswerable == 4);
}

BOOST_AUTO_TEST_CASE(months_caseloads_and_demography) {
    const KpiReport report = april();
    const auto months = report.months();
    BOOST_REQUIRE(months.size() == 1u);
    BOOST_TEST(months[0].opened == 1);
    BOOST_TEST(months[0].closed == 1);
    BOOST_TEST(months[0].openAtEnd == 1);
    const auto loads = report.caseloads();
    BOOST_REQUIRE(loads.size() == 1u);
    BOOST_TEST(loads[0].value == "Wendy Worker");
    BOOST_TEST(loads[0].count == 1);
    int requestChildren = 0;
    for (const auto& c : report.demography())
        if (c.group == "Requests received in the period" && c.dimension == "Age band") {
            BOOST_TEST(c.value == "5-10");
            requestChildren += c.count;
        }
    BOOST_TEST(requestChildren == 3);
}

BOOST_AUTO_TEST_CASE(kpi_workbook_reads_back) {
    test::TempPath out(".xlsx");
    KpiReport report = april();
    report.addInvalid({"bad.json", {"case_id: is required"}});
    KpiWorkbookWriter::write(report, out.path());
    const std::string json = test::runCommand(
        "/usr/bin/python3 " EHDOCS_SOURCE_DIR "/tests/export/read_workbook.py " + out.path());
    const auto book = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    const auto sheets = book->getArray("sheets");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < sheets->size(); ++i)
        names.push_back(sheets->getObject(i)->getValue<std::string>("name"));
    BOOST_TEST(names == std::vector<std::string>(
                            {"KPIs", "Throughput", "Caseloads", "Demography", "Invalid files"}));
    BOOST_TEST(book->getValue<int>("formula_elements") == 0);
    const auto kpis = sheets->getObject(0)->getArray("rows");
    const auto& header = KpiWorkbookWriter::kpiHeader();
    for (std::size_t c = 0; c < header.size(); ++c)
        BOOST_TEST(kpis->getArray(0)->getObject(c)->getValue<std::string>("v") == header[c]);
    const auto first = kpis->getArray(1);
    BOOST_TEST(first->getObject(2)->getValue<std::string>("v") == "Requests received");
    BOOST_TEST(first->getObject(3)->getValue<int>("v") == 3);
    const auto month = sheets->getObject(1)->getArray("rows")->getArray(1);
    BOOST_TEST(month->getObject(0)->getValue<std::string>("t") == "d");
    BOOST_TEST(month->getObject(0)->getValue<std::string>("v") == "2026-04-01");
    BOOST_TEST(sheets->getObject(1)->getValue<int>("charts") == 1);
    BOOST_TEST(sheets->getObject(2)->getValue<int>("charts") == 1);
    // The monthly chart's axis reads as months in any spreadsheet: its categories are text.
    BOOST_TEST(month->getObject(4)->getValue<std::string>("t") == "s");
    BOOST_TEST(month->getObject(4)->getValue<std::string>("v") == "Apr 2026");
    BOOST_TEST(book->getArray("chart_categories")->getElement<std::string>(0) ==
               "Throughput!$E$2");  // one month in the period: one category
    // Every sheet prints landscape on A4, one page wide, its header row on every page.
    for (std::size_t i = 0; i < sheets->size(); ++i) {
        const auto print = sheets->getObject(i)->getObject("print");
        const std::string name = sheets->getObject(i)->getValue<std::string>("name");
        BOOST_TEST(print->getValue<std::string>("orientation") == "landscape", name);
        BOOST_TEST(print->getValue<int>("paper") == 9, name);
        BOOST_TEST(print->getValue<int>("fit_width") == 1, name);
        BOOST_TEST(print->getValue<int>("fit_height") == 0, name);
        BOOST_TEST(print->getValue<bool>("fit"), name);
        BOOST_TEST(print->getValue<std::string>("title_rows") == "$1:$1", name);
    }
    const auto invalid = sheets->getObject(4)->getArray("rows")->getArray(1);
    BOOST_TEST(invalid->getObject(1)->getValue<std::string>("v") == "case_id: is required");
}

}  // namespace

namespace {

BOOST_AUTO_TEST_CASE(allocation_is_judged_by_each_case_profile) {
    const auto profiles = ehdocs::rules::ProfileRegistry::builtIn();
    ehdocs::KpiReport report({d("2026-04-01"), d("2026-04-30")}, {}, "",
                             ehdocs::profileStandards(profiles));
    for (const char* profile : {"dorset-locality", "newham-ffs", "no-such-profile"}) {
        Case kase = baseCase(profile, "2026-04-06T09:00");
        kase.profile = profile;
        allocate(kase, "2026-04-07T15:00");  // 30 hours: within 48, not within 24
        report.add(kase);
    }
    const auto rows = report.rows();
    const auto& row = find(rows, "Allocations in the period made within the profile's time");
    // The unknown profile falls back to standard, which has no allocation timescale: that case
    // is not counted. Rows that mix profiles say so, each standard with its profiles.
    BOOST_TEST(fraction(row) == "1/2");
    BOOST_TEST(row.standard ==
               "mixed profiles: within 24 hours of the referral (newham-ffs); within 48 hours of "
               "the referral (dorset-locality)");
}

BOOST_AUTO_TEST_CASE(each_case_is_judged_by_its_own_profiles_standards) {
    const auto profiles = ehdocs::rules::ProfileRegistry::builtIn();
    ehdocs::KpiReport report({d("2026-04-01"), d("2026-06-10")}, {}, "",
                             ehdocs::profileStandards(profiles));
    // Allocated 1 April; an initial TAF on 2 April, then nothing: on 10 June the last TAF is
    // 69 days old: late for newham-ffs (6 weeks) and barnet-0-19 (8 weeks), on time for the
    // SOP (12 weeks).
    for (const char* profile : {"newham-ffs", "barnet-0-19", "family-work-sop"}) {
        Case kase = baseCase(profile, "2026-04-01T09:00");
        kase.profile = profile;
        allocate(kase, "2026-04-01T15:00");
        Meeting taf;
        taf.kind = "initial_taf";
        taf.at = at("2026-04-02T10:00");
        kase.meetings = {taf};
        // First visit on 15 April: 8 working days after allocation (Easter falls between):
        // late for newham-ffs (5) and barnet-0-19 (7), on time for the SOP (10).
        kase.contacts = {visit("2026-04-15T10:00")};
        report.add(kase);
    }
    const auto rows = report.rows();
    const auto& review =
        find(rows, "Open episodes whose last TAF meeting is within the standard of the last day");
    BOOST_TEST(fraction(review) == "1/3");
    BOOST_TEST(review.standard ==
               "mixed profiles: at least every 12 weeks (family-work-sop); at least every 6 weeks "
               "(newham-ffs); at least every 8 weeks (barnet-0-19)");
    const auto& visit = find(rows, "First visits in the period made within the standard");
    BOOST_TEST(fraction(visit) == "1/3");
    BOOST_TEST(visit.standard.find("within 10 working days of allocation (family-work-sop)") !=
               std::string::npos);
}

}  // namespace
