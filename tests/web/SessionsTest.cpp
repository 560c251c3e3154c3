#include <boost/test/unit_test.hpp>

#include "web/Sessions.h"

using ehdocs::web::Sessions;

namespace {

struct Clocked {
    Poco::Timestamp now = Poco::Timestamp::fromEpochTime(1782900000);
    void minutes(int m) { now += Poco::Timespan(m * 60, 0); }
    Sessions sessions{[this] { return now; }, Poco::Timespan(30 * 60, 0),
                      Poco::Timespan(10 * 3600, 0), 3};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SessionsTest)

BOOST_FIXTURE_TEST_CASE(a_session_names_its_user_and_has_its_own_csrf_token, Clocked) {
    const auto a = sessions.start("amira"), b = sessions.start("amira");
    BOOST_TEST(a.id.size() == 64u);
    BOOST_TEST(a.id != b.id);
    BOOST_TEST(a.csrfToken != b.csrfToken);
    BOOST_TEST(a.csrfToken != a.id);
    BOOST_TEST(sessions.touch(a.id)->userName == "amira");
    BOOST_TEST(!sessions.touch("not-a-session"));
}

BOOST_FIXTURE_TEST_CASE(it_ends_after_thirty_idle_minutes, Clocked) {
    const auto s = sessions.start("amira");
    minutes(29);
    BOOST_TEST(sessions.touch(s.id).has_value());  // seen: the idle clock starts again
    minutes(29);
    BOOST_TEST(sessions.touch(s.id).has_value());
    minutes(30);
    BOOST_TEST(!sessions.touch(s.id).has_value());
    minutes(-60);  // forgotten for good, even if the clock goes back
    BOOST_TEST(!sessions.touch(s.id).has_value());
}

BOOST_FIXTURE_TEST_CASE(it_ends_at_the_absolute_limit_however_busy, Clocked) {
    const auto s = sessions.start("amira");
    for (int i = 0; i < 599 / 20; ++i) {
        minutes(20);
        BOOST_TEST_REQUIRE(sessions.touch(s.id).has_value());
    }
    minutes(20);  // 10 hours and 0 minutes after signing in
    BOOST_TEST(!sessions.touch(s.id).has_value());
}

BOOST_FIXTURE_TEST_CASE(ending_and_ending_all_of_a_user, Clocked) {
    const auto a = sessions.start("amira"), b = sessions.start("amira"), c = sessions.start("ben");
    sessions.end(a.id);
    BOOST_TEST(!sessions.touch(a.id));
    sessions.endAllOf("amira");
    BOOST_TEST(!sessions.touch(b.id));
    BOOST_TEST(sessions.touch(c.id).has_value());
}

BOOST_FIXTURE_TEST_CASE(beyond_capacity_the_least_recently_seen_session_ends, Clocked) {
    const auto a = sessions.start("a");
    minutes(1);
    const auto b = sessions.start("b");
    minutes(1);
    const auto c = sessions.start("c");
    sessions.touch(a.id);
    sessions.start("d");
    BOOST_TEST(sessions.touch(a.id).has_value());
    BOOST_TEST(!sessions.touch(b.id).has_value());
    BOOST_TEST(sessions.touch(c.id).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
