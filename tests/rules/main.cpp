#define BOOST_TEST_MODULE ehdocs rules
#include <boost/test/unit_test.hpp>
