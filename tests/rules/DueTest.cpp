// What is due next on an open case (docs/rules.md, "What is due next"): the report's `due`,
// soonest first, at several dates, including a gap that is due today and late tomorrow.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "CaseFixture.h"

using namespace ehdocs;
namespace bdata = boost::unit_test::data;

namespace {

rules::CheckReport openOkafor(const std::string& checkDate, test::Mutations more = {}) {
    test::Mutations m = {{"closure", "-"}, {"status", "\"open\""}};
    m.insert(m.end(), more.begin(), more.end());
    return test::runRow({"", "okafor", "", m, checkDate, "", "", ""});
}

std::string listed(const std::vector<rules::DueItem>& due) {
    std::string out;
    for (const rules::DueItem& d : due) out += d.due.iso() + " " + d.rule + " " + d.what + "\n";
    return out;
}

const rules::DueItem* find(const rules::CheckReport& r, const std::string& rule) {
    for (const rules::DueItem& d : r.due)
        if (d.rule == rule) return &d;
    return nullptr;
}

bool late(const rules::CheckReport& r, const std::string& rule) {
    for (const rules::Finding& f : r.warnings)
        if (f.rule == rule) return true;
    return false;
}

struct DueRow {
    std::string checkDate, rule, due, what;  // due "" = not listed
};
std::ostream& operator<<(std::ostream& out, const DueRow& r) {
    return out << r.rule << " on " << r.checkDate;
}

const std::vector<DueRow> kRows = {
    // Allocated 2 March 16:30; newham-ffs: first visit 5 working days, assessment 20 days from
    // the referral (2 March), initial TAF 30 days from the referral and 10 after the assessment.
    {"2026-03-04", "time.first_visit", "2026-03-09", "first visit"},
    {"2026-03-04", "time.assessment", "2026-03-22", "assessment completed and authorised"},
    {"2026-03-04", "time.initial_meeting", "2026-04-01", "initial TAF meeting"},
    {"2026-03-04", "time.targets", "2026-03-09", "first visit (manager's target)"},
    {"2026-03-04", "time.supervision_interval", "2026-03-30", "supervision"},
    {"2026-03-04", "time.review_interval", "", ""},  // no initial TAF yet: the clock has not begun
    {"2026-03-07", "time.first_visit", "", ""},      // visited on 6 March: done
    {"2026-03-19", "time.initial_meeting", "2026-03-28", "initial TAF meeting"},  // 10 after 18th
    {"2026-04-01", "time.plan_review", "2026-05-07", "review of plan version 1"},
    {"2026-04-01", "time.review_interval", "2026-05-07", "review TAF meeting"},
    {"2026-04-01", "time.visit_interval", "2026-04-09", "next visit"},  // 14 days after the TAF
    {"2026-06-20", "time.visit_interval", "2026-07-02", "next visit"},
    {"2026-06-20", "time.supervision_interval", "2026-07-07", "supervision"},
    {"2026-06-20", "time.review_interval", "2026-07-30", "review TAF meeting"},
    {"2026-07-02", "time.visit_interval", "2026-07-02", "next visit"},  // due today: not late
    {"2026-07-03", "time.visit_interval", "", ""},                      // late the next day
};

}  // namespace

BOOST_DATA_TEST_CASE(what_is_due_next, bdata::make(kRows), row) {
    rules::CheckReport r = openOkafor(row.checkDate);
    const rules::DueItem* item = find(r, row.rule);
    if (row.due.empty()) {
        BOOST_TEST(!item, listed(r.due));
        return;
    }
    BOOST_REQUIRE_MESSAGE(item, row.rule << " is not due:\n" << listed(r.due));
    BOOST_TEST(item->due.iso() == row.due);
    BOOST_TEST(item->what == row.what);
    BOOST_TEST(!late(r, row.rule));
}

BOOST_AUTO_TEST_CASE(a_gap_due_today_is_late_tomorrow) {
    rules::CheckReport today = openOkafor("2026-07-02");
    BOOST_TEST(!late(today, "time.visit_interval"));
    rules::CheckReport tomorrow = openOkafor("2026-07-03");
    BOOST_TEST(late(tomorrow, "time.visit_interval"));
    BOOST_TEST(!find(tomorrow, "time.visit_interval"));
}

BOOST_AUTO_TEST_CASE(due_is_soonest_first) {
    rules::CheckReport r = openOkafor("2026-06-20");
    BOOST_REQUIRE(r.due.size() >= 3u);
    for (size_t i = 1; i < r.due.size(); ++i) BOOST_TEST((r.due[i - 1].due <= r.due[i].due));
    BOOST_TEST(r.due.front().rule == "time.visit_interval");
}

BOOST_AUTO_TEST_CASE(each_childs_words_are_due_in_barnet) {
    rules::CheckReport r =
        test::runRow({"", "okafor", "barnet-0-19", {{"closure", "-"}}, "2026-06-20", "", "", ""});
    int children = 0;
    for (const rules::DueItem& d : r.due)
        if (d.rule == "time.voice_of_child") ++children;
    BOOST_TEST(children == 2, listed(r.due));
}

BOOST_AUTO_TEST_CASE(a_closed_case_has_nothing_due) {
    BOOST_TEST(test::runRow({"", "okafor", "", {}, "2026-06-20", "", "", ""}).due.empty());
    BOOST_TEST(test::runRow({"", "bennett", "", {}, "2026-09-20", "", "", ""}).due.empty());
}
