#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "case/Date.h"

using namespace ehdocs;
namespace bdata = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(date)

BOOST_DATA_TEST_CASE(parses_real_dates,
                     bdata::make({"2026-06-26", "2024-02-29", "2000-02-29", "1999-12-31"}), text) {
    auto d = Date::parse(text);
    BOOST_REQUIRE(d);
    BOOST_TEST(d->iso() == text);
}

BOOST_DATA_TEST_CASE(rejects_impossible_or_misshapen_dates,
                     bdata::make({"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
                                  "26-06-2026", "2026-6-26", "2026-06-26T10:00", "", "abcd-ef-gh"}),
                     text) {
    BOOST_TEST(!Date::parse(text));
}

BOOST_AUTO_TEST_CASE(uk_format_and_arithmetic) {
    Date d = *Date::parse("2026-06-26");
    BOOST_TEST(d.uk() == "26 June 2026");
    BOOST_TEST(d.plusDays(7).iso() == "2026-07-03");
    BOOST_TEST(daysBetween(*Date::parse("2026-03-02"), *Date::parse("2026-04-13")) == 42);
    BOOST_TEST(d.weekday() == 5);  // a Friday
    BOOST_TEST(Date::parse("2026-01-31")->plusMonths(1).iso() == "2026-02-28");
    BOOST_TEST(Date::parse("2026-09-16")->plusMonths(1).iso() == "2026-10-16");
}

BOOST_AUTO_TEST_CASE(age_counts_the_birthday_itself) {
    Date dob = *Date::parse("2014-09-03");
    BOOST_TEST(ageOn(dob, *Date::parse("2026-09-02")) == 11);
    BOOST_TEST(ageOn(dob, *Date::parse("2026-09-03")) == 12);
}

BOOST_DATA_TEST_CASE(parses_datetimes,
                     bdata::make({"2026-03-02T09:15", "2026-03-02T09:15:30", "2026-03-02T09:15Z",
                                  "2026-03-02T09:15+01:00", "2026-03-02"}),
                     text) {
    BOOST_TEST(DateTime::parse(text).has_value());
}

BOOST_DATA_TEST_CASE(rejects_bad_datetimes,
                     bdata::make({"2026-03-02T25:00", "2026-03-02 09:15", "2026-03-02T9:15",
                                  "2026-02-30T09:15", "2026-03-02T09:15+1"}),
                     text) {
    BOOST_TEST(!DateTime::parse(text).has_value());
}

BOOST_AUTO_TEST_CASE(uk_local_time_follows_summer_time) {
    // 29 March 2026 is the day the clocks go forward: 09:00 is BST, one hour ahead of UTC.
    auto winter = *DateTime::parse("2026-03-28T09:00");
    auto summer = *DateTime::parse("2026-03-29T09:00");
    BOOST_TEST(hoursBetween(winter, summer) == 23.0);
    BOOST_TEST(hoursBetween(*DateTime::parse("2026-06-01T09:00"),
                            *DateTime::parse("2026-06-01T09:00Z")) == 1.0);
    BOOST_TEST(DateTime::parse("2026-03-02T09:15")->uk() == "2 March 2026, 09:15");
}

BOOST_AUTO_TEST_SUITE_END()
