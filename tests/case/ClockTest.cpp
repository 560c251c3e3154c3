// The one clock (case/Clock.h): today is the UK date, in summer and in winter, either side of
// the nights the clocks change; timestamps stay UTC.

#include <Poco/DateTime.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "case/Clock.h"

using namespace ehdocs;
namespace bdata = boost::unit_test::data;

namespace {

struct Instant {
    int year, month, day, hour, minute;  // UTC
    const char* ukDate;
};

std::ostream& operator<<(std::ostream& out, const Instant& i) {
    return out << i.year << "-" << i.month << "-" << i.day << " " << i.hour << ":" << i.minute
               << "Z";
}

Poco::Timestamp utc(const Instant& i) {
    return Poco::DateTime(i.year, i.month, i.day, i.hour, i.minute).timestamp();
}

// In 2026 the clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.
const Instant kInstants[] = {
    {2026, 6, 30, 23, 30, "2026-07-01"},   // 00:30 BST: already the next day
    {2026, 7, 1, 0, 30, "2026-07-01"},     // 01:30 BST
    {2026, 6, 30, 22, 59, "2026-06-30"},   // 23:59 BST
    {2026, 1, 15, 23, 30, "2026-01-15"},   // GMT: the UTC date
    {2026, 3, 28, 23, 30, "2026-03-28"},   // the night before summer time starts
    {2026, 3, 29, 0, 59, "2026-03-29"},    // 00:59 GMT, a minute before
    {2026, 10, 24, 23, 30, "2026-10-25"},  // 00:30 BST, the last night of summer time
    {2026, 10, 25, 0, 59, "2026-10-25"},   // 01:59 BST
    {2026, 10, 25, 23, 30, "2026-10-25"},  // 23:30 GMT, winter again
    {2026, 12, 31, 23, 59, "2026-12-31"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(uk_clock)

BOOST_DATA_TEST_CASE(today_is_the_uk_date, bdata::make(kInstants), instant) {
    const Poco::Timestamp at = utc(instant);
    BOOST_TEST(ukToday([at] { return at; }).iso() == instant.ukDate);
    BOOST_TEST(ukDate(at).iso() == instant.ukDate);
}

BOOST_AUTO_TEST_CASE(timestamps_keep_their_utc_offset) {
    const Poco::Timestamp at = utc({2026, 6, 30, 23, 30, ""});
    BOOST_TEST(utcTimestamp(at) == "2026-06-30T23:30:00Z");
}

BOOST_AUTO_TEST_CASE(the_system_clock_tells_the_time) {
    const Poco::Timestamp before;
    const Poco::Timestamp told = systemClock()();
    BOOST_TEST(told.epochMicroseconds() >= before.epochMicroseconds());
    BOOST_TEST(told.epochMicroseconds() - before.epochMicroseconds() < 60 * 1000000LL);
}

BOOST_AUTO_TEST_SUITE_END()
