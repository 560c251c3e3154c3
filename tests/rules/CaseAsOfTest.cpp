// "Nothing dated after the as-of date is counted."

#include <boost/test/unit_test.hpp>

#include "CaseFixture.h"
#include "rules/CaseAsOf.h"
#include "rules/ClosureCheck.h"

using namespace ehdocs;

BOOST_AUTO_TEST_CASE(records_after_the_as_of_date_are_cut) {
    Case okafor = test::readCase(test::loadExample("okafor-ready-to-close.json"));
    Case cut = rules::caseAsOf(okafor, *Date::parse("2026-03-19"));
    // Contacts on 3, 6, 12 and 19 March: the one on the day itself counts.
    BOOST_TEST(cut.contacts.size() == 4u);
    BOOST_TEST(cut.contacts.back().id == "k4");
    BOOST_TEST(cut.meetings.empty());
    BOOST_TEST(cut.plans.empty());
    BOOST_TEST(cut.supervision.size() == 2u);  // 2 and 9 March
    BOOST_TEST(cut.documents.empty());
    BOOST_TEST(cut.directWork.size() == 2u);
    // Completed on 18 March; authorised and shared on 20 March, so not yet.
    BOOST_REQUIRE(cut.assessment.has_value());
    BOOST_TEST(cut.assessment->completed->iso() == "2026-03-18");
    BOOST_TEST(!cut.assessment->authorised.has_value());
    BOOST_TEST(!cut.assessment->sharedWithFamily.has_value());
    // The closure's undated lists stay; its dated attempts would be cut.
    BOOST_TEST(cut.closure->ongoingSupport.size() == 2u);
    // The original is untouched.
    BOOST_TEST(okafor.contacts.size() == 12u);
}

BOOST_AUTO_TEST_CASE(the_measuring_date_is_the_earlier_of_closure_and_check_dates) {
    Case bennett = test::readCase(test::loadExample("bennett-disengaged.json"));
    BOOST_TEST(rules::measuringDate(bennett, *Date::parse("2027-05-01")).iso() == "2026-09-30");
    BOOST_TEST(rules::measuringDate(bennett, *Date::parse("2026-09-30")).iso() == "2026-09-30");
    BOOST_TEST(rules::measuringDate(bennett, *Date::parse("2026-09-20")).iso() == "2026-09-20");
    bennett.closure.reset();
    BOOST_TEST(rules::measuringDate(bennett, *Date::parse("2027-05-01")).iso() == "2027-05-01");
}

BOOST_AUTO_TEST_CASE(the_cut_is_skipped_only_when_nothing_is_later) {
    Case okafor = test::readCase(test::loadExample("okafor-ready-to-close.json"));
    BOOST_TEST(!rules::hasRecordsAfter(okafor, *Date::parse("2026-06-26")));
    BOOST_TEST(rules::hasRecordsAfter(okafor, *Date::parse("2026-06-25")));
    BOOST_TEST(rules::hasRecordsAfter(okafor, *Date::parse("2026-03-19")));
    // Day by day over the case: whenever nothing is later, the cut changes nothing.
    auto size = [](const Case& c) {
        return c.contacts.size() + c.meetings.size() + c.plans.size() + c.supervision.size() +
               c.documents.size() + c.correspondence.size() + c.agencyReferrals.size() +
               c.feedback.size() + c.chronology.size() + c.directWork.size();
    };
    for (Date d = *Date::parse("2026-03-01"); d <= *Date::parse("2026-07-01"); d = d.plusDays(1)) {
        Case cut = rules::caseAsOf(okafor, d);
        bool changed = size(cut) != size(okafor) || !cut.assessment || !cut.assessment->authorised;
        BOOST_TEST(rules::hasRecordsAfter(okafor, d) == changed, d.iso());
    }
}
