// Bank holidays of England and Wales, 2020-2030, against the published list (gov.uk).

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "rules/WorkingCalendar.h"

using namespace ehdocs;
using rules::WorkingCalendar;
namespace bdata = boost::unit_test::data;

namespace {

struct Year {
    int year;
    std::vector<std::string> holidays;
};
std::ostream& operator<<(std::ostream& out, const Year& y) {
    return out << y.year;
}

// As published at https://www.gov.uk/bank-holidays (England and Wales).
const std::vector<Year> kPublished = {
    {2020,
     {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
      "2020-12-25", "2020-12-28"}},
    {2021,
     {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
      "2021-12-27", "2021-12-28"}},
    {2022,
     {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
      "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}},
    {2023,
     {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
      "2023-08-28", "2023-12-25", "2023-12-26"}},
    {2024,
     {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
      "2024-12-25", "2024-12-26"}},
    {2025,
     {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
      "2025-12-25", "2025-12-26"}},
    {2026,
     {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
      "2026-12-25", "2026-12-28"}},
    {2027,
     {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
      "2027-12-27", "2027-12-28"}},
    {2028,
     {"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28",
      "2028-12-25", "2028-12-26"}},
    {2029,
     {"2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27",
      "2029-12-25", "2029-12-26"}},
    {2030,
     {"2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26",
      "2030-12-25", "2030-12-26"}},
};

Date d(const std::string& iso) {
    return *Date::parse(iso);
}

}  // namespace

BOOST_DATA_TEST_CASE(bank_holidays_match_the_published_list, bdata::make(kPublished), y) {
    std::vector<std::string> computed;
    for (Date day : WorkingCalendar::bankHolidays(y.year)) computed.push_back(day.iso());
    BOOST_TEST(computed == y.holidays, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(replaced_holidays_are_working_days) {
    // 2020: VE Day on Friday 8 May replaced the first Monday of May.
    BOOST_TEST(WorkingCalendar::isWorkingDay(d("2020-05-04")));
    BOOST_TEST(!WorkingCalendar::isWorkingDay(d("2020-05-08")));
    // 2022: the spring bank holiday moved from Monday 30 May to Thursday 2 June.
    BOOST_TEST(WorkingCalendar::isWorkingDay(d("2022-05-30")));
    BOOST_TEST(!WorkingCalendar::isWorkingDay(d("2022-06-02")));
}

BOOST_AUTO_TEST_CASE(working_days_skip_weekends_and_bank_holidays) {
    // The spec's example: 5 working days after Monday 2 March 2026 is Monday 9 March.
    BOOST_TEST(WorkingCalendar::addWorkingDays(d("2026-03-02"), 5).iso() == "2026-03-09");
    // Over Easter 2026 (Good Friday 3 April, Easter Monday 6 April).
    BOOST_TEST(WorkingCalendar::addWorkingDays(d("2026-04-02"), 1).iso() == "2026-04-07");
    BOOST_TEST(WorkingCalendar::addWorkingDays(d("2026-04-02"), 5).iso() == "2026-04-13");
    // From a Saturday, the first working day is Monday.
    BOOST_TEST(WorkingCalendar::addWorkingDays(d("2026-03-07"), 1).iso() == "2026-03-09");
    // Across the new year (Christmas 2026 on Friday, Boxing Day substitute Monday 28).
    BOOST_TEST(WorkingCalendar::addWorkingDays(d("2026-12-24"), 2).iso() == "2026-12-30");
    BOOST_TEST(WorkingCalendar::addWorkingDays(d("2026-12-31"), 1).iso() == "2027-01-04");
    BOOST_TEST(WorkingCalendar::workingDaysBetween(d("2026-03-02"), d("2026-03-10")) == 6);
    BOOST_TEST(WorkingCalendar::workingDaysBetween(d("2026-04-02"), d("2026-04-07")) == 1);
    BOOST_TEST(WorkingCalendar::workingDaysBetween(d("2026-03-10"), d("2026-03-02")) == 0);
}
