#define BOOST_TEST_MODULE ehdocs case
#include <boost/test/unit_test.hpp>
