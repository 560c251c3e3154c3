#define BOOST_TEST_MODULE ehdocs records service
#include <boost/test/unit_test.hpp>
