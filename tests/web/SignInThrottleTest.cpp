#include <boost/test/unit_test.hpp>

#include "web/SignInThrottle.h"

using ehdocs::web::SignInThrottle;

namespace {

struct Clocked {
    Poco::Timestamp now = Poco::Timestamp::fromEpochTime(1782900000);
    void minutes(int m) { now += Poco::Timespan(m * 60, 0); }
    SignInThrottle throttle{[this] { return now; }, 5, Poco::Timespan(15 * 60, 0)};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SignInThrottleTest)

BOOST_FIXTURE_TEST_CASE(five_failures_for_a_user_lock_that_user_from_any_address, Clocked) {
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(throttle.allows("amira", "10.0.0." + std::to_string(i)));
        throttle.failed("amira", "10.0.0." + std::to_string(i));
    }
    BOOST_TEST(!throttle.allows("amira", "10.0.0.99"));
    BOOST_TEST(throttle.allows("ben", "10.0.0.98"));
}

BOOST_FIXTURE_TEST_CASE(five_failures_from_an_address_lock_that_address_for_any_user, Clocked) {
    for (int i = 0; i < 5; ++i) throttle.failed("user" + std::to_string(i), "10.0.0.1");
    BOOST_TEST(!throttle.allows("someone-else", "10.0.0.1"));
    BOOST_TEST(throttle.allows("someone-else", "10.0.0.2"));
}

BOOST_FIXTURE_TEST_CASE(the_lock_lifts_when_the_failures_age_out_of_the_window, Clocked) {
    for (int i = 0; i < 5; ++i) throttle.failed("amira", "10.0.0.1");
    minutes(14);
    BOOST_TEST(!throttle.allows("amira", "10.0.0.1"));
    minutes(1);
    BOOST_TEST(throttle.allows("amira", "10.0.0.1"));
}

BOOST_FIXTURE_TEST_CASE(a_success_clears_the_users_count, Clocked) {
    for (int i = 0; i < 4; ++i) throttle.failed("amira", "10.0.0." + std::to_string(i));
    throttle.succeeded("amira");
    throttle.failed("amira", "10.0.0.9");
    BOOST_TEST(throttle.allows("amira", "10.0.0.8"));
}

BOOST_AUTO_TEST_SUITE_END()
