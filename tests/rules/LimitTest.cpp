// Timescales: parsing and "exactly on the limit is on time, one more is late".

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "rules/Limit.h"

using namespace ehdocs;
using rules::Limit;
namespace bdata = boost::unit_test::data;

namespace {

struct Boundary {
    std::string limit, from, onTime, late;
};
std::ostream& operator<<(std::ostream& out, const Boundary& b) {
    return out << b.limit << " from " << b.from;
}

const std::vector<Boundary> kBoundaries = {
    {"24 hours", "2026-03-02T09:15", "2026-03-03T09:15", "2026-03-03T09:16"},
    // Clocks go forward on 29 March 2026: 24 real hours end at 21:00 local, not 20:00.
    {"24 hours", "2026-03-28T20:00", "2026-03-29T21:00", "2026-03-29T21:01"},
    // Clocks go back on 25 October 2026.
    {"24 hours", "2026-10-24T20:00", "2026-10-25T19:00", "2026-10-25T19:01"},
    {"48 hours", "2026-09-02T09:00", "2026-09-04T09:00", "2026-09-04T09:01"},
    {"20 days", "2026-03-02T09:15", "2026-03-22T23:59", "2026-03-23T00:00"},
    {"6 weeks", "2026-03-26", "2026-05-07", "2026-05-08"},
    {"1 month", "2026-09-16", "2026-10-16", "2026-10-17"},
    {"1 month", "2026-01-31", "2026-02-28", "2026-03-01"},
    {"3 months", "2026-04-16", "2026-07-16", "2026-07-17"},
    {"5 working days", "2026-03-02T16:30", "2026-03-09T23:00", "2026-03-10T08:00"},
    {"10 working days", "2026-03-18", "2026-04-01", "2026-04-02"},
    {"2 working days", "2026-04-02", "2026-04-08", "2026-04-09"},  // over Easter
};

}  // namespace

BOOST_DATA_TEST_CASE(exactly_on_the_limit_is_on_time, bdata::make(kBoundaries), b) {
    Limit limit = *Limit::parse(b.limit);
    DateTime from = *DateTime::parse(b.from);
    BOOST_TEST(limit.met(from, *DateTime::parse(b.onTime)));
    BOOST_TEST(!limit.met(from, *DateTime::parse(b.late)));
}

BOOST_AUTO_TEST_CASE(parses_counts_and_units) {
    BOOST_TEST(Limit::parse("5 working days")->text() == "5 working days");
    BOOST_TEST(Limit::parse("1 working day")->text() == "1 working day");
    BOOST_TEST(Limit::parse("  24   hours ")->text() == "24 hours");
    BOOST_TEST(Limit::parse("1 month")->text() == "1 month");
    BOOST_TEST(Limit::parse("6 weeks")->inHours() == false);
    BOOST_TEST(Limit::parse("24 hours")->inHours());
    for (const char* bad : {"", "five days", "0 days", "-1 days", "5", "5 fortnights", "5 working",
                            "5 working hours", "5 days later", "10000 days", "1.5 days"})
        BOOST_TEST(!Limit::parse(bad), bad);
}

BOOST_AUTO_TEST_CASE(describes_gaps_in_its_own_unit) {
    DateTime from = *DateTime::parse("2026-03-02T16:30");
    BOOST_TEST(Limit::parse("5 working days")->gapText(from, *DateTime::parse("2026-03-10")) ==
               "6 working days");
    BOOST_TEST(Limit::parse("24 hours")->gapText(from, *DateTime::parse("2026-03-03T17:45")) ==
               "25 hours 15 minutes");
    BOOST_TEST(Limit::parse("6 weeks")->gapText(from, *DateTime::parse("2026-04-14")) == "43 days");
}
